#include "FileTypeIcons.h"

#include <QDir>
#include <QMimeDatabase>
#include <QPainter>
#include <QPainterPath>

namespace koodrive::ui {

namespace {
// The page's colour for a kind of file, as file managers tint them.
QColor tintOf(const QString &mime)
{
    const auto has = [&mime](const char *part) { return mime.contains(QLatin1String(part)); };
    if (mime == QLatin1String("application/pdf"))
        return {0xd9, 0x3f, 0x3a};
    if (has("spreadsheet") || has("excel") || has("csv"))
        return {0x2e, 0x9d, 0x55};
    if (has("presentation") || has("powerpoint"))
        return {0xe0, 0x7a, 0x1f};
    if (has("wordprocessing") || has("msword") || has("opendocument.text") || has("rtf"))
        return {0x2f, 0x6f, 0xd1};
    if (has("zip") || has("tar") || has("7z") || has("rar") || has("compressed") || has("archive"))
        return {0x9a, 0x6b, 0x3d};
    if (mime.startsWith(QLatin1String("audio/")))
        return {0x8e, 0x4d, 0xc4};
    if (mime.startsWith(QLatin1String("text/")))
        return {0x6c, 0x75, 0x80};
    return {0x5a, 0x6a, 0x7e};
}

void paintPage(QPainter *painter, const QRectF &box, const QString &label, const QColor &tint)
{
    // A sheet of paper, its top right corner folded, with a band of the kind's colour and the label.
    const qreal height = box.height() * 0.92;
    const qreal width = height * 0.78;
    const QRectF page(box.center().x() - width / 2, box.center().y() - height / 2, width, height);
    const qreal fold = width * 0.28;
    QPainterPath sheet;
    sheet.moveTo(page.topLeft());
    sheet.lineTo(page.right() - fold, page.top());
    sheet.lineTo(page.right(), page.top() + fold);
    sheet.lineTo(page.bottomRight());
    sheet.lineTo(page.bottomLeft());
    sheet.closeSubpath();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x8c, 0x92, 0x9a), qMax(1.0, width / 48)));
    painter->setBrush(QColor(0xfb, 0xfb, 0xfc));
    painter->drawPath(sheet);
    QPainterPath corner;
    corner.moveTo(page.right() - fold, page.top());
    corner.lineTo(page.right() - fold, page.top() + fold);
    corner.lineTo(page.right(), page.top() + fold);
    corner.closeSubpath();
    painter->setBrush(QColor(0xdd, 0xe0, 0xe4));
    painter->drawPath(corner);
    // A few lines of "text" above the band.
    painter->setPen(QPen(QColor(0xc9, 0xcd, 0xd3), qMax(1.0, height / 40)));
    for (int line = 0; line < 3; ++line) {
        const qreal y = page.top() + fold + height * (0.1 + line * 0.09);
        painter->drawLine(QPointF(page.left() + width * 0.16, y), QPointF(page.right() - width * 0.16, y));
    }
    if (!label.isEmpty()) {
        const QRectF band(page.left() - width * 0.08, page.top() + height * 0.58, width * 0.84,
                          height * 0.24);
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint);
        painter->drawRoundedRect(band, band.height() * 0.18, band.height() * 0.18);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(band.height() * (label.size() > 3 ? 0.5 : 0.6))));
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(band, Qt::AlignCenter, label);
    }
    painter->restore();
}
} // namespace

void FileTypeIcons::useAnInstalledThemeAsFallback()
{
    const QString fallback = QIcon::fallbackThemeName();
    if (!fallback.isEmpty() && fallback != QLatin1String("hicolor"))
        return;
    const QStringList paths = QIcon::themeSearchPaths();
    for (const char *theme : {"Adwaita", "breeze"})
        for (const QString &path : paths)
            if (QFileInfo::exists(
                    QDir(path).filePath(QLatin1String(theme) + QLatin1String("/index.theme")))) {
                QIcon::setFallbackThemeName(QLatin1String(theme));
                return;
            }
}

QMimeType FileTypeIcons::mimeTypeOf(const QString &mimeName, const QString &fileName)
{
    const QMimeDatabase mimes;
    QMimeType type = mimes.mimeTypeForName(mimeName);
    if (!type.isValid() || type.isDefault())
        type = mimes.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    return type;
}

const FileTypeIcons::Look &FileTypeIcons::lookOf(const QString &mimeName, const QString &fileName)
{
    // Painting a screen of tiles is a lookup per tile: the MIME database and the theme are asked once per
    // server type and extension.
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString key =
        mimeName + QLatin1Char('\n') + (dot < 0 ? QString() : fileName.mid(dot + 1).toLower());
    if (const auto known = m_looks.constFind(key); known != m_looks.cend())
        return *known;
    if (m_looks.size() >= 512) // many odd extensions: asked again rather than held without bound
        m_looks.clear();
    const QMimeType type = mimeTypeOf(mimeName, fileName);
    QIcon icon = QIcon::fromTheme(type.iconName());
    if (icon.isNull())
        icon = QIcon::fromTheme(type.genericIconName());
    return *m_looks.insert(key, {icon, tintOf(type.name())});
}

QIcon FileTypeIcons::themeIcon(const QString &mimeName, const QString &fileName)
{
    return lookOf(mimeName, fileName).icon;
}

QIcon FileTypeIcons::themeFolder()
{
    return QIcon::fromTheme(QStringLiteral("folder"));
}

QString FileTypeIcons::pageLabel(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || fileName.size() - dot - 1 > 5)
        return {};
    QString label;
    for (const QChar c : fileName.mid(dot + 1)) {
        if (c.isLetterOrNumber() && c.unicode() < 0x80)
            label += c.toUpper();
        else
            return {};
    }
    return label;
}

void FileTypeIcons::paint(QPainter *painter, const QRect &box, const QString &mimeName,
                          const QString &fileName)
{
    const Look &look = lookOf(mimeName, fileName);
    if (!look.icon.isNull()) {
        look.icon.paint(painter, box);
        return;
    }
    paintPage(painter, box, pageLabel(fileName), look.tint);
}

QPixmap FileTypeIcons::pixmap(int size, qreal devicePixelRatio, const QString &mimeName,
                              const QString &fileName)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRect(0, 0, size, size), mimeName, fileName);
    return pixmap;
}

} // namespace koodrive::ui
