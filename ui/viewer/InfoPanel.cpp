#include "InfoPanel.h"

#include "api/ApiTypes.h"
#include "models/PagedFileModel.h"
#include "text/DisplayText.h"
#include "widgets/FileTypeIcons.h"

#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::PagedFileModel;

namespace {
// A button's text is plain, but for '&', which marks a shortcut key: doubled, it stays a character.
QString buttonText(const QString &plain)
{
    QString text = plain;
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

QString when(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    return InfoPanel::tr("%1, %2").arg(locale.toString(local.date(), QLocale::LongFormat),
                                       locale.toString(local.time(), QLocale::ShortFormat));
}
} // namespace

InfoPanel::InfoPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("infoPanel"));
    setAccessibleName(tr("Info"));
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral(
        "#infoPanel { background: #1d1d21; border-left: 1px solid #34343a; }"
        "QScrollArea, #qt_scrollarea_viewport, #infoBody { background: transparent; border: none; }"
        "QLabel { color: #e6e6e6; }"
        "QLabel[fieldName=\"true\"] { color: #9d9da6; }"
        "#folderButton { color: #9cc2ff; border: none; padding: 0; text-align: left; }"
        "#folderButton:hover { text-decoration: underline; }"
        "#folderButton:disabled { color: #9d9da6; }"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 10, 10, 14);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Info"), this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    header->addWidget(title, 1);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close the info (I)"));
    close->setAccessibleName(tr("Close the info"));
    close->setFocusPolicy(Qt::NoFocus); // the keys stay the viewer's
    connect(close, &QToolButton::clicked, this, &InfoPanel::closeRequested);
    header->addWidget(close);
    outer->addLayout(header);
    outer->addSpacing(8);

    // The fields scroll when the window is too low for them all.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->viewport()->setAutoFillBackground(false);
    auto *body = new QWidget(scroll);
    body->setObjectName(QStringLiteral("infoBody"));
    body->setAutoFillBackground(false);
    scroll->setWidget(body);
    auto *grid = new QGridLayout(body);
    grid->setContentsMargins(0, 0, 4, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(9);
    grid->setColumnStretch(1, 1);
    const QList<QPair<Field, QString>> fields{
        {Field::Name, tr("Name")},       {Field::Type, tr("Type")},
        {Field::Size, tr("Size")},       {Field::Dimensions, tr("Dimensions")},
        {Field::Length, tr("Length")},   {Field::Taken, tr("Taken")},
        {Field::Created, tr("Created")}, {Field::Modified, tr("Modified")},
        {Field::Folder, tr("Folder")},   {Field::Favourite, tr("Favourite")},
        {Field::Album, tr("Album")}};
    int line = 0;
    for (const auto &[field, name] : fields) {
        auto *nameLabel = new QLabel(name, body);
        nameLabel->setProperty("fieldName", true);
        nameLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);
        grid->addWidget(nameLabel, line, 0);
        m_names.insert(int(field), nameLabel);
        if (field == Field::Folder) {
            m_folder = new QPushButton(body);
            m_folder->setObjectName(QStringLiteral("folderButton"));
            m_folder->setIcon(QIcon::fromTheme(QStringLiteral("folder")));
            m_folder->setFlat(true);
            m_folder->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            m_folder->setFocusPolicy(Qt::TabFocus);
            m_folder->setCursor(Qt::PointingHandCursor);
            m_folder->setAccessibleName(tr("Show in folder"));
            connect(m_folder, &QPushButton::clicked, this, [this] {
                if (m_folderIsPath)
                    emit showInFolderRequested();
            });
            grid->addWidget(m_folder, line, 1);
        } else {
            auto *value = new QLabel(body);
            value->setTextFormat(Qt::PlainText); // the server's text, never markup
            // Values wrap at words, as tall as they need (the name is elided instead: it has none).
            value->setWordWrap(field != Field::Name);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            value->setFocusPolicy(Qt::NoFocus);
            value->setAccessibleName(name);
            QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            policy.setHeightForWidth(field != Field::Name);
            value->setSizePolicy(policy);
            grid->addWidget(value, line, 1);
            m_values.insert(int(field), value);
        }
        ++line;
    }
    grid->setRowStretch(line, 1);
    outer->addWidget(scroll, 1);
}

InfoPanel::~InfoPanel() = default;

void InfoPanel::setField(Field field, const QString &value)
{
    // A field with nothing to say for this file is not shown.
    if (QLabel *label = m_values.value(int(field)))
        label->setText(value);
    const bool shown = !value.isEmpty();
    m_names.value(int(field))->setVisible(shown);
    if (QLabel *label = m_values.value(int(field)))
        label->setVisible(shown);
}

QString InfoPanel::text(Field field) const
{
    if (field == Field::Folder)
        return m_folderText;
    if (field == Field::Name)
        return m_name;
    const QLabel *label = m_values.value(int(field));
    return label && label->isVisibleTo(this) ? label->text() : QString();
}

void InfoPanel::showFile(const QModelIndex &index, const QString &albumName)
{
    if (!index.isValid())
        return;
    const QLocale locale;
    m_name = index.data().toString(); // displayText: control and bidi marks made visible
    setField(Field::Name, m_name);
    m_values.value(int(Field::Name))->setToolTip(text::toolTip(m_name));
    updateNameText();
    // The server's MIME type (files-list.txt "mimeType"), named as the desktop names it; what the name
    // says when the server says nothing usable.
    const QMimeType type = FileTypeIcons::mimeTypeOf(index.data(PagedFileModel::MimeTypeRole).toString(),
                                                     index.data(Qt::EditRole).toString());
    setField(Field::Type, type.isValid() && !type.isDefault() ? type.comment() : tr("File"));
    m_values.value(int(Field::Type))->setToolTip(type.isValid() ? type.name() : QString());
    const qint64 size = index.data(PagedFileModel::SizeRole).toLongLong();
    setField(Field::Size, size > 0
                              ? tr("%1 (%2 bytes)").arg(locale.formattedDataSize(size), locale.toString(size))
                              : (size == 0 ? tr("Empty") : QString()));
    const QSize dimensions = index.data(PagedFileModel::DimensionsRole).toSize();
    setField(Field::Dimensions,
             dimensions.isValid() && !dimensions.isEmpty()
                 ? tr("%1 × %2 (%3 MP)")
                       .arg(locale.toString(dimensions.width()), locale.toString(dimensions.height()),
                            locale.toString(double(dimensions.width()) * dimensions.height() / 1e6, 'f', 1))
                 : QString());
    const qint64 length = index.data(PagedFileModel::DurationRole).toLongLong();
    setField(Field::Length, length > 0 ? text::durationText(length) : QString());
    const bool media = index.data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Image ||
                       index.data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Video;
    const QString taken = when(index.data(PagedFileModel::TakenRole).toDateTime());
    setField(Field::Taken, !taken.isEmpty() ? taken : (media ? tr("Not recorded") : QString()));
    setField(Field::Created, when(index.data(PagedFileModel::CreatedRole).toDateTime()));
    setField(Field::Modified, when(index.data(PagedFileModel::EditedRole).toDateTime()));
    setField(Field::Favourite, index.data(PagedFileModel::FavoriteRole).toBool() ? tr("♥ Yes (S to unstar)")
                                                                                 : tr("No (S to star)"));
    setField(Field::Album, text::displayText(albumName));
}

void InfoPanel::setFolderPath(const QStringList &names)
{
    QStringList shown;
    for (const QString &name : names)
        shown << text::displayText(name);
    m_folderText = shown.join(QStringLiteral(" › "));
    m_folderIsPath = true;
    m_folder->setEnabled(true);
    m_folder->setToolTip(text::toolTip(tr("Show in folder: %1").arg(m_folderText)));
    updateFolderText();
}

void InfoPanel::setFolderFinding()
{
    m_folderText.clear();
    m_folderIsPath = false;
    m_folder->setEnabled(false);
    m_folder->setToolTip(QString());
    m_folder->setText(tr("Finding…"));
}

void InfoPanel::setFolderUnknown(const QString &why)
{
    m_folderText.clear();
    m_folderIsPath = false;
    m_folder->setEnabled(false);
    m_folder->setToolTip(text::toolTip(text::displayText(why)));
    m_folder->setText(buttonText(text::displayText(why)));
}

void InfoPanel::updateFolderText()
{
    if (!m_folderIsPath)
        return;
    // The end of the path matters most: elided at the start.
    const int room = qMax(40, m_folder->width() - m_folder->iconSize().width() - 12);
    m_folder->setText(buttonText(m_folder->fontMetrics().elidedText(m_folderText, Qt::ElideLeft, room)));
}

void InfoPanel::updateNameText()
{
    // A name has no spaces to wrap at: elided in its middle (its start and its extension stay), whole in
    // the tooltip.
    QLabel *label = m_values.value(int(Field::Name));
    label->setText(label->fontMetrics().elidedText(m_name, Qt::ElideMiddle, qMax(40, label->width())));
}

void InfoPanel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateFolderText();
    updateNameText();
}

} // namespace koodrive::ui
