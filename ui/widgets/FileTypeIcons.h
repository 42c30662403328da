#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QMimeType>

class QPainter;

namespace koodrive::ui {

// The icon of a file of the drive that is no photo or video (a PDF, a spreadsheet, an archive…), as the
// desktop's file manager shows it: the icon theme's for its MIME type ("application-pdf"), else for its
// kind ("x-office-document"); where the theme has neither (no theme at all, e.g. outside a desktop
// session), a page of the app's own, tinted by kind, with the name's extension on it ("PDF", "XLSX").
// Icons are looked up once per MIME type; painting is then a cached pixmap.
class FileTypeIcons final
{
public:
    FileTypeIcons() = default;

    // A desktop that names no icon theme of its own (Qt falls back to "hicolor", which has no MIME
    // icons) still gets those of an installed full theme (Adwaita, then Breeze). Called once at start.
    static void useAnInstalledThemeAsFallback();

    // `mimeName` is the server's (files-list.txt "mimeType"); `fileName` decides when it says nothing.
    void paint(QPainter *painter, const QRect &box, const QString &mimeName, const QString &fileName);
    QPixmap pixmap(int size, qreal devicePixelRatio, const QString &mimeName, const QString &fileName);
    // The theme's icon for the type (null when the theme has none).
    QIcon themeIcon(const QString &mimeName, const QString &fileName);

    // A file's type: the server's MIME type (files-list.txt "mimeType"), else what its name's extension
    // says (the default type, application/octet-stream, when neither says).
    static QMimeType mimeTypeOf(const QString &mimeName, const QString &fileName);

    // The theme's folder (null when the theme has none).
    static QIcon themeFolder();

    // The page drawn when the theme has no icon: its label is the extension ("PDF"), at most 5 letters or
    // digits of the name's (nothing else of a server's name is drawn).
    static QString pageLabel(const QString &fileName);

private:
    struct Look
    {
        QIcon icon;  // the theme's; null: it has none
        QColor tint; // the page's, drawn instead
    };
    const Look &lookOf(const QString &mimeName, const QString &fileName);
    QHash<QString, Look> m_looks; // by the server's MIME type and the name's extension
};

} // namespace koodrive::ui
