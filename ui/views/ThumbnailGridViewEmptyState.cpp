// ThumbnailGridView: what a place read to its end and holding nothing says, in the middle of the grid.
#include "ThumbnailGridView.h"
#include "models/PagedFileModel.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace koodrive::ui {

void ThumbnailGridView::setEmptyState(const QString &text, const QString &actionLabel,
                                      std::function<void()> action)
{
    m_emptyWords = text;
    m_emptyActionLabel = actionLabel;
    m_emptyDo = std::move(action);
    if (m_empty) {
        m_emptyText->setText(text);
        m_emptyText->setAccessibleName(text);
        m_emptyAction->setText(actionLabel);
        m_emptyAction->setVisible(!actionLabel.isEmpty() && m_emptyDo);
    }
    updateEmptyState();
}

QString ThumbnailGridView::shownEmptyText() const
{
    return m_empty && m_empty->isVisibleTo(this) ? m_emptyText->text() : QString();
}

void ThumbnailGridView::updateEmptyState()
{
    // Said only of a place read to its end: while it loads (or cannot be read) the status bar speaks.
    const bool empty = m_model && m_model->rowCount() == 0 && m_model->isComplete() &&
                       !m_model->isLoading() && !m_model->isUnreachable() && !m_emptyWords.isEmpty();
    if (!empty) {
        if (m_empty)
            m_empty->hide();
        return;
    }
    if (!m_empty) { // made the first time a place is empty (not at start)
        m_empty = new QWidget(viewport());
        auto *layout = new QVBoxLayout(m_empty);
        m_emptyText = new QLabel(m_empty);
        m_emptyText->setTextFormat(Qt::PlainText); // may hold a search the person typed
        m_emptyText->setWordWrap(true);
        m_emptyText->setAlignment(Qt::AlignCenter);
        m_emptyText->setForegroundRole(QPalette::PlaceholderText);
        QFont larger = m_emptyText->font();
        larger.setPointSizeF(larger.pointSizeF() * 1.25);
        m_emptyText->setFont(larger);
        m_emptyAction = new QPushButton(m_empty);
        connect(m_emptyAction, &QPushButton::clicked, this, [this] {
            if (m_emptyDo)
                m_emptyDo();
        });
        layout->addWidget(m_emptyText);
        layout->addWidget(m_emptyAction, 0, Qt::AlignHCenter);
        m_emptyText->setText(m_emptyWords);
        m_emptyText->setAccessibleName(m_emptyWords);
        m_emptyAction->setText(m_emptyActionLabel);
        m_emptyAction->setVisible(!m_emptyActionLabel.isEmpty() && m_emptyDo);
    }
    m_empty->show();
    placeEmptyState();
}

void ThumbnailGridView::placeEmptyState()
{
    if (!m_empty || !m_empty->isVisibleTo(this))
        return;
    const QRect room = viewport()->rect();
    const int width = qMin(room.width() - 32, 460);
    const int height =
        m_empty->heightForWidth(width) > 0 ? m_empty->heightForWidth(width) : m_empty->sizeHint().height();
    m_empty->setGeometry(room.center().x() - width / 2, room.height() / 3 - height / 2, width, height);
}

} // namespace koodrive::ui
