// koodrive-file-manager-stand-in: plays a file manager's side of drag and drop in another process, over a
// real X server. Its window (at --at X,Y) starts a drag of the given local files as text/uri-list when the
// mouse is pressed on it, as a file manager does, prints how the drag ended, and stays ten seconds more
// (the target reads the dragged data after the drop):
//   koodrive-file-manager-stand-in --at 1040,600 /tmp/a.jpg /tmp/b.jpg
//   → "ended copy" (or "ended ignore")
// With --receive it is the other side: its window takes drops, as a file manager's folder does, and prints
// what arrived: a line "dropped <url>" per file, "image <width>x<height>" when a picture came along, then
// "drop done".
//   koodrive-file-manager-stand-in --receive --at 1040,600
#include <QApplication>
#include <QCommandLineParser>
#include <QDrag>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QTextStream>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace {
class DragSource final : public QLabel
{
public:
    explicit DragSource(QStringList paths)
        : QLabel(QStringLiteral("Files (%1)").arg(paths.size()))
        , m_paths(std::move(paths))
    {
        setAlignment(Qt::AlignCenter);
        setAutoFillBackground(true);
        setStyleSheet(QStringLiteral("background: #f3efe0; border: 2px solid #b0a070;"));
    }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        auto *mime = new QMimeData;
        QList<QUrl> urls;
        for (const QString &path : std::as_const(m_paths))
            urls << QUrl::fromLocalFile(path);
        mime->setUrls(urls);
        auto *drag = new QDrag(this);
        drag->setMimeData(mime);
        const Qt::DropAction action =
            drag->exec(Qt::CopyAction | Qt::MoveAction | Qt::LinkAction, Qt::CopyAction);
        QTextStream(stdout) << (action == Qt::CopyAction   ? "ended copy"
                                : action == Qt::MoveAction ? "ended move"
                                : action == Qt::LinkAction ? "ended link"
                                                           : "ended ignore")
                            << Qt::endl;
        // Like a file manager, it stays: the target asks for the dragged data after the drop (XDND).
        QTimer::singleShot(10000, qApp, &QApplication::quit);
    }

private:
    QStringList m_paths;
};

class DropTarget final : public QLabel
{
public:
    DropTarget()
        : QLabel(QStringLiteral("Drop files here"))
    {
        setAlignment(Qt::AlignCenter);
        setAutoFillBackground(true);
        setStyleSheet(QStringLiteral("background: #e0eef3; border: 2px solid #7090b0;"));
        setAcceptDrops(true);
    }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasUrls())
            event->acceptProposedAction();
    }
    void dragMoveEvent(QDragMoveEvent *event) override { event->acceptProposedAction(); }
    void dropEvent(QDropEvent *event) override
    {
        QTextStream out(stdout);
        // As a file manager does: the list of files first, then (for an app that takes pictures) the image.
        for (const QUrl &url : event->mimeData()->urls())
            out << "dropped " << url.toEncoded() << Qt::endl;
        if (event->mimeData()->hasImage()) {
            const QImage image = qvariant_cast<QImage>(event->mimeData()->imageData());
            out << "image " << image.width() << 'x' << image.height() << Qt::endl;
        }
        out << "drop done" << Qt::endl;
        event->setDropAction(Qt::CopyAction);
        event->accept();
    }
};
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Where the window goes."),
                                QStringLiteral("x,y"));
    const QCommandLineOption receive(QStringLiteral("receive"), QStringLiteral("Take drops instead."));
    parser.addOption(at);
    parser.addOption(receive);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Local files to drag."));
    parser.process(app);
    std::unique_ptr<QLabel> window;
    if (parser.isSet(receive))
        window = std::make_unique<DropTarget>();
    else
        window = std::make_unique<DragSource>(parser.positionalArguments());
    window->setWindowTitle(QStringLiteral("file manager stand-in"));
    const QStringList xy = parser.value(at).split(QLatin1Char(','));
    window->setGeometry(xy.value(0).toInt(), xy.value(1).toInt(), 200, 140);
    window->show();
    QTextStream(stdout) << "shown" << Qt::endl;
    return app.exec();
}
