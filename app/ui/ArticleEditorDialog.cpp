#include "ArticleEditorDialog.h"

#include "ApiClient.h"
#include "FieldErrorLabel.h"
#include "FieldForm.h"
#include "JsonKeys.h"
#include "Validation.h"

#include <QDialogButtonBox>
#include <QLineEdit>
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
    if (m_existing) {
        m_title->setText(m_existing->title);
        m_description->setText(m_existing->description);
        m_tags->setText(m_existing->tags.join(QStringLiteral(", ")));
        m_text->setPlainText(m_existing->text);
    }

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

void ArticleEditorDialog::save()
{
    m_form->clearErrors();
    m_generalError->clearError();
    m_save->setEnabled(false);
    const auto done = [this](const ApiResult<Article> &result) {
        m_save->setEnabled(true);
        if (!result) {
            if (!m_form->showError(result.error().field, result.error().message))
                m_generalError->showError(result.error().message);
            return;
        }
        emit articleSaved(*result);
        accept();
    };
    if (m_existing) {
        ArticlePatch patch;
        patch.title = m_title->text().trimmed();
        patch.description = m_description->text().trimmed();
        patch.text = m_text->toPlainText();
        patch.tags = tags();
        m_api.updateArticle(m_existing->id, patch, this, done);
    } else {
        m_api.createArticle(
            { m_title->text().trimmed(), m_description->text().trimmed(), m_text->toPlainText(), tags() },
            this, done);
    }
}

} // namespace blog
