// Names from the server as local file names (transfers::LocalNames), under any bytes a server could send,
// read as UTF-8 and as raw UTF-16 (lone surrogates included). The result must be one name that stays in
// its folder: never empty, "." or "..", no separator, no control, at most 255 bytes of valid UTF-8; and
// made safe twice it must not change again. A free name found for a clash keeps the same promises.
#include "text/DisplayText.h"
#include "transfers/LocalNames.h"

#include <QSet>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkName(const QString &name)
{
    namespace LocalNames = koodrive::transfers::LocalNames;
    check(!name.isEmpty());
    check(name != QLatin1String(".") && name != QLatin1String(".."));
    check(!name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')));
    const QByteArray utf8 = name.toUtf8();
    check(utf8.size() <= LocalNames::MaxNameBytes);
    check(QString::fromUtf8(utf8) == name);
    for (char32_t c : name.toUcs4())
        check(!koodrive::text::isHiddenControl(c) && c != 0);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    namespace LocalNames = koodrive::transfers::LocalNames;
    const QString fromUtf8 = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString fromUtf16 =
        QString::fromUtf16(reinterpret_cast<const char16_t *>(data), qsizetype(size / 2));
    for (const QString &given : {fromUtf8, fromUtf16, fromUtf8.repeated(20)}) {
        const QString safe = LocalNames::safeFileName(given);
        checkName(safe);
        check(LocalNames::safeFileName(safe) == safe);
        QSet<QString> taken{safe};
        const QString free = LocalNames::firstFreeName(
            safe, [&taken](const QString &name) { return taken.contains(name); }, 3);
        checkName(free);
        check(free != safe);
    }
    return 0;
}
