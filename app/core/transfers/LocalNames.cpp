#include "LocalNames.h"

#include "text/DisplayText.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace koodrive::transfers::LocalNames {

namespace {
// An extension kept whole when a long name is cut ("….jpeg", "….heic"); longer ones are part of the stem.
constexpr int MaxExtensionCharacters = 16;

bool refused(char32_t c)
{
    switch (c) {
    case '/':
    case '\\':
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
    case '|': return true;
    default: break;
    }
    // Controls and the characters that reorder or hide text; noncharacters, and the replacement character
    // (QString::toUcs4 gives it for a lone surrogate: a name that was broken on its way here).
    return text::isHiddenControl(c) || c == 0xFFFD || (c >= 0xD800 && c <= 0xDFFF) ||
           (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
}

bool isReservedDevice(const QString &name)
{
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList plain{QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                   QStringLiteral("NUL")};
    if (plain.contains(stem))
        return true;
    return stem.size() == 4 &&
           (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT"))) &&
           stem.at(3) >= QLatin1Char('1') && stem.at(3) <= QLatin1Char('9');
}

// Where the extension begins (its dot), or -1: a dot that is not the first character, followed by 1 to
// MaxExtensionCharacters characters.
qsizetype extensionAt(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == name.size() - 1 || name.size() - dot - 1 > MaxExtensionCharacters)
        return -1;
    return dot;
}

// `stem` cut at a character boundary so that stem + tail fits in MaxNameBytes of UTF-8.
QString fitted(const QString &stem, const QString &tail)
{
    const qsizetype room = MaxNameBytes - tail.toUtf8().size();
    if (stem.toUtf8().size() <= room)
        return stem + tail;
    QString cut;
    qsizetype bytes = 0;
    for (char32_t c : stem.toUcs4()) {
        const qsizetype size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (bytes + size > room)
            break;
        bytes += size;
        cut += QString::fromUcs4(&c, 1);
    }
    return cut + tail;
}

QString trimmedName(QString name)
{
    name = name.trimmed();
    while (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        name.chop(1);
    return name;
}
} // namespace

QString safeFileName(const QString &untrusted, const QString &fallback)
{
    QString name;
    name.reserve(untrusted.size());
    for (char32_t c : untrusted.toUcs4())
        name += refused(c) ? QStringLiteral("_") : QString::fromUcs4(&c, 1);
    name = trimmedName(name);
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        name = fallback;
    if (name.startsWith(QLatin1Char('.')))
        name[0] = QLatin1Char('_');
    if (isReservedDevice(name)) {
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        name.insert(dot < 0 ? name.size() : dot, QLatin1Char('_'));
    }
    if (name.toUtf8().size() > MaxNameBytes) {
        const qsizetype dot = extensionAt(name);
        const QString extension = dot < 0 ? QString() : name.mid(dot);
        QString stem =
            trimmedName(fitted(dot < 0 ? name : name.left(dot), extension).chopped(extension.size()));
        if (stem.isEmpty())
            stem = fallback;
        name = stem + extension;
    }
    return name;
}

QString firstFreeName(const QString &name, const std::function<bool(const QString &)> &taken, int maxTries)
{
    if (!taken(name))
        return name;
    const qsizetype dot = extensionAt(name);
    const QString stem = dot < 0 ? name : name.left(dot);
    const QString extension = dot < 0 ? QString() : name.mid(dot);
    for (int i = 1; i <= maxTries; ++i) {
        const QString candidate = fitted(stem, QStringLiteral(" (%1)").arg(i) + extension);
        if (!taken(candidate))
            return candidate;
    }
    return {};
}

bool isInside(const QString &folder, const QString &path)
{
    // The longest part that exists, with its links followed, then the rest as written (cleaned).
    auto resolved = [](const QString &given) {
        const QString absolute = QDir::cleanPath(QFileInfo(given).absoluteFilePath());
        QString existing = absolute;
        QStringList rest;
        while (!QFileInfo::exists(existing) && existing != QLatin1String("/")) {
            rest.prepend(QFileInfo(existing).fileName());
            existing = QFileInfo(existing).path();
        }
        QString canonical = QFileInfo(existing).canonicalFilePath();
        if (canonical.isEmpty())
            canonical = existing;
        return QDir::cleanPath(rest.isEmpty() ? canonical
                                              : canonical + QLatin1Char('/') + rest.join(QLatin1Char('/')));
    };
    const QString base = resolved(folder);
    const QString target = resolved(path);
    return target == base ||
           target.startsWith(base.endsWith(QLatin1Char('/')) ? base : base + QLatin1Char('/'));
}

} // namespace koodrive::transfers::LocalNames
