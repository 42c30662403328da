#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>
#include <QSize>

namespace koodrive::sim {

// Paints the demo library's pictures. A picture is a pure function of its seed, drawn as vector shapes in
// the original's pixel space, so any thumbnail size is painted directly without ever decoding an original:
// a 100 000-photo library needs no image on disk.
class PhotoRenderer final
{
public:
    enum class Scene
    {
        Landscape,
        City,
        Bokeh,
        Coast,
        Screenshot,
        Document
    };

    struct Spec
    {
        quint64 seed = 0;
        Scene scene = Scene::Landscape;
        QSize size; // the original's size
    };

    static Spec specFor(const QString &fileId, const QString &fileName, int fileType, QSize size);

    // Paints the whole picture into `picture` (in canvas coordinates) on a canvas filled with `background`.
    static QImage render(const Spec &spec, QSize canvas, const QRectF &picture, const QColor &background);

    // Encodes in the format asked ("jpg", "png", "webp"); quality 0 means the format's default.
    static QByteArray encode(const QImage &image, const QByteArray &format, int quality);
};

} // namespace koodrive::sim
