// koodrive-file-manager-stand-in: plays a file manager's side of drag and drop in another process, over a
// real X server. Its window (at --at X,Y) starts a drag of the given local files as text/uri-list when the
// mouse is pressed on it, as a file manager does, prints how the drag ended, and stays ten seconds more
// (the target reads the dragged data after the drop):
//   koodrive-file-manager-stand-in --at 1040,600 /tmp/a.jpg /tmp/b.jpg
//   → "ended copy" (or "ended ignore")
#include <QApplication>
#include <QCommandLineParser>
#include <QDrag>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

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
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Where the window goes."),
                                QStringLiteral("x,y"));
    parser.addOption(at);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Local files to drag."));
    parser.process(app);
    DragSource source(parser.positionalArguments());
    source.setWindowTitle(QStringLiteral("file manager stand-in"));
    const QStringList xy = parser.value(at).split(QLatin1Char(','));
    source.setGeometry(xy.value(0).toInt(), xy.value(1).toInt(), 200, 140);
    source.show();
    QTextStream(stdout) << "shown" << Qt::endl;
    return app.exec();
}
