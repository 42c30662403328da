#pragma once

#include <QFrame>
#include <QHash>
#include <QModelIndex>

class QLabel;
class QPushButton;

namespace koodrive::ui {

// The viewer's info panel (I, or its button): what the server has for the file shown — its name, type,
// size, dimensions, length, when it was taken, created and modified, the folder it is in (a button: shows
// it there), whether it is a favourite, and the album it was opened from. Every value is the server's text
// shown as plain text.
class InfoPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InfoPanel)

public:
    enum class Field
    {
        Name,
        Type,
        Size,
        Dimensions,
        Length,
        Taken,
        Created,
        Modified,
        Folder,
        Favourite,
        Album
    };

    explicit InfoPanel(QWidget *parent = nullptr);
    ~InfoPanel() override;

    // The file at `index` of a PagedFileModel; `albumName` when it was opened from an album.
    void showFile(const QModelIndex &index, const QString &albumName);
    // The folder line: the folders from the drive down ("My drive", "Photos", "2024"), or a state.
    void setFolderPath(const QStringList &names);
    void setFolderFinding();
    void setFolderUnknown(const QString &why);

    // What a field shows (empty when the field is not shown for this file).
    QString text(Field field) const;
    QPushButton *folderButton() const { return m_folder; }

    static constexpr int PreferredWidth = 300;

signals:
    void showInFolderRequested();
    void closeRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setField(Field field, const QString &value);
    void updateFolderText();
    void updateNameText();

    QHash<int, QLabel *> m_names;  // a field's name
    QHash<int, QLabel *> m_values; // its value
    QPushButton *m_folder;
    QString m_folderText;
    QString m_name; // whole; the label may show it elided
    bool m_folderIsPath = false;
};

} // namespace koodrive::ui
