#include "DraftListDialog.h"

#include "DraftPublisher.h"
#include "DraftStore.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace blog {

namespace {
enum Column { TitleColumn, KindColumn, StateColumn, SavedColumn, ColumnCount };
enum CommentColumn { ArticleColumn, TextColumn, CommentStateColumn, CommentSavedColumn, CommentColumnCount };

// A read-only table of whole rows, one selected at a time, `stretching` taking the width left.
void setUpTable(QTableWidget *table, const QString &name, const QStringList &headers, int stretching)
{
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    for (int column = 0; column < headers.size(); ++column)
        table->horizontalHeader()->setSectionResizeMode(
            column, column == stretching ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
}

// The item of `shown` (what `table` lists, row by row) whose row is selected, if any.
template<typename T> std::optional<T> selectedIn(const QTableWidget *table, const QList<T> &shown)
{
    const auto rows = table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= shown.size())
        return std::nullopt;
    return shown.at(rows.first().row());
}

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype end = trimmed.indexOf(QLatin1Char('\n'));
    return end < 0 ? trimmed : trimmed.left(end) + QStringLiteral(" …");
}
} // namespace

DraftListDialog::DraftListDialog(DraftPublisher &publisher, QWidget *parent)
    : QDialog(parent)
    , m_publisher(publisher)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_status(new QLabel)
    , m_open(new QPushButton(tr("&Open")))
    , m_delete(new QPushButton(tr("&Delete")))
    , m_publish(new QPushButton(tr("&Publish")))
    , m_commentsTitle(new QLabel(tr("Comments not on the server yet")))
    , m_comments(new QTableWidget(0, CommentColumnCount))
    , m_commentButtons(new QWidget)
    , m_openArticle(new QPushButton(tr("Open the &article")))
    , m_copyComment(new QPushButton(tr("&Copy the text")))
    , m_deleteComment(new QPushButton(tr("De&lete the comment")))
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Please confirm"), question) == QMessageBox::Yes;
    })
{
    setObjectName(QStringLiteral("draftListDialog"));
    setWindowTitle(tr("Drafts"));
    setUpTable(m_table, QStringLiteral("draftTable"), { tr("Title"), tr("Kind"), tr("State"), tr("Saved") },
        TitleColumn);
    m_table->setAccessibleName(tr("Drafts"));
    m_status->setObjectName(QStringLiteral("draftListStatus"));
    m_status->setWordWrap(true);

    auto *newDraft = new QPushButton(tr("&New"));
    newDraft->setObjectName(QStringLiteral("newDraftButton"));
    m_open->setObjectName(QStringLiteral("openDraftButton"));
    m_delete->setObjectName(QStringLiteral("deleteDraftButton"));
    m_publish->setObjectName(QStringLiteral("publishDraftButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newDraft);
    buttons->addWidget(m_open);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_publish);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_commentsTitle->setObjectName(QStringLiteral("unsentCommentsTitle"));
    setUpTable(m_comments, QStringLiteral("unsentCommentTable"),
        { tr("Article"), tr("Comment"), tr("State"), tr("Saved") }, TextColumn);
    m_comments->setAccessibleName(tr("Comments not on the server yet"));
    m_openArticle->setObjectName(QStringLiteral("openUnsentCommentArticleButton"));
    m_copyComment->setObjectName(QStringLiteral("copyUnsentCommentButton"));
    m_deleteComment->setObjectName(QStringLiteral("deleteUnsentCommentButton"));
    auto *commentButtons = new QHBoxLayout(m_commentButtons);
    commentButtons->setContentsMargins(0, 0, 0, 0);
    commentButtons->addWidget(m_openArticle);
    commentButtons->addWidget(m_copyComment);
    commentButtons->addStretch();
    commentButtons->addWidget(m_deleteComment);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_commentsTitle);
    layout->addWidget(m_comments, 1);
    layout->addWidget(m_commentButtons);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(640, 400);

    connect(newDraft, &QPushButton::clicked, this, &DraftListDialog::newDraftRequested);
    connect(m_open, &QPushButton::clicked, this, &DraftListDialog::openSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &DraftListDialog::openSelected);
    connect(m_delete, &QPushButton::clicked, this, &DraftListDialog::deleteSelected);
    connect(m_publish, &QPushButton::clicked, this, &DraftListDialog::publishSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DraftListDialog::updateButtons);
    connect(&m_publisher.store(), &DraftStore::draftsChanged, this, &DraftListDialog::reload);
    reload();

    connect(m_openArticle, &QPushButton::clicked, this, [this] {
        if (const auto comment = selectedComment())
            emit openArticleRequested(comment->articleSlug);
    });
    connect(m_copyComment, &QPushButton::clicked, this, &DraftListDialog::copySelectedComment);
    connect(m_deleteComment, &QPushButton::clicked, this, &DraftListDialog::deleteSelectedComment);
    connect(m_comments, &QTableWidget::itemSelectionChanged, this, &DraftListDialog::updateCommentButtons);
    connect(
        &m_publisher.store(), &DraftStore::pendingCommentsChanged, this, &DraftListDialog::reloadComments);
    connect(&m_publisher.store(), &DraftStore::commentDraftChanged, this, &DraftListDialog::reloadComments);
    reloadComments();
}

int DraftListDialog::draftCount() const
{
    return int(m_drafts.size());
}

QString DraftListDialog::stateText(const LocalDraft &draft)
{
    if (draft.isQueued())
        return tr("Waiting for the server");
    if (!draft.lastError.isEmpty())
        return tr("Not published: %1").arg(draft.lastError);
    return tr("Writing");
}

void DraftListDialog::reload()
{
    const qint64 selected = selectedDraft() ? selectedDraft()->id : 0;
    m_drafts = m_publisher.store().drafts();
    m_table->setRowCount(int(m_drafts.size()));
    for (int row = 0; row < m_drafts.size(); ++row) {
        const LocalDraft &draft = m_drafts.at(row);
        auto *title = new QTableWidgetItem(draft.title.trimmed().isEmpty() ? tr("(untitled)") : draft.title);
        m_table->setItem(row, TitleColumn, title);
        m_table->setItem(row, KindColumn,
            new QTableWidgetItem(
                draft.isEdit() ? tr("Changes to “%1”").arg(draft.articleSlug) : tr("New article")));
        auto *state = new QTableWidgetItem(stateText(draft));
        state->setToolTip(draft.lastError);
        m_table->setItem(row, StateColumn, state);
        m_table->setItem(row, SavedColumn,
            new QTableWidgetItem(QLocale().toString(draft.updatedAt.toLocalTime(), QLocale::ShortFormat)));
        if (draft.id == selected)
            m_table->selectRow(row);
    }
    updateButtons();
}

std::optional<LocalDraft> DraftListDialog::selectedDraft() const
{
    return selectedIn(m_table, m_drafts);
}

void DraftListDialog::updateButtons()
{
    const bool any = selectedDraft().has_value();
    m_open->setEnabled(any);
    m_delete->setEnabled(any);
    m_publish->setEnabled(any);
}

void DraftListDialog::openSelected()
{
    if (const auto draft = selectedDraft())
        emit openDraftRequested(*draft);
}

void DraftListDialog::deleteSelected()
{
    const auto draft = selectedDraft();
    if (!draft)
        return;
    const QString title = draft->title.trimmed().isEmpty() ? tr("(untitled)") : draft->title;
    if (!m_confirm(tr("Delete the draft “%1”? This cannot be undone.").arg(title)))
        return;
    m_publisher.store().remove(draft->id);
}

void DraftListDialog::publishSelected()
{
    if (const auto draft = selectedDraft())
        publishDraft(draft->id, draft->title);
}

void DraftListDialog::publishDraft(qint64 draftId, const QString &title)
{
    m_publish->setEnabled(false);
    m_status->setText(tr("Publishing “%1”…").arg(title));
    m_publisher.publish(draftId, this, [this, draftId, title](const ApiResult<Article> &result) {
        updateButtons();
        if (result) {
            m_status->setText(tr("Published “%1”.").arg(result->title));
            return;
        }
        if (result.error().isConflict() && result.error().current) {
            // The same question and the same outcomes as in the editor and the offline queue.
            const Article &theirs = *result.error().current;
            const ConflictChoice choice = m_publisher.askAboutConflict(draftId, theirs);
            if (m_publisher.applyConflictChoice(draftId, choice, theirs)) {
                publishDraft(draftId, title);
                return;
            }
            switch (choice) {
            case ConflictChoice::TakeTheirs:
                m_status->setText(
                    tr("The article stays as it was changed elsewhere; the draft was dropped."));
                break;
            case ConflictChoice::KeepMineAsNewDraft:
                m_status->setText(tr("Your text is kept as a new draft; the article stays as it is."));
                break;
            default:
                m_status->setText(tr("The article was changed elsewhere since this draft began. Open the "
                                     "draft to choose what to keep."));
                break;
            }
            return;
        }
        if (result.error().kind == ApiError::Kind::Network)
            m_status->setText(
                tr("The server cannot be reached: the draft will be published when it is back."));
        else
            m_status->setText(result.error().message);
    });
}

void DraftListDialog::reloadComments()
{
    const std::optional<UnsentComment> selected = selectedComment();
    m_unsentComments.clear();
    const DraftStore &store = m_publisher.store();
    for (const CommentInProgress &comment : store.commentDrafts())
        m_unsentComments.append(
            { 0, comment.articleSlug, comment.text, tr("In its comment box"), comment.updatedAt });
    for (const PendingComment &comment : store.pendingComments()) {
        const QString state = comment.refused ? tr("Refused: %1").arg(comment.lastError)
            : comment.lastError.isEmpty()     ? tr("Waiting for the server")
                                              : tr("Not sent yet: %1").arg(comment.lastError);
        m_unsentComments.append({ comment.id, comment.articleSlug, comment.text, state, comment.createdAt });
    }
    // Rows are refilled in place: a selection left on a row would now stand on another comment.
    {
        const QSignalBlocker quiet(m_comments);
        m_comments->clearSelection();
    }
    m_comments->setRowCount(int(m_unsentComments.size()));
    for (int row = 0; row < m_unsentComments.size(); ++row) {
        const UnsentComment &comment = m_unsentComments.at(row);
        m_comments->setItem(row, ArticleColumn, new QTableWidgetItem(comment.articleSlug));
        auto *text = new QTableWidgetItem(firstLine(comment.text));
        text->setToolTip(comment.text);
        m_comments->setItem(row, TextColumn, text);
        auto *state = new QTableWidgetItem(comment.state);
        state->setToolTip(comment.state);
        m_comments->setItem(row, CommentStateColumn, state);
        m_comments->setItem(row, CommentSavedColumn,
            new QTableWidgetItem(QLocale().toString(comment.savedAt.toLocalTime(), QLocale::ShortFormat)));
        if (selected && selected->pendingId == comment.pendingId
            && selected->articleSlug == comment.articleSlug)
            m_comments->selectRow(row);
    }
    const bool any = !m_unsentComments.isEmpty();
    m_commentsTitle->setVisible(any);
    m_comments->setVisible(any);
    m_commentButtons->setVisible(any);
    updateCommentButtons();
}

std::optional<DraftListDialog::UnsentComment> DraftListDialog::selectedComment() const
{
    return selectedIn(m_comments, m_unsentComments);
}

void DraftListDialog::updateCommentButtons()
{
    const bool any = selectedComment().has_value();
    m_openArticle->setEnabled(any);
    m_copyComment->setEnabled(any);
    m_deleteComment->setEnabled(any);
}

void DraftListDialog::copySelectedComment()
{
    if (const auto comment = selectedComment()) {
        QGuiApplication::clipboard()->setText(comment->text);
        m_status->setText(tr("The comment's text is on the clipboard."));
    }
}

void DraftListDialog::deleteSelectedComment()
{
    const auto comment = selectedComment();
    if (!comment)
        return;
    if (!m_confirm(tr("Delete this comment on “%1”, “%2”? It is not on the server; its text cannot be "
                      "brought back.")
                       .arg(comment->articleSlug, firstLine(comment->text))))
        return;
    DraftStore &store = m_publisher.store();
    const bool deleted = comment->pendingId != 0 ? store.removePendingComment(comment->pendingId)
                                                 : store.saveCommentDraft(comment->articleSlug, {});
    if (!deleted)
        m_status->setText(tr("The comment could not be deleted from the drafts file."));
}

} // namespace blog
