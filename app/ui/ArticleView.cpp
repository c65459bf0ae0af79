#include "ArticleView.h"

#include "ApiClient.h"
#include "CommentListModel.h"
#include "DraftStore.h"
#include "Validation.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QShortcut>
#include <QSplitter>
#include <QStackedLayout>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace blog {

ArticleView::ArticleView(ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_comments(new CommentListModel(this))
    , m_stack(new QStackedLayout)
    , m_placeholder(new QLabel(tr("Select an article to read it.")))
    , m_title(new QLabel)
    , m_description(new QLabel)
    , m_meta(new QLabel)
    , m_favorite(new QPushButton)
    , m_follow(new QPushButton)
    , m_authorArticles(new QPushButton)
    , m_text(new QTextBrowser)
    , m_commentList(new QListView)
    , m_commentEdit(new QPlainTextEdit)
    , m_postComment(new QPushButton(tr("Post comment")))
    , m_deleteComment(new QPushButton(tr("Delete comment")))
    , m_pendingComments(new QLabel)
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Please confirm"), question) == QMessageBox::Yes;
    })
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);
    m_title->setObjectName(QStringLiteral("articleTitleLabel"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setObjectName(QStringLiteral("articleDescriptionLabel"));
    m_description->setWordWrap(true);
    QFont descriptionFont = m_description->font();
    descriptionFont.setItalic(true);
    m_description->setFont(descriptionFont);
    m_meta->setObjectName(QStringLiteral("articleMetaLabel"));
    m_meta->setWordWrap(true);
    m_meta->setEnabled(false);
    m_text->setObjectName(QStringLiteral("articleTextBrowser"));
    m_text->setAccessibleName(tr("Article"));
    m_text->setOpenExternalLinks(true);
    m_commentList->setObjectName(QStringLiteral("commentList"));
    m_commentList->setAccessibleName(tr("Comments"));
    m_commentList->setModel(m_comments);
    m_commentList->setWordWrap(true);
    m_commentList->setAlternatingRowColors(true);
    m_commentList->setSpacing(2);
    m_commentEdit->setObjectName(QStringLiteral("commentEdit"));
    m_commentEdit->setAccessibleName(tr("New comment"));
    m_commentEdit->setPlaceholderText(tr("Write a comment… (Ctrl+Enter posts it)"));
    m_commentEdit->setMaximumHeight(90);
    m_commentEdit->setTabChangesFocus(true);
    m_postComment->setObjectName(QStringLiteral("postCommentButton"));
    m_deleteComment->setObjectName(QStringLiteral("deleteCommentButton"));
    m_deleteComment->setEnabled(false);
    m_pendingComments->setObjectName(QStringLiteral("pendingCommentsLabel"));
    m_pendingComments->hide();

    m_favorite->setObjectName(QStringLiteral("favoriteButton"));
    m_favorite->setCheckable(true);
    m_favorite->setAccessibleName(tr("Favourite"));
    m_favorite->setToolTip(tr("Add this article to your favourites, or take it out"));
    m_follow->setObjectName(QStringLiteral("followButton"));
    m_follow->setCheckable(true);
    m_follow->setAccessibleName(tr("Follow the author"));
    m_follow->setToolTip(tr("Follow this author: their articles show under “Authors I follow”"));

    m_authorArticles->setObjectName(QStringLiteral("authorArticlesButton"));
    m_authorArticles->setFlat(true);
    m_authorArticles->setAccessibleName(tr("The author's articles"));
    m_authorArticles->setToolTip(tr("List this author's articles"));

    auto *header = new QVBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_description);
    header->addWidget(m_meta);
    auto *social = new QHBoxLayout;
    social->addWidget(m_favorite);
    social->addWidget(m_follow);
    social->addWidget(m_authorArticles);
    social->addStretch();
    header->addLayout(social);

    auto *commentsPane = new QWidget;
    auto *commentsLayout = new QVBoxLayout(commentsPane);
    commentsLayout->setContentsMargins(0, 0, 0, 0);
    auto *commentsTitle = new QLabel(tr("<b>Comments</b>"));
    commentsLayout->addWidget(commentsTitle);
    commentsLayout->addWidget(m_commentList, 1);
    commentsLayout->addWidget(m_commentEdit);
    auto *commentButtons = new QHBoxLayout;
    commentButtons->addWidget(m_deleteComment);
    commentButtons->addWidget(m_pendingComments);
    commentButtons->addStretch();
    commentButtons->addWidget(m_postComment);
    commentsLayout->addLayout(commentButtons);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_text);
    split->addWidget(commentsPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *articlePane = new QWidget;
    auto *articleLayout = new QVBoxLayout(articlePane);
    articleLayout->addLayout(header);
    articleLayout->addWidget(split, 1);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(articlePane);
    setLayout(m_stack);

    connect(m_favorite, &QPushButton::clicked, this, &ArticleView::toggleFavorite);
    connect(m_follow, &QPushButton::clicked, this, &ArticleView::toggleFollow);
    connect(m_authorArticles, &QPushButton::clicked, this, [this] {
        if (m_article)
            emit authorArticlesRequested(m_article->author.id, m_article->author.fullName);
    });
    connect(m_postComment, &QPushButton::clicked, this, &ArticleView::postComment);
    connect(m_deleteComment, &QPushButton::clicked, this, &ArticleView::deleteSelectedComment);
    auto *post = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_commentEdit);
    post->setContext(Qt::WidgetShortcut);
    connect(post, &QShortcut::activated, this, &ArticleView::postComment);
    auto *postEnter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), m_commentEdit);
    postEnter->setContext(Qt::WidgetShortcut);
    connect(postEnter, &QShortcut::activated, this, &ArticleView::postComment);
    connect(m_commentList->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ArticleView::updateDeleteButton);
    m_commentSave.setSingleShot(true);
    m_commentSave.setInterval(1000); // not restarted by typing: at most a second is ever unsaved
    connect(&m_commentSave, &QTimer::timeout, this, &ArticleView::keepCommentInProgress);
    connect(m_commentEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_restoringComment && !m_commentSave.isActive())
            m_commentSave.start();
    });
}

void ArticleView::clear()
{
    switchCommentTo({});
    m_article.reset();
    m_standing = {};
    m_loadingSlug.clear();
    m_comments->setComments({});
    m_stack->setCurrentWidget(m_placeholder);
}

void ArticleView::setOffline(bool offline)
{
    m_offline = offline;
    updateDeleteButton();
    updateSocialButtons();
}

void ArticleView::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    updateSocialButtons();
}

void ArticleView::setDraftStore(DraftStore *store)
{
    m_drafts = store;
    if (m_drafts) {
        connect(m_drafts, &DraftStore::pendingCommentsChanged, this, &ArticleView::updatePendingLabel);
        connect(m_drafts, &DraftStore::commentDraftChanged, this, &ArticleView::followCommentDraft);
    }
}

void ArticleView::updatePendingLabel()
{
    QList<PendingComment> pending
        = m_drafts && m_article ? m_drafts->pendingComments(m_article->slug) : QList<PendingComment> {};
    // A refused one is not going to be sent (here, on an article that may have taken a deleted one's
    // slug): the drafts list shows it.
    pending.removeIf([](const PendingComment &comment) { return comment.refused; });
    m_pendingComments->setVisible(!pending.isEmpty());
    // Not a plural form: English has no translation file to pick one from.
    m_pendingComments->setText(tr("Kept on this computer until the server is back: %1").arg(pending.size()));
    QStringList errors;
    for (const PendingComment &comment : pending) {
        if (!comment.lastError.isEmpty())
            errors.append(comment.lastError);
    }
    m_pendingComments->setToolTip(errors.join(QLatin1Char('\n')));
}

void ArticleView::keepForLater(const QString &slug, const QString &text)
{
    if (!m_drafts || m_drafts->addPendingComment(slug, text) == 0) {
        emit failed(ApiError { ApiError::Kind::Network, 0,
            tr("The comment could not be sent nor kept; it is still in the box."), {} });
        return;
    }
    commentSent(slug, text);
}

void ArticleView::keepCommentInProgress()
{
    m_commentSave.stop();
    if (m_commentSlug.isEmpty())
        return;
    const QString text = m_commentEdit->toPlainText();
    const auto kept = m_commentsInProgress.constFind(m_commentSlug);
    if (kept != m_commentsInProgress.constEnd() && *kept == text)
        return; // an article only looked at costs the drafts file no write
    // In memory too: what the file cannot take (no drafts file, a full disk) stays for this session.
    m_commentsInProgress.insert(m_commentSlug, text);
    saveCommentDraft(m_commentSlug, text);
}

QString ArticleView::commentInProgress(const QString &slug) const
{
    const auto kept = m_commentsInProgress.constFind(slug);
    if (kept != m_commentsInProgress.constEnd())
        return *kept;
    return m_drafts ? m_drafts->commentDraft(slug) : QString(); // from an earlier session
}

void ArticleView::forgetCommentInProgress(const QString &slug)
{
    m_commentsInProgress.insert(slug, QString());
    saveCommentDraft(slug, {});
}

void ArticleView::saveCommentDraft(const QString &slug, const QString &text)
{
    if (!m_drafts)
        return;
    const QScopedValueRollback saving(m_savingCommentDraft, true);
    m_drafts->saveCommentDraft(slug, text);
}

void ArticleView::followCommentDraft(const QString &slug, const QString &text)
{
    if (m_savingCommentDraft || !text.isEmpty())
        return;
    // Deleted from the drafts list: this session's copy goes too, or opening the article would bring the
    // text back, and so does the box's if it holds it.
    m_commentsInProgress.remove(slug);
    if (slug == m_commentSlug) {
        m_commentSave.stop();
        m_restoringComment = true;
        m_commentEdit->clear();
        m_restoringComment = false;
    }
}

void ArticleView::switchCommentTo(const QString &slug)
{
    if (slug == m_commentSlug)
        return;
    keepCommentInProgress();
    m_commentSlug = slug;
    const bool fromEarlierSession = !m_commentsInProgress.contains(slug);
    QString text = slug.isEmpty() ? QString() : commentInProgress(slug);
    // That window closed before the server's answer to its post came: the comment is there, not in
    // progress.
    const auto posted = [&](const Comment &comment) {
        return comment.author.id == m_userId && comment.text == text.trimmed();
    };
    if (fromEarlierSession && !text.trimmed().isEmpty() && m_article && m_article->slug == slug
        && std::any_of(m_article->comments.cbegin(), m_article->comments.cend(), posted)) {
        forgetCommentInProgress(slug);
        text.clear();
    }
    if (!slug.isEmpty())
        m_commentsInProgress.insert(slug, text); // what the box now holds, and the file too
    m_restoringComment = true;
    m_commentEdit->setPlainText(text);
    m_commentEdit->moveCursor(QTextCursor::End);
    m_restoringComment = false;
}

void ArticleView::commentSent(const QString &slug, const QString &text)
{
    if (slug == m_commentSlug) {
        // Unless the author went on typing a next one meanwhile.
        if (m_commentEdit->toPlainText().trimmed() == text)
            m_commentEdit->clear();
        keepCommentInProgress();
    } else if (commentInProgress(slug).trimmed() == text) {
        forgetCommentInProgress(slug);
    }
}

void ArticleView::addSentComment(const QString &slug, const Comment &comment)
{
    if (!m_article || m_article->slug != slug)
        return;
    m_article->comments.append(comment);
    m_comments->append(comment);
    m_commentList->scrollToBottom();
}

void ArticleView::showArticle(const QString &slug)
{
    m_loadingSlug = slug;
    m_api.readArticle(slug, this, [this, slug](const ApiResult<ReadArticle> &result) {
        if (slug != m_loadingSlug)
            return; // the user moved on
        if (!result) {
            emit failed(result.error());
            return;
        }
        m_article = result->article;
        m_standing = result->standing;
        render();
        switchCommentTo(m_article->slug);
        emit articleLoaded(*m_article);
    });
}

void ArticleView::render()
{
    const Article &article = *m_article;
    m_title->setText(article.title);
    m_description->setText(article.description);
    const QString when = QLocale().toString(article.createdAt.toLocalTime(), QLocale::LongFormat);
    m_meta->setText(article.tags.isEmpty()
            ? tr("by %1 · %2").arg(article.author.fullName, when)
            : tr("by %1 · %2 · tags: %3")
                  .arg(article.author.fullName, when, article.tags.join(QStringLiteral(", "))));
    m_text->setMarkdown(article.text);
    m_comments->setComments(article.comments);
    m_stack->setCurrentIndex(1);
    updateDeleteButton();
    updatePendingLabel();
    updateSocialButtons();
}

void ArticleView::updateSocialButtons()
{
    const bool signedIn = m_signedIn && m_userId != 0;
    m_favorite->setVisible(signedIn);
    m_follow->setVisible(signedIn && m_article && m_article->author.id != m_userId);
    m_favorite->setEnabled(m_article && !m_offline && !m_socialBusy);
    m_follow->setEnabled(m_article && !m_offline && !m_socialBusy);
    m_favorite->setChecked(m_standing.favorited);
    m_favorite->setText(m_standing.favorited ? tr("★ Favourite (%1)").arg(m_standing.favoritesCount)
                                             : tr("☆ Favourite (%1)").arg(m_standing.favoritesCount));
    m_follow->setChecked(m_standing.followingAuthor);
    const QString author = m_article ? m_article->author.fullName : QString();
    m_follow->setText(
        m_standing.followingAuthor ? tr("Unfollow %1").arg(author) : tr("Follow %1").arg(author));
    m_authorArticles->setText(tr("Articles by %1").arg(author));
}

void ArticleView::toggleFavorite()
{
    if (!m_article)
        return;
    const QString slug = m_article->slug;
    const bool favorite = !m_standing.favorited;
    m_socialBusy = true;
    updateSocialButtons(); // the button shows the confirmed state, not the click
    m_api.setFavorite(slug, favorite, this, [this, slug](const ApiResult<ArticleStanding> &result) {
        m_socialBusy = false;
        if (!result) {
            updateSocialButtons();
            emit failed(result.error());
            return;
        }
        if (m_article && m_article->slug == slug)
            m_standing = *result;
        updateSocialButtons();
        emit favoriteChanged(slug, *result);
    });
}

void ArticleView::toggleFollow()
{
    if (!m_article)
        return;
    const qint64 authorId = m_article->author.id;
    const bool follow = !m_standing.followingAuthor;
    m_socialBusy = true;
    updateSocialButtons();
    m_api.setFollowing(authorId, follow, this, [this, authorId](const ApiResult<Profile> &result) {
        m_socialBusy = false;
        if (!result) {
            updateSocialButtons();
            emit failed(result.error());
            return;
        }
        if (m_article && m_article->author.id == authorId)
            m_standing.followingAuthor = result->following;
        updateSocialButtons();
        emit followChanged(authorId, result->following);
    });
}

void ArticleView::postComment()
{
    const QString text = m_commentEdit->toPlainText().trimmed();
    if (!m_article || text.isEmpty())
        return;
    if (text.size() > Validation::MaxCommentLength) {
        emit failed(ApiError { ApiError::Kind::Http, 400,
            tr("A comment can have at most %1 characters.").arg(Validation::MaxCommentLength), {} });
        return;
    }
    const QString slug = m_article->slug;
    if (m_offline) {
        keepForLater(slug, text);
        return;
    }
    m_postComment->setEnabled(false);
    m_api.postComment(
        slug, CommentDraft { text }, this, [this, slug, text](const ApiResult<Comment> &result) {
            m_postComment->setEnabled(true);
            if (!result && result.error().kind == ApiError::Kind::Network) {
                keepForLater(slug, text);
                return;
            }
            if (!result) {
                emit failed(result.error());
                return;
            }
            if (m_article && m_article->slug == slug) {
                m_article->comments.append(*result);
                m_comments->append(*result);
                m_commentList->scrollToBottom();
            }
            commentSent(slug, text);
            emit commentCountChanged(slug, +1);
        });
}

void ArticleView::updateDeleteButton()
{
    const QModelIndex current = m_commentList->currentIndex();
    const bool mine = current.isValid()
        && (current.data(CommentListModel::AuthorIdRole).toLongLong() == m_userId
            || (m_article && m_article->author.id == m_userId));
    m_deleteComment->setEnabled(mine && !m_offline && m_userId != 0);
}

void ArticleView::deleteSelectedComment()
{
    const QModelIndex current = m_commentList->currentIndex();
    if (!m_article || !current.isValid())
        return;
    if (!m_confirm(tr("Delete this comment? This cannot be undone.")))
        return;
    const qint64 id = current.data(CommentListModel::IdRole).toLongLong();
    const QString slug = m_article->slug;
    m_api.deleteComment(slug, id, this, [this, slug, id](const ApiResult<Success> &result) {
        if (!result) {
            emit failed(result.error());
            return;
        }
        if (m_article && m_article->slug == slug)
            m_comments->remove(id);
        emit commentCountChanged(slug, -1);
        updateDeleteButton();
    });
}

} // namespace blog
