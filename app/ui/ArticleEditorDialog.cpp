#include "ArticleEditorDialog.h"

#include "ApiClient.h"
#include "FieldErrorLabel.h"
#include "FieldForm.h"
#include "JsonKeys.h"
#include "Validation.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace blog {

ArticleEditorDialog::ArticleEditorDialog(ApiClient &api, std::optional<Article> existing, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_existing(std::move(existing))
    , m_title(new QLineEdit)
    , m_description(new QLineEdit)
    , m_tags(new QLineEdit)
    , m_text(new QPlainTextEdit)
    , m_preview(new QTextBrowser)
    , m_tabs(new QTabWidget)
    , m_save(new QPushButton(m_existing ? tr("Save changes") : tr("Publish")))
    , m_form(new FieldForm)
    , m_generalError(new FieldErrorLabel(QStringLiteral("generalError")))
    , m_resolveConflict([this](const Article &theirs) {
        QMessageBox box(QMessageBox::Warning, tr("The article has changed"),
            tr("“%1” was changed elsewhere since you opened it.").arg(theirs.title), QMessageBox::NoButton,
            this);
        auto *keepMine = box.addButton(tr("Keep mine"), QMessageBox::AcceptRole);
        // Not RejectRole: Escape must not drop the author's text.
        auto *takeTheirs = box.addButton(tr("Take theirs"), QMessageBox::ActionRole);
        auto *asNew = box.addButton(tr("Keep mine as a new article"), QMessageBox::ActionRole);
        box.setEscapeButton(box.addButton(QMessageBox::Cancel));
        box.setDefaultButton(keepMine);
        box.exec();
        if (box.clickedButton() == keepMine)
            return ConflictChoice::KeepMine;
        if (box.clickedButton() == takeTheirs)
            return ConflictChoice::TakeTheirs;
        if (box.clickedButton() == asNew)
            return ConflictChoice::SaveMineAsNew;
        return ConflictChoice::Undecided;
    })
{
    setWindowTitle(m_existing ? tr("Edit article") : tr("New article"));
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
    if (m_existing)
        showArticle(*m_existing);

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
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ArticleEditorDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(textError);
    layout->addWidget(m_generalError);
    layout->addWidget(buttons);
    resize(720, 560);
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

void ArticleEditorDialog::showArticle(const Article &article)
{
    m_title->setText(article.title);
    m_description->setText(article.description);
    m_tags->setText(article.tags.join(QStringLiteral(", ")));
    m_text->setPlainText(article.text);
}

void ArticleEditorDialog::save()
{
    m_form->clearErrors();
    m_generalError->clearError();
    if (!m_existing) {
        publishAsNew();
        return;
    }
    m_save->setEnabled(false);
    ArticlePatch patch;
    patch.title = m_title->text().trimmed();
    patch.description = m_description->text().trimmed();
    patch.text = m_text->toPlainText();
    patch.tags = tags();
    // Based on the version we showed, so nobody else's edit is overwritten unseen.
    m_api.updateArticle(
        m_existing->id, patch, this, [this](const ApiResult<Article> &result) { saved(result); },
        m_existing->version);
}

void ArticleEditorDialog::publishAsNew()
{
    m_save->setEnabled(false);
    m_api.createArticle(
        { m_title->text().trimmed(), m_description->text().trimmed(), m_text->toPlainText(), tags() }, this,
        [this](const ApiResult<Article> &result) { saved(result); });
}

void ArticleEditorDialog::saved(const ApiResult<Article> &result)
{
    m_save->setEnabled(true);
    if (!result) {
        if (result.error().isConflict() && result.error().current) {
            resolveConflict(*result.error().current);
            return;
        }
        if (!m_form->showError(result.error().field, result.error().message))
            m_generalError->showError(result.error().message);
        return;
    }
    emit articleSaved(*result);
    accept();
}

void ArticleEditorDialog::resolveConflict(const Article &theirs)
{
    switch (m_resolveConflict(theirs)) {
    case ConflictChoice::KeepMine:
        m_existing = theirs; // their version is the one we now knowingly replace
        save();
        break;
    case ConflictChoice::TakeTheirs:
        m_existing = theirs;
        showArticle(theirs);
        m_generalError->showError(tr("This is the article as it is now; your changes were dropped."));
        break;
    case ConflictChoice::SaveMineAsNew:
        publishAsNew();
        break;
    case ConflictChoice::Undecided:
        break;
    }
}

} // namespace blog
