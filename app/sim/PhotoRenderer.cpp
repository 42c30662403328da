#include "PhotoRenderer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <cmath>

namespace koodrive::sim {

namespace {

struct Palette
{
    QColor skyTop, skyBottom, sun, far, near;
};

const Palette Palettes[] = {
    {QColor(0x1d, 0x3b, 0x6e), QColor(0xf7, 0xa3, 0x6b), QColor(0xff, 0xe0, 0x9a), QColor(0x5b, 0x4a, 0x78),
     QColor(0x24, 0x1f, 0x3a)},
    {QColor(0x4a, 0x90, 0xd9), QColor(0xcf, 0xe8, 0xf7), QColor(0xff, 0xfb, 0xe6), QColor(0x6d, 0x8f, 0x6a),
     QColor(0x2e, 0x4d, 0x2f)},
    {QColor(0x0b, 0x10, 0x2b), QColor(0x3a, 0x2c, 0x5e), QColor(0xf0, 0xf0, 0xff), QColor(0x27, 0x2a, 0x4a),
     QColor(0x10, 0x12, 0x22)},
    {QColor(0xf2, 0x6b, 0x38), QColor(0xfc, 0xd3, 0x7a), QColor(0xff, 0xf3, 0xc4), QColor(0x9c, 0x4f, 0x3a),
     QColor(0x4a, 0x24, 0x1c)},
    {QColor(0x7f, 0xb3, 0xd5), QColor(0xe8, 0xf1, 0xf2), QColor(0xff, 0xff, 0xff), QColor(0x8a, 0x9b, 0xa8),
     QColor(0x3d, 0x4f, 0x5c)},
    {QColor(0x2b, 0x58, 0x76), QColor(0x4e, 0x43, 0x76), QColor(0xff, 0xc8, 0x57), QColor(0x33, 0x5c, 0x67),
     QColor(0x1b, 0x2f, 0x33)},
};

double unit(QRandomGenerator &random)
{
    return random.generateDouble();
}

void paintSky(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, palette.skyTop);
    sky.setColorAt(1, palette.skyBottom);
    p.fillRect(QRectF(QPointF(0, 0), size), sky);
    const QPointF sunAt(size.width() * (0.15 + 0.7 * unit(random)),
                        size.height() * (0.15 + 0.3 * unit(random)));
    const double radius = size.width() * (0.04 + 0.05 * unit(random));
    QRadialGradient glow(sunAt, radius * 4);
    QColor halo = palette.sun;
    halo.setAlpha(140);
    glow.setColorAt(0, halo);
    glow.setColorAt(1, Qt::transparent);
    p.setPen(Qt::NoPen);
    p.setBrush(glow);
    p.drawEllipse(sunAt, radius * 4, radius * 4);
    p.setBrush(palette.sun);
    p.drawEllipse(sunAt, radius, radius);
}

void paintRidge(QPainter &p, const QSizeF &size, double baseline, double roughness, const QColor &color,
                QRandomGenerator &random)
{
    QPainterPath ridge(QPointF(0, size.height()));
    const int steps = 9;
    for (int i = 0; i <= steps; ++i) {
        const double x = size.width() * i / steps;
        const double y = size.height() * (baseline - roughness * unit(random));
        ridge.lineTo(x, y);
    }
    ridge.lineTo(size.width(), size.height());
    ridge.closeSubpath();
    p.setBrush(color);
    p.drawPath(ridge);
}

void paintLandscape(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    paintSky(p, size, palette, random);
    paintRidge(p, size, 0.62, 0.25, palette.far, random);
    paintRidge(p, size, 0.78, 0.18, palette.far.darker(140), random);
    paintRidge(p, size, 0.92, 0.12, palette.near, random);
}

void paintCoast(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    paintSky(p, size, palette, random);
    const double horizon = size.height() * (0.5 + 0.15 * unit(random));
    QLinearGradient sea(0, horizon, 0, size.height());
    sea.setColorAt(0, palette.skyBottom.darker(120));
    sea.setColorAt(1, palette.skyTop.darker(160));
    p.fillRect(QRectF(0, horizon, size.width(), size.height() - horizon), sea);
    p.setBrush(QColor(255, 255, 255, 40));
    for (int i = 0; i < 12; ++i) {
        const double y = horizon + (size.height() - horizon) * unit(random);
        p.drawRect(
            QRectF(size.width() * unit(random), y, size.width() * 0.2 * unit(random), size.height() * 0.004));
    }
    paintRidge(p, QSizeF(size.width() * 0.45, horizon + 1), 0.98, 0.2, palette.near, random);
}

void paintCity(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    paintSky(p, size, palette, random);
    double x = 0;
    while (x < size.width()) {
        const double w = size.width() * (0.05 + 0.09 * unit(random));
        const double h = size.height() * (0.25 + 0.45 * unit(random));
        const QRectF tower(x, size.height() - h, w, h);
        p.setBrush(palette.near.lighter(100 + int(60 * unit(random))));
        p.drawRect(tower);
        QColor light = palette.sun;
        light.setAlpha(200);
        p.setBrush(light);
        const double cell = size.width() * 0.012;
        for (double wy = tower.top() + cell; wy < tower.bottom() - cell; wy += cell * 2.2)
            for (double wx = tower.left() + cell * 0.6; wx < tower.right() - cell; wx += cell * 1.8)
                if (random.bounded(3) == 0)
                    p.drawRect(QRectF(wx, wy, cell, cell * 1.2));
        x += w + size.width() * 0.01 * unit(random);
    }
}

void paintBokeh(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    QLinearGradient back(0, 0, size.width(), size.height());
    back.setColorAt(0, palette.skyTop.darker(150));
    back.setColorAt(1, palette.near);
    p.fillRect(QRectF(QPointF(0, 0), size), back);
    for (int i = 0; i < 28; ++i) {
        const QPointF at(size.width() * unit(random), size.height() * unit(random));
        const double r = size.width() * (0.03 + 0.09 * unit(random));
        QColor c = i % 2 ? palette.sun : palette.skyBottom;
        c.setAlpha(60 + random.bounded(120));
        QRadialGradient disc(at, r);
        disc.setColorAt(0, c);
        disc.setColorAt(0.8, c);
        disc.setColorAt(1, Qt::transparent);
        p.setBrush(disc);
        p.drawEllipse(at, r, r);
    }
}

void paintScreenshot(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    p.fillRect(QRectF(QPointF(0, 0), size), QColor(0xf4, 0xf5, 0xf7));
    p.fillRect(QRectF(0, 0, size.width(), size.height() * 0.035), palette.skyTop);
    p.fillRect(QRectF(0, size.height() * 0.035, size.width(), size.height() * 0.06),
               palette.skyTop.lighter(115));
    const double margin = size.width() * 0.05;
    double y = size.height() * 0.12;
    while (y < size.height() * 0.92) {
        const double h = size.height() * (0.08 + 0.12 * unit(random));
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(margin, y, size.width() - 2 * margin, h), margin * 0.4, margin * 0.4);
        p.setBrush(palette.far.lighter(130));
        p.drawEllipse(QRectF(margin * 1.5, y + margin * 0.5, margin * 1.6, margin * 1.6));
        p.setBrush(QColor(0xc8, 0xcc, 0xd2));
        for (double line = y + margin * 0.6; line < y + h - margin * 0.4; line += margin * 0.7)
            p.drawRoundedRect(QRectF(margin * 3.6, line,
                                     (size.width() - margin * 6) * (0.4 + 0.6 * unit(random)), margin * 0.3),
                              margin * 0.15, margin * 0.15);
        y += h + margin * 0.6;
    }
}

void paintDocument(QPainter &p, const QSizeF &size, const Palette &palette, QRandomGenerator &random)
{
    p.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    const double margin = size.width() * 0.1;
    p.setBrush(palette.skyTop);
    p.drawRect(QRectF(margin, margin, size.width() * 0.5, size.height() * 0.03));
    p.setBrush(QColor(0xb0, 0xb4, 0xba));
    for (double y = margin * 2; y < size.height() - margin; y += size.height() * 0.025)
        p.drawRect(QRectF(margin, y, (size.width() - 2 * margin) * (0.6 + 0.4 * unit(random)),
                          size.height() * 0.008));
}

} // namespace

PhotoRenderer::Spec PhotoRenderer::specFor(const QString &fileId, const QString &fileName, int fileType,
                                           QSize size)
{
    const QByteArray digest = QCryptographicHash::hash(fileId.toUtf8(), QCryptographicHash::Sha1);
    quint64 seed = 0;
    for (int i = 0; i < 8; ++i)
        seed = (seed << 8) | quint8(digest.at(i));
    Spec spec{seed, Scene::Landscape, size.isEmpty() ? QSize(1600, 1200) : size};
    if (fileName.startsWith(QLatin1String("Screenshot"), Qt::CaseInsensitive))
        spec.scene = Scene::Screenshot;
    else if (fileType != 15 && fileType != 20)
        spec.scene = Scene::Document;
    else
        spec.scene = std::array{Scene::Landscape, Scene::City, Scene::Bokeh, Scene::Coast}[seed % 4];
    return spec;
}

QImage PhotoRenderer::render(const Spec &spec, QSize canvas, const QRectF &picture, const QColor &background)
{
    QImage image(canvas, QImage::Format_RGB32);
    image.fill(background);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.translate(picture.topLeft());
    const QSizeF original(spec.size);
    p.scale(picture.width() / original.width(), picture.height() / original.height());
    p.setClipRect(QRectF(QPointF(0, 0), original));

    QRandomGenerator random(quint32(spec.seed ^ (spec.seed >> 32)));
    const Palette &palette = Palettes[spec.seed % std::size(Palettes)];
    switch (spec.scene) {
    case Scene::Landscape: paintLandscape(p, original, palette, random); break;
    case Scene::City: paintCity(p, original, palette, random); break;
    case Scene::Bokeh: paintBokeh(p, original, palette, random); break;
    case Scene::Coast: paintCoast(p, original, palette, random); break;
    case Scene::Screenshot: paintScreenshot(p, original, palette, random); break;
    case Scene::Document: paintDocument(p, original, palette, random); break;
    }
    p.end();
    return image;
}

QByteArray PhotoRenderer::encode(const QImage &image, const QByteArray &format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format == "jpg" || format.isEmpty() ? QByteArray("jpeg") : format);
    if (quality > 0)
        writer.setQuality(quality);
    else if (format == "jpg" || format.isEmpty())
        writer.setQuality(85);
    writer.write(image);
    return bytes;
}

} // namespace koodrive::sim
