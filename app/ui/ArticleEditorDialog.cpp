#include "ArticleEditorDialog.h"

#include "AppSettings.h"
#include "ConflictQuestion.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "FieldErrorLabel.h"
#include "FieldForm.h"
#include "JsonKeys.h"
#include "MarkdownHighlighter.h"
#include "MarkdownPreview.h"
#include "SpellChecker.h"
#include "TagCompleter.h"
#include "Validation.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTime>
#include <QToolButton>
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
    , m_preview(new MarkdownPreview)
    , m_splitter(new QSplitter)
    , m_showPreview(new QAction(this))
    , m_tagCompleter(new TagCompleter(this))
    , m_save(new QPushButton)
    , m_draftStatus(new QLabel)
    , m_wordCount(new QLabel)
    , m_spellLanguage(new QComboBox)
    , m_form(new FieldForm)
    , m_generalError(new FieldErrorLabel(QStringLiteral("generalError")))
    , m_resolveConflict([this](const LocalDraft &mine, const Article &theirs) {
        return ConflictQuestion::ask(this, mine, theirs);
    })
{
    setObjectName(QStringLiteral("articleEditor"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setMaxLength(Validation::MaxTitleLength);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setMaxLength(Validation::MaxDescriptionLength);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("qt, c++, databases"));
    m_tags->setCompleter(m_tagCompleter);
    m_text->setObjectName(QStringLiteral("textEdit"));
    m_text->setPlaceholderText(tr("Write in Markdown: **bold**, *italic*, # headings, - lists"));
    m_preview->setObjectName(QStringLiteral("previewBrowser"));
    m_preview->setAccessibleName(tr("Preview"));
    m_text->setAccessibleName(tr("Article text"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    m_draftStatus->setObjectName(QStringLiteral("draftStatusLabel"));
    m_draftStatus->setEnabled(false);
    m_wordCount->setObjectName(QStringLiteral("wordCountLabel"));
    m_wordCount->setEnabled(false);
    m_highlighter = new MarkdownHighlighter(m_text->document(), m_text->palette());
    m_spellLanguage->setObjectName(QStringLiteral("spellLanguageCombo"));
    m_spellLanguage->setToolTip(tr("Spell checking"));
    m_spellLanguage->setAccessibleName(tr("Spell checking language"));
    m_spellLanguage->addItem(tr("No spell checking"), QString());
    for (const QString &language : SpellChecker::availableLanguages()) {
        const QLocale locale(language);
        m_spellLanguage->addItem(
            QStringLiteral("%1 (%2)").arg(locale.nativeLanguageName(), locale.nativeTerritoryName()),
            language);
    }
    m_text->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_text, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const std::unique_ptr<QMenu> menu(createTextContextMenu(position));
        menu->exec(m_text->viewport()->mapToGlobal(position));
    });
    updateTitles();
    showDraft();

    auto *form = m_form;
    form->addField(tr("Title:"), m_title, JsonKeys::Title);
    form->addField(tr("Description:"), m_description, JsonKeys::Description);
    form->addField(tr("Tags:"), m_tags, JsonKeys::Tags);

    m_splitter->setObjectName(QStringLiteral("editorSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_text);
    m_splitter->addWidget(m_preview);
    m_previewDelay.setSingleShot(true);
    m_previewDelay.setInterval(PreviewDelayMs);
    connect(&m_previewDelay, &QTimer::timeout, this, &ArticleEditorDialog::updatePreview);
    connect(
        m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &ArticleEditorDialog::followTextScroll);
    m_showPreview->setObjectName(QStringLiteral("showPreviewAction"));
    m_showPreview->setText(tr("Preview"));
    m_showPreview->setToolTip(tr("Show the rendered article beside the text (Ctrl+Shift+P)"));
    m_showPreview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_showPreview->setCheckable(true);
    addAction(m_showPreview);
    connect(m_showPreview, &QAction::toggled, this, &ArticleEditorDialog::setPreviewVisible);
    auto *previewButton = new QToolButton;
    previewButton->setObjectName(QStringLiteral("previewButton"));
    previewButton->setDefaultAction(m_showPreview);
    previewButton->setAccessibleName(tr("Show preview"));
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
    bottom->addWidget(previewButton);
    bottom->addWidget(m_spellLanguage);
    bottom->addWidget(m_wordCount);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(textError);
    layout->addWidget(m_generalError);
    layout->addLayout(bottom);
    resize(1040, 620);
    setPreviewVisible(AppSettings().editorShowsPreview());

    m_autosave.setSingleShot(true);
    m_autosave.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    m_autosave.setInterval(AutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &ArticleEditorDialog::saveDraft);
    m_autosaveDeadline.setSingleShot(true);
    m_autosaveDeadline.setTimerType(Qt::PreciseTimer);
    m_autosaveDeadline.setInterval(AutosaveAtMostMs);
    connect(&m_autosaveDeadline, &QTimer::timeout, this, &ArticleEditorDialog::saveDraft);
    // Connected after showDraft() filled the fields: loading is not an edit.
    connect(m_title, &QLineEdit::textEdited, this, &ArticleEditorDialog::edited);
    connect(m_description, &QLineEdit::textEdited, this, &ArticleEditorDialog::edited);
    connect(m_tags, &QLineEdit::textEdited, this, &ArticleEditorDialog::edited);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ArticleEditorDialog::edited);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ArticleEditorDialog::updateWordCount);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_preview->isVisible())
            m_previewDelay.start();
    });
    connect(m_spellLanguage, &QComboBox::activated, this, [this] {
        setSpellLanguage(m_spellLanguage->currentData().toString());
        edited(); // the draft remembers its language
    });
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
    // Here, once the fields are in the dialog (focus given to a field without its parent yet is lost
    // when it gets one): a new article starts at its title, one reopened where its cursor was.
    if (m_draft.title.isEmpty() && m_draft.text.isEmpty())
        m_title->setFocus();
    else
        m_text->setFocus();

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
    // The draft's language, else the app's, else none.
    QString language = m_draft.language;
    if (language.isEmpty())
        language = SpellChecker::bestLanguageFor(QLocale().name());
    const int index = m_spellLanguage->findData(language);
    m_spellLanguage->setCurrentIndex(index >= 0 ? index : 0);
    setSpellLanguage(m_spellLanguage->currentData().toString());
}

void ArticleEditorDialog::setSpellLanguage(const QString &language)
{
    if (m_spellChecker && m_spellChecker->language() == language)
        return;
    m_spellChecker = language.isEmpty() ? nullptr : std::make_shared<SpellChecker>(language);
    m_highlighter->setSpellChecker(m_spellChecker);
}

QMenu *ArticleEditorDialog::createTextContextMenu(const QPoint &position)
{
    QMenu *menu = m_text->createStandardContextMenu(position);
    QTextCursor word = m_text->cursorForPosition(position);
    word.select(QTextCursor::WordUnderCursor);
    const QString misspelled = word.selectedText();
    if (!m_spellChecker || misspelled.isEmpty() || m_spellChecker->isCorrect(misspelled))
        return menu;
    QAction *first = menu->actions().value(0);
    const QStringList suggestions = m_spellChecker->suggestions(misspelled);
    for (const QString &suggestion : suggestions) {
        auto *replace = new QAction(suggestion, menu);
        replace->setObjectName(QStringLiteral("spellingSuggestion"));
        connect(replace, &QAction::triggered, this,
            [word, suggestion]() mutable { word.insertText(suggestion); });
        menu->insertAction(first, replace);
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("No suggestions"), menu);
        none->setEnabled(false);
        menu->insertAction(first, none);
    }
    auto *ignore = new QAction(tr("Ignore “%1”").arg(misspelled), menu);
    ignore->setObjectName(QStringLiteral("ignoreSpelling"));
    connect(ignore, &QAction::triggered, this, [this, misspelled] {
        m_spellChecker->accept(misspelled);
        m_highlighter->rehighlight();
    });
    menu->insertAction(first, ignore);
    menu->insertSeparator(first);
    return menu;
}

void ArticleEditorDialog::setKnownTags(const QStringList &tags)
{
    m_tagCompleter->setKnownTags(tags);
}

void ArticleEditorDialog::setPreviewVisible(bool visible)
{
    if (m_showPreview->isChecked() != visible) {
        m_showPreview->setChecked(visible); // comes back here through toggled
        return;
    }
    m_preview->setHidden(!visible);
    if (AppSettings settings; settings.editorShowsPreview() != visible)
        settings.setEditorShowsPreview(visible);
    if (visible)
        updatePreview();
}

bool ArticleEditorDialog::isPreviewVisible() const
{
    return !m_preview->isHidden();
}

void ArticleEditorDialog::updatePreview()
{
    m_previewDelay.stop();
    if (m_preview->isHidden())
        return;
    m_preview->showMarkdown(m_text->toPlainText());
    followTextScroll();
}

void ArticleEditorDialog::followTextScroll()
{
    if (m_preview->isHidden())
        return;
    // Each line of the plain text is a block: the block at the top is the source line shown first.
    m_preview->followSourceLine(m_text->cursorForPosition(QPoint(0, 0)).blockNumber());
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
    if (!m_autosaveDeadline.isActive())
        m_autosaveDeadline.start(); // not restarted: saves while typing goes on
}

void ArticleEditorDialog::collectDraft()
{
    m_draft.title = m_title->text();
    m_draft.description = m_description->text();
    m_draft.tags = tags();
    m_draft.text = m_text->toPlainText();
    m_draft.cursorPosition = m_text->textCursor().position();
    m_draft.language = m_spellLanguage->currentData().toString();
}

void ArticleEditorDialog::storeDraft()
{
    m_autosave.stop();
    m_autosaveDeadline.stop();
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
    // The dialog hears of a new palette before its children have it; the text field inherits this one.
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
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
    switch (m_resolveConflict(m_draft, theirs)) {
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
