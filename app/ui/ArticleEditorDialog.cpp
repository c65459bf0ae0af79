#include "ArticleEditorDialog.h"

#include "ConflictQuestion.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "FieldErrorLabel.h"
#include "FieldForm.h"
#include "JsonKeys.h"
#include "MarkdownHighlighter.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTime>
#include <QVBoxLayout>

namespace blog {

ArticleEditorDialog::ArticleEditorDialog(DraftPublisher &publisher, LocalDraft draft, QWidget *parent)
    : QDialog(parent)
    , m_publisher(publisher)
    , m_store(publisher.store())
    , m_draft(std::move(draft))
    , m_title(new QLineEdit)
    , m_description(new QLineEdit)
    , m_tags(new QLineEdit)
    , m_text(new QPlainTextEdit)
    , m_preview(new QTextBrowser)
    , m_tabs(new QTabWidget)
    , m_save(new QPushButton)
    , m_draftStatus(new QLabel)
    , m_wordCount(new QLabel)
    , m_form(new FieldForm)
    , m_generalError(new FieldErrorLabel(QStringLiteral("generalError")))
    , m_resolveConflict([this](const Article &theirs) { return ConflictQuestion::ask(this, theirs); })
{
    setObjectName(QStringLiteral("articleEditor"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setMaxLength(Validation::MaxTitleLength);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setMaxLength(Validation::MaxDescriptionLength);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("qt, c++, databases"));
    m_text->setObjectName(QStringLiteral("textEdit"));
    m_text->setPlaceholderText(tr("Write in Markdown: **bold**, *italic*, # headings, - lists"));
    m_preview->setObjectName(QStringLiteral("previewBrowser"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    m_draftStatus->setObjectName(QStringLiteral("draftStatusLabel"));
    m_draftStatus->setEnabled(false);
    m_wordCount->setObjectName(QStringLiteral("wordCountLabel"));
    m_wordCount->setEnabled(false);
    new MarkdownHighlighter(m_text->document(), m_text->palette());
    updateTitles();
    showDraft();

    auto *form = m_form;
    form->addField(tr("Title:"), m_title, JsonKeys::Title);
    form->addField(tr("Description:"), m_description, JsonKeys::Description);
    form->addField(tr("Tags:"), m_tags, JsonKeys::Tags);

    m_tabs->addTab(m_text, tr("Write"));
    m_tabs->addTab(m_preview, tr("Preview"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_preview)
            m_preview->setMarkdown(m_text->toPlainText());
    });
    auto *textError = new FieldErrorLabel(QStringLiteral("textError"));
    m_form->addErrorLabel(JsonKeys::Text, textError);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    // Closing keeps the draft: it is in the drafts list.
    buttons->addButton(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ArticleEditorDialog::publish);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_draftStatus, 1);
    bottom->addWidget(m_wordCount);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(textError);
    layout->addWidget(m_generalError);
    layout->addLayout(bottom);
    resize(720, 560);

    m_autosave.setSingleShot(true);
    m_autosave.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    m_autosave.setInterval(AutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &ArticleEditorDialog::saveDraft);
    // Connected after showDraft() filled the fields: loading is not an edit.
    connect(m_title, &QLineEdit::textEdited, this, &ArticleEditorDialog::edited);
    connect(m_description, &QLineEdit::textEdited, this, &ArticleEditorDialog::edited);
    connect(m_tags, &QLineEdit::textEdited, this, &ArticleEditorDialog::edited);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ArticleEditorDialog::edited);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ArticleEditorDialog::updateWordCount);
    updateWordCount();
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_draft.id != 0 || m_dirty)
            storeDraft();
    });
    for (const QKeySequence &keys :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *publishShortcut = new QShortcut(keys, this);
        connect(publishShortcut, &QShortcut::activated, this, [this] {
            if (m_save->isEnabled())
                publish();
        });
    }
    for (QWidget *field : { static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_description),
             static_cast<QWidget *>(m_tags), static_cast<QWidget *>(m_text) })
        field->installEventFilter(this);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &ArticleEditorDialog::finishEditing);

    if (m_draft.id != 0) {
        // Reopened: from now until it closes, a crash leaves it to be offered back.
        m_draft.isOpenInEditor = true;
        m_store.setOpenInEditor(m_draft.id, true);
    }
}

ArticleEditorDialog::~ArticleEditorDialog()
{
    finishEditing();
    // The fields outlive this part of the object; their last focus-out must not reach it.
    for (QWidget *field : { static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_description),
             static_cast<QWidget *>(m_tags), static_cast<QWidget *>(m_text) })
        field->removeEventFilter(this);
}

void ArticleEditorDialog::updateTitles()
{
    setWindowTitle(m_draft.isEdit() ? tr("Edit article") : tr("New article"));
    m_save->setText(m_draft.isEdit() ? tr("Publish changes") : tr("Publish"));
}

QStringList ArticleEditorDialog::tags() const
{
    QStringList tags;
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            tags.append(tag.trimmed());
    }
    return Validation::normalizedTags(tags);
}

void ArticleEditorDialog::setResolveConflict(ResolveConflict resolve)
{
    m_resolveConflict = std::move(resolve);
}

void ArticleEditorDialog::showDraft()
{
    const QSignalBlocker blockText(m_text);
    m_title->setText(m_draft.title);
    m_description->setText(m_draft.description);
    m_tags->setText(m_draft.tags.join(QStringLiteral(", ")));
    m_text->setPlainText(m_draft.text);
    QTextCursor cursor = m_text->textCursor();
    cursor.setPosition(qBound(0, m_draft.cursorPosition, int(m_draft.text.size())));
    m_text->setTextCursor(cursor);
    m_text->setFocus();
}

int ArticleEditorDialog::wordCount(const QString &text)
{
    // A word has a letter or a digit: "#", "-" and "**" alone are marks.
    static const QRegularExpression word(
        QStringLiteral("[\\w'’-]*[\\p{L}\\p{N}][\\w'’-]*"), QRegularExpression::UseUnicodePropertiesOption);
    int count = 0;
    auto matches = word.globalMatch(text);
    while (matches.hasNext()) {
        matches.next();
        ++count;
    }
    return count;
}

void ArticleEditorDialog::updateWordCount()
{
    m_wordCount->setText(tr("Words: %1").arg(wordCount(m_text->toPlainText())));
}

void ArticleEditorDialog::edited()
{
    m_dirty = true;
    m_autosave.start(); // restarted by every keystroke: saves once typing stops
}

void ArticleEditorDialog::collectDraft()
{
    m_draft.title = m_title->text();
    m_draft.description = m_description->text();
    m_draft.tags = tags();
    m_draft.text = m_text->toPlainText();
    m_draft.cursorPosition = m_text->textCursor().position();
}

void ArticleEditorDialog::storeDraft()
{
    m_autosave.stop();
    collectDraft();
    m_draft.isOpenInEditor = !m_finished;
    if (m_store.save(m_draft)) {
        m_dirty = false;
        m_draftStatus->setText(
            tr("Draft saved at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        emit draftSaved(m_draft.id);
    } else {
        m_draftStatus->setText(tr("The draft could not be saved on this computer."));
    }
}

void ArticleEditorDialog::saveDraft()
{
    if (m_dirty)
        storeDraft();
}

bool ArticleEditorDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut)
        saveDraft();
    return QDialog::eventFilter(watched, event);
}

void ArticleEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && !isActiveWindow())
        saveDraft();
    QDialog::changeEvent(event);
}

void ArticleEditorDialog::finishEditing()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_dirty) {
        collectDraft();
        // A new article nobody wrote anything in is not worth a draft.
        if (m_draft.id == 0 && m_draft.isBlank())
            return;
        storeDraft();
    } else if (m_draft.id != 0) {
        m_store.setOpenInEditor(m_draft.id, false);
    }
}

void ArticleEditorDialog::done(int result)
{
    finishEditing();
    QDialog::done(result);
}

void ArticleEditorDialog::publish()
{
    m_form->clearErrors();
    m_generalError->clearError();
    storeDraft(); // what is published is what is kept, should the answer never come
    if (m_draft.id == 0) {
        m_generalError->showError(tr("The draft could not be saved on this computer."));
        return;
    }
    m_save->setEnabled(false);
    m_publisher.publish(m_draft.id, this, [this](const ApiResult<Article> &result) { published(result); });
}

void ArticleEditorDialog::published(const ApiResult<Article> &result)
{
    m_save->setEnabled(true);
    if (!result) {
        if (result.error().isConflict() && result.error().current) {
            resolveConflict(*result.error().current);
            return;
        }
        if (result.error().kind == ApiError::Kind::Network) {
            // The publisher queued it: it goes out when the connection is back.
            m_dirty = false;
            emit draftQueued(m_draft.id);
            accept();
            return;
        }
        if (!m_form->showError(result.error().field, result.error().message))
            m_generalError->showError(result.error().message);
        return;
    }
    m_finished = true; // published: the draft is gone, nothing to keep
    m_dirty = false;
    emit articleSaved(*result);
    accept();
}

void ArticleEditorDialog::resolveConflict(const Article &theirs)
{
    switch (m_resolveConflict(theirs)) {
    case ConflictChoice::KeepMine:
        m_draft.baseVersion = theirs.version; // their version is the one we now knowingly replace
        publish();
        break;
    case ConflictChoice::TakeTheirs: {
        const qint64 id = m_draft.id;
        m_draft = draftOf(theirs);
        m_draft.id = id;
        showDraft();
        storeDraft();
        m_generalError->showError(tr("This is the article as it is now; your changes were dropped."));
        break;
    }
    case ConflictChoice::KeepMineAsNewDraft:
        // The same draft, no longer tied to the article: publishing it makes a new one.
        m_draft.articleId = 0;
        m_draft.articleSlug.clear();
        m_draft.baseVersion = 0;
        storeDraft();
        updateTitles();
        m_generalError->showError(tr(
            "Your text is kept as a new draft; the article stays as it is. Publish it when you are ready."));
        break;
    case ConflictChoice::Undecided:
        break;
    }
}

} // namespace blog
