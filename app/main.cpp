#include <QApplication>
#include <QLabel>

// A placeholder window until the desktop client lands (its own issue).
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("blog-desktop"));
    QLabel label(QObject::tr("Blog desktop client: coming soon."));
    label.setMargin(24);
    label.show();
    return QApplication::exec();
}
