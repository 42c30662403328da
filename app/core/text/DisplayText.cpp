#include "DisplayText.h"

#include <QStringView>

namespace koodrive::text {

namespace {
constexpr char16_t FirstStrongIsolate = 0x2068;
constexpr char16_t PopDirectionalIsolate = 0x2069;

bool isRightToLeft(QChar::Direction direction)
{
    return direction == QChar::DirR || direction == QChar::DirAL;
}
} // namespace

bool isHiddenControl(char32_t c)
{
    // Unicode's bidi formatting characters (UAX #9, "Explicit Directional Formatting Characters" and marks)
    // and the C0/C1 controls.
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C || c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

QString displayText(const QString &untrusted)
{
    QString out;
    bool changed = false;
    bool rightToLeft = false;
    out.reserve(untrusted.size());
    for (qsizetype i = 0; i < untrusted.size(); ++i) {
        const QChar c = untrusted.at(i);
        if (c.isHighSurrogate() && i + 1 < untrusted.size() && untrusted.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, untrusted.at(i + 1));
            rightToLeft = rightToLeft || isRightToLeft(QChar::direction(code));
            out.append(c).append(untrusted.at(i + 1));
            ++i;
            continue;
        }
        if (c.isSurrogate() || isHiddenControl(c.unicode())) {
            out.append(QChar::ReplacementCharacter);
            changed = true;
            continue;
        }
        rightToLeft = rightToLeft || isRightToLeft(c.direction());
        out.append(c);
    }
    if (rightToLeft)
        return QChar(FirstStrongIsolate) + out + QChar(PopDirectionalIsolate);
    return changed ? out : untrusted;
}

QString toolTip(const QString &plain)
{
    // Escaped, in a paragraph that keeps its lines whole (Qt::convertFromPlainText lets the tooltip wrap
    // them at its own width).
    return QStringLiteral("<p style=\"white-space:pre\">%1</p>").arg(plain.toHtmlEscaped());
}

QString durationText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    const auto two = [](qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg(two(seconds / 60 % 60), two(seconds % 60));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(two(seconds % 60));
}

QString elided(const QString &text, int maxCharacters)
{
    if (text.size() <= maxCharacters)
        return text;
    qsizetype cut = maxCharacters - 1;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    // Back to a space when one is close, so that a word is not cut in half.
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '), cut);
    if (space > cut * 3 / 4)
        cut = space;
    return QStringView(text).left(cut).trimmed().toString() + QChar(0x2026);
}

} // namespace koodrive::text
