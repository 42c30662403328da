// The response parsers of OPERATIONS.md §3 to §7: upload, folders and names, jobs, favourites, search.
#include "JsonReader.h"
#include "ResponseParsers.h"

namespace koodrive::api::ResponseParsers {

Result<CreatedFolder> createdFolder(const QJsonObject &json)
{
    // OPERATIONS.md §4: "→ the new folder's id"; koodrive-sim answers its whole metadata.
    JsonReader r(json, QStringLiteral("directory"));
    CreatedFolder folder{r.string("id", true), r.string("fileName")};
    if (r.ok() && folder.id.isEmpty())
        r.fail("id");
    if (!r.ok())
        return r.error();
    return folder;
}

Result<QString> renamedFileName(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("rename"));
    const QString name = r.string("fileName");
    if (!r.ok())
        return r.error();
    return name;
}

} // namespace koodrive::api::ResponseParsers
