#include "ImageProcess.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace koodrive::sim {

namespace {
bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool parseNumber(const QString &text, int min, int max, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return false;
    *out = value;
    return true;
}
} // namespace

std::optional<ImageProcess> ImageProcess::parse(const QString &text, QString *error)
{
    ImageProcess p;
    QStringList operations = text.split(QLatin1Char('/'));
    if (operations.size() < 2 || operations.takeFirst() != QLatin1String("image")) {
        fail(error, QStringLiteral("an image process starts with \"image/\""));
        return std::nullopt;
    }
    for (const QString &operation : std::as_const(operations)) {
        QStringList parts = operation.split(QLatin1Char(','));
        const QString name = parts.takeFirst();
        if (name == QLatin1String("resize")) {
            for (const QString &param : std::as_const(parts)) {
                const QString key = param.section(QLatin1Char('_'), 0, 0);
                const QString value = param.section(QLatin1Char('_'), 1);
                bool ok = true;
                if (key == QLatin1String("m")) {
                    static const QStringList modes{QStringLiteral("lfit"), QStringLiteral("mfit"),
                                                   QStringLiteral("fill"), QStringLiteral("pad"),
                                                   QStringLiteral("fixed")};
                    const auto index = modes.indexOf(value);
                    ok = index >= 0;
                    p.m_mode = Mode(std::max<qsizetype>(index, 0));
                } else if (key == QLatin1String("w")) {
                    ok = parseNumber(value, 1, 9999, &p.m_width);
                } else if (key == QLatin1String("h")) {
                    ok = parseNumber(value, 1, 9999, &p.m_height);
                } else if (key == QLatin1String("limit")) {
                    int limit = 1;
                    ok = parseNumber(value, 0, 1, &limit);
                    p.m_limit = limit == 1;
                } else if (key == QLatin1String("color")) {
                    p.m_padColor = QColor(QLatin1Char('#') + value);
                    ok = value.size() == 6 && p.m_padColor.isValid();
                } else {
                    ok = false;
                }
                if (!ok) {
                    fail(error, QStringLiteral("resize parameter \"%1\" is not valid").arg(param));
                    return std::nullopt;
                }
            }
            if (p.m_width == 0 && p.m_height == 0) {
                fail(error, QStringLiteral("resize needs w or h"));
                return std::nullopt;
            }
            p.m_resize = true;
        } else if (name == QLatin1String("quality")) {
            if (parts.size() != 1 || !parts.first().startsWith(QLatin1String("q_")) ||
                !parseNumber(parts.first().mid(2), 1, 100, &p.m_quality)) {
                fail(error, QStringLiteral("quality takes q_1 to q_100"));
                return std::nullopt;
            }
        } else if (name == QLatin1String("format")) {
            const QString format = parts.value(0);
            if (parts.size() != 1 ||
                !QStringList{QStringLiteral("jpg"), QStringLiteral("png"), QStringLiteral("webp")}.contains(
                    format)) {
                fail(error, QStringLiteral("format takes jpg, png or webp"));
                return std::nullopt;
            }
            p.m_format = format.toLatin1();
        } else if (name == QLatin1String("auto-orient")) {
            int value = 1;
            if (parts.size() != 1 || !parseNumber(parts.first(), 0, 1, &value)) {
                fail(error, QStringLiteral("auto-orient takes 0 or 1"));
                return std::nullopt;
            }
            p.m_autoOrient = value == 1;
        } else {
            fail(error, QStringLiteral("unknown image operation \"%1\"").arg(name));
            return std::nullopt;
        }
    }
    return p;
}

QString ImageProcess::canonical() const
{
    static const char *modes[] = {"lfit", "mfit", "fill", "pad", "fixed"};
    QStringList operations{QStringLiteral("image")};
    if (m_resize) {
        QString resize = QStringLiteral("resize,m_") + QLatin1String(modes[int(m_mode)]);
        if (m_height)
            resize += QStringLiteral(",h_%1").arg(m_height);
        if (m_width)
            resize += QStringLiteral(",w_%1").arg(m_width);
        if (!m_limit)
            resize += QStringLiteral(",limit_0");
        if (m_mode == Mode::Pad && m_padColor != QColor(Qt::white))
            resize += QStringLiteral(",color_") + m_padColor.name().mid(1).toUpper();
        operations << resize;
    }
    if (m_quality)
        operations << QStringLiteral("quality,q_%1").arg(m_quality);
    if (!m_format.isEmpty())
        operations << QStringLiteral("format,") + QString::fromLatin1(m_format);
    if (!m_autoOrient)
        operations << QStringLiteral("auto-orient,0");
    return operations.join(QLatin1Char('/'));
}

ImageProcess::Placement ImageProcess::place(QSize original) const
{
    const QRectF whole(QPointF(0, 0), QSizeF(original));
    if (!m_resize || original.isEmpty())
        return {original, whole};

    const double w = original.width();
    const double h = original.height();
    const double sx = m_width ? m_width / w : 0.0;
    const double sy = m_height ? m_height / h : 0.0;
    auto limited = [this](double s) { return m_limit ? std::min(s, 1.0) : s; };
    auto sized = [](double v) { return std::max(1, int(std::lround(v))); };

    switch (m_mode) {
    case Mode::Lfit: {
        const double s = limited(sx && sy ? std::min(sx, sy) : std::max(sx, sy));
        const QSize canvas(sized(w * s), sized(h * s));
        return {canvas, QRectF(QPointF(0, 0), QSizeF(canvas))};
    }
    case Mode::Mfit: {
        const double s = limited(std::max(sx, sy));
        const QSize canvas(sized(w * s), sized(h * s));
        return {canvas, QRectF(QPointF(0, 0), QSizeF(canvas))};
    }
    case Mode::Fill: {
        const double s = limited(std::max(sx, sy));
        const QSizeF scaled(w * s, h * s);
        const QSize canvas(std::min(sized(m_width ? m_width : scaled.width()), sized(scaled.width())),
                           std::min(sized(m_height ? m_height : scaled.height()), sized(scaled.height())));
        const QPointF offset((canvas.width() - scaled.width()) / 2, (canvas.height() - scaled.height()) / 2);
        return {canvas, QRectF(offset, scaled)};
    }
    case Mode::Pad: {
        const double s = limited(sx && sy ? std::min(sx, sy) : std::max(sx, sy));
        const QSizeF scaled(w * s, h * s);
        const QSize canvas(m_width ? m_width : sized(scaled.width()),
                           m_height ? m_height : sized(scaled.height()));
        const QPointF offset((canvas.width() - scaled.width()) / 2, (canvas.height() - scaled.height()) / 2);
        return {canvas, QRectF(offset, scaled)};
    }
    case Mode::Fixed: {
        const QSize canvas(m_width ? m_width : original.width(), m_height ? m_height : original.height());
        return {canvas, QRectF(QPointF(0, 0), QSizeF(canvas))};
    }
    }
    return {original, whole};
}

} // namespace koodrive::sim
