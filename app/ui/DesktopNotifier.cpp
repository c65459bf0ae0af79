#include "DesktopNotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSystemTrayIcon>

namespace blog {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
constexpr qsizetype MaxExcerpt = 160;
constexpr qsizetype MaxSingleNotifications = 3;

QString excerpt(const QString &text)
{
    const QString simplified = text.simplified();
    return simplified.size() <= MaxExcerpt ? simplified : simplified.left(MaxExcerpt - 1) + QChar(0x2026);
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
}

DesktopNotifier::Channel DesktopNotifier::showComments(const QList<CommentNotice> &notices)
{
    if (notices.isEmpty())
        return Channel::None;
    if (notices.size() > MaxSingleNotifications) {
        QStringList titles;
        for (const CommentNotice &notice : notices) {
            if (!titles.contains(notice.articleTitle))
                titles.append(notice.articleTitle);
        }
        return show(tr("%n new comment(s) on your articles", nullptr, int(notices.size())),
            titles.join(QStringLiteral(", ")));
    }
    Channel channel = Channel::None;
    for (const CommentNotice &notice : notices) {
        channel = show(tr("New comment on “%1”").arg(notice.articleTitle),
            tr("%1: %2").arg(notice.comment.author.fullName, excerpt(notice.comment.text)));
    }
    return channel;
}

DesktopNotifier::Channel DesktopNotifier::show(const QString &summary, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(Service)) {
        QDBusMessage notify
            = QDBusMessage::createMethodCall(Service, Path, Service, QStringLiteral("Notify"));
        // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server's)
        notify << QApplication::applicationDisplayName() << 0u << QStringLiteral("blog-desktop") << summary
               << body << QStringList() << QVariantMap() << -1;
        // Never wait for the desktop: the answer (an id) is not needed.
        bus.call(notify, QDBus::NoBlock);
        return Channel::DesktopService;
    }
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_trayIcon) {
            m_trayIcon = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_trayIcon->show();
        }
        m_trayIcon->showMessage(summary, body);
        return Channel::TrayIcon;
    }
    return Channel::None;
}

} // namespace blog
