#pragma once

#include "CommentNotice.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace blog {

// Tells the author about new comments on their articles, outside the window: through the desktop's
// notification service (org.freedesktop.Notifications on the session bus) where there is one, else
// as a balloon of a tray icon, else not at all (the window's own count still updates).
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    enum class Channel { DesktopService, TrayIcon, None };

    explicit DesktopNotifier(QObject *parent = nullptr);

    // One notification for a few comments, one summary for many.
    Channel showComments(const QList<CommentNotice> &notices);
    Channel show(const QString &summary, const QString &body);

private:
    QPointer<QSystemTrayIcon> m_trayIcon;
};

} // namespace blog
