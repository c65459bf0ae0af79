#pragma once

#include "ApiError.h"
#include "Article.h"

#include <QDialog>

#include <optional>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace blog {

class ApiClient;
class FieldErrorLabel;
class FieldForm;

// Writes a new article or edits one of the author's: title, description, tags and Markdown text
// with a preview.
class ArticleEditorDialog : public QDialog
{
    Q_OBJECT

public:
    ArticleEditorDialog(ApiClient &api, std::optional<Article> existing, QWidget *parent = nullptr);

signals:
    void articleSaved(const blog::Article &article);

private:
    void save();
    QStringList tags() const;

    ApiClient &m_api;
    std::optional<Article> m_existing;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QLineEdit *m_tags;
    QPlainTextEdit *m_text;
    QTextBrowser *m_preview;
    QTabWidget *m_tabs;
    QPushButton *m_save;
    FieldForm *m_form;
    FieldErrorLabel *m_generalError;
};

} // namespace blog
