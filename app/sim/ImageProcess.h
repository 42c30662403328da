#pragma once

#include <QColor>
#include <QRect>
#include <QSize>
#include <QString>
#include <optional>

namespace koodrive::sim {

// An OBS image-processing chain as thumbnail URLs carry it (../shared/koodrive-api/README.md, "Thumbnails"):
// "image/resize,m_lfit,h_128,w_128/quality,q_80/format,webp/auto-orient,1".
class ImageProcess final
{
public:
    enum class Mode
    {
        Lfit,
        Mfit,
        Fill,
        Pad,
        Fixed
    };

    // nullopt with *error set when the text is not a chain we understand.
    static std::optional<ImageProcess> parse(const QString &text, QString *error = nullptr);

    bool hasResize() const { return m_resize; }
    Mode mode() const { return m_mode; }
    int quality() const { return m_quality; }
    QByteArray format() const { return m_format; }   // "jpg", "png" or "webp"; empty keeps the source's
    bool autoOrient() const { return m_autoOrient; } // apply the EXIF orientation (the default)
    QString canonical() const;

    // The geometry of the answer for an original of `original` pixels: the canvas size, and where on it the
    // whole original lands (it may reach past the canvas for m_fill, or leave a border for m_pad).
    struct Placement
    {
        QSize canvas;
        QRectF picture;
    };
    Placement place(QSize original) const;
    QColor padColor() const { return m_padColor; }

private:
    bool m_resize = false;
    Mode m_mode = Mode::Lfit;
    int m_width = 0;
    int m_height = 0;
    bool m_limit = true; // no upscaling unless limit_0
    QColor m_padColor = Qt::white;
    int m_quality = 0; // 0: default
    QByteArray m_format;
    bool m_autoOrient = true;
};

} // namespace koodrive::sim
