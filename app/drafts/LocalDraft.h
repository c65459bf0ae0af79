#pragma once

#include "Article.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace blog {

// An article as the author is writing it, kept on this machine (DraftStore) until the server has it:
// a new article (articleId 0) or an edit of one, which remembers the version it started from so that
// publishing it cannot overwrite a change made elsewhere unseen.
struct LocalDraft
{
    enum class State { Editing, Queued };

    qint64 id = 0; // the store's; 0 until first saved
    qint64 articleId = 0;
    QString articleSlug;
    qint64 baseVersion = 0;
    QString title;
    QString description;
    QString text;
    QStringList tags;
    int cursorPosition = 0;
    // Spell checking's dictionary ("en_US"); empty: the one for the app's language.
    QString language;
    State state = State::Editing;
    // An editor had it open and did not close: after a crash or kill the next start offers it back.
    bool isOpenInEditor = false;
    // Why the last attempt to publish it failed, if it did.
    QString lastError;
    QDateTime updatedAt;

    bool isEdit() const { return articleId != 0; }
    bool isQueued() const { return state == State::Queued; }
    bool isBlank() const
    {
        return title.trimmed().isEmpty() && description.trimmed().isEmpty() && text.trimmed().isEmpty()
            && tags.isEmpty();
    }
};

// A draft of changes to `article`, starting from the version shown.
inline LocalDraft draftOf(const Article &article)
{
    LocalDraft draft;
    draft.articleId = article.id;
    draft.articleSlug = article.slug;
    draft.baseVersion = article.version;
    draft.title = article.title;
    draft.description = article.description;
    draft.text = article.text;
    draft.tags = article.tags;
    return draft;
}

// A comment written while the server could not be reached, kept until it is sent.
struct PendingComment
{
    qint64 id = 0;
    QString articleSlug;
    QString text;
    QString lastError;
    QDateTime createdAt;
    // The server refused it for good (its article is gone, say): kept for the author, not sent again.
    bool refused = false;
};

// What is in an article's comment box and not yet posted.
struct CommentInProgress
{
    QString articleSlug;
    QString text;
    QDateTime updatedAt;
};

} // namespace blog

Q_DECLARE_METATYPE(blog::LocalDraft)
