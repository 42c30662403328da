#pragma once

#include <QLabel>

namespace koodrive::ui {

// The line in a dialog that says what is wrong with the input, in a red that can be read on the palette
// in use: darker on a light window, lighter on a dark one (it follows a change of the system's palette).
class ProblemLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemLabel)

public:
    explicit ProblemLabel(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();
    bool m_applying = false;
};

} // namespace koodrive::ui
