#pragma once

#include <QMimeData>
#include <functional>
#include <optional>

namespace koodrive::ui {

// What a drag out of the grid carries for other applications, besides the drive items the app's own
// views take: `text/uri-list` of local files (a file manager, the desktop, a mail or chat app takes the
// files themselves) and, for a single photo, the picture (`application/x-qt-image`, offered by Qt as
// image/png and the like to apps that take image data). The files are fetched into the app's cache only
// when a drop asks for them (XDND asks after the drop), by `fetch`, which waits for them with the
// event loop running and gives their local paths (empty when they could not be had).
class OutgoingFilesMime final : public QMimeData
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutgoingFilesMime)

public:
    using Fetch = std::function<QStringList()>;
    OutgoingFilesMime(Fetch fetch, bool offersImage);

    QStringList formats() const override;
    bool hasFormat(const QString &mimeType) const override;
    // Whether a drop asked for the files (and they were fetched).
    bool wasFetched() const { return m_paths.has_value(); }

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override;

private:
    const QStringList &paths() const;

    Fetch m_fetch;
    bool m_offersImage;
    mutable std::optional<QStringList> m_paths;
};

} // namespace koodrive::ui
