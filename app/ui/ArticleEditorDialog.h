#pragma once

#include "ApiError.h"
#include "Article.h"
#include "ConflictChoice.h"
#include "LocalDraft.h"

#include <QDialog>
#include <QTimer>

#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QAction;
class QSplitter;

namespace blog {

class DraftPublisher;
class MarkdownHighlighter;
class SpellChecker;
class DraftStore;
class FieldErrorLabel;
class FieldForm;
class MarkdownPreview;
class TagCompleter;

// Writes a new article or edits one of the author's: title, description, tags and Markdown text
// (highlighted as it is typed, spell-checked, words counted) with a preview beside it that follows the
// scroll, and tags completed from those in use. Ctrl+S saves the draft, Ctrl+Enter publishes.
// What is typed is a local draft (DraftStore), saved within two seconds after typing stops, when the editor
// loses focus, and when it closes or the app quits; it is published only when the author says so, and dropped
// only once the server has it. An edit is published on condition that nobody changed the article since the
// draft began; if someone did, the author chooses what happens.
class ArticleEditorDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int AutosaveDelayMs = 2000;
    // Typing that never pauses that long is saved this often all the same: a crash loses no more.
    static constexpr int AutosaveAtMostMs = 5000;
    static constexpr int PreviewDelayMs = 250;

    ArticleEditorDialog(DraftPublisher &publisher, LocalDraft draft, QWidget *parent = nullptr);
    ~ArticleEditorDialog() override;

    // By default a message box. Tests answer it.
    void setResolveConflict(ResolveConflict resolve);
    const LocalDraft &draft() const { return m_draft; }
    // Saves what is typed now (if anything changed since the last save).
    void saveDraft();
    // Words in the text, Markdown marks not counted.
    static int wordCount(const QString &text);
    // The text's context menu at `position` (in the text field's viewport): for a misspelled word, its
    // suggestions and "Ignore" first. The caller owns it; what the right button shows, and for tests.
    QMenu *createTextContextMenu(const QPoint &position);
    // The tags offered while typing in the tags field.
    void setKnownTags(const QStringList &tags);
    void setPreviewVisible(bool visible);
    bool isPreviewVisible() const;

    void done(int result) override;

signals:
    void articleSaved(const blog::Article &article);
    void draftSaved(qint64 draftId);
    // The server could not be reached: the draft waits in the queue.
    void draftQueued(qint64 draftId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void publish();
    void published(const ApiResult<Article> &result);
    void resolveConflict(const Article &theirs);
    void showDraft();
    void collectDraft();
    void storeDraft();
    void edited();
    void finishEditing();
    void updateTitles();
    void updateWordCount();
    void setSpellLanguage(const QString &language);
    void updatePreview();
    void followTextScroll();
    QStringList tags() const;

    DraftPublisher &m_publisher;
    DraftStore &m_store;
    LocalDraft m_draft;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QLineEdit *m_tags;
    QPlainTextEdit *m_text;
    MarkdownPreview *m_preview;
    QSplitter *m_splitter;
    QAction *m_showPreview;
    TagCompleter *m_tagCompleter;
    QTimer m_previewDelay;
    QPushButton *m_save;
    QLabel *m_draftStatus;
    QLabel *m_wordCount;
    QComboBox *m_spellLanguage;
    MarkdownHighlighter *m_highlighter = nullptr;
    std::shared_ptr<SpellChecker> m_spellChecker;
    FieldForm *m_form;
    FieldErrorLabel *m_generalError;
    QTimer m_autosave;
    QTimer m_autosaveDeadline; // runs from the first edit after a save
    bool m_dirty = false;
    bool m_finished = false;
    ResolveConflict m_resolveConflict;
};

} // namespace blog
