#pragma once

#include "LocalDraft.h"

#include <QDateTime>
#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace blog {

class DraftPublisher;

// The author's drafts on this computer, newest first: open one in the editor, start a new one,
// delete one, or publish one straight from the list. Below them, when there are any, the comments not yet
// on the server (in an article's comment box, or waiting to be sent): open their article, copy their text
// or delete them; the only place left to reach one whose article was deleted meanwhile.
class DraftListDialog : public QDialog
{
    Q_OBJECT

public:
    using Confirm = std::function<bool(const QString &question)>;

    explicit DraftListDialog(DraftPublisher &publisher, QWidget *parent = nullptr);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    int draftCount() const;

signals:
    void newDraftRequested();
    void openDraftRequested(const blog::LocalDraft &draft);
    void openArticleRequested(const QString &slug);

private:
    // A comment in a comment box (pendingId 0) or one waiting to be sent.
    struct UnsentComment
    {
        qint64 pendingId = 0;
        QString articleSlug;
        QString text;
        QString state;
        QDateTime savedAt;
    };

    void reload();
    void reloadComments();
    void updateCommentButtons();
    std::optional<UnsentComment> selectedComment() const;
    void copySelectedComment();
    void deleteSelectedComment();
    void updateButtons();
    std::optional<LocalDraft> selectedDraft() const;
    void openSelected();
    void deleteSelected();
    void publishSelected();
    void publishDraft(qint64 draftId, const QString &title);
    static QString stateText(const LocalDraft &draft);

    DraftPublisher &m_publisher;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_open;
    QPushButton *m_delete;
    QPushButton *m_publish;
    QLabel *m_commentsTitle;
    QTableWidget *m_comments;
    QWidget *m_commentButtons;
    QPushButton *m_openArticle;
    QPushButton *m_copyComment;
    QPushButton *m_deleteComment;
    QList<LocalDraft> m_drafts;
    QList<UnsentComment> m_unsentComments;
    Confirm m_confirm;
};

} // namespace blog
