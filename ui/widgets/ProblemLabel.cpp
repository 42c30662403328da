#include "ProblemLabel.h"

#include <QEvent>

namespace koodrive::ui {

ProblemLabel::ProblemLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText); // it may say what the server said: never as markup
    setAccessibleName(tr("Problem"));
    applyColour();
}

void ProblemLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColour();
}

void ProblemLabel::applyColour()
{
    m_applying = true;
    QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // Both reds keep a contrast of at least 4.5:1 with their usual window colour.
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x2a, 0x1e));
    setPalette(palette);
    m_applying = false;
}

} // namespace koodrive::ui
