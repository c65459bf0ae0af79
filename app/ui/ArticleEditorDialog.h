#pragma once

#include "ApiError.h"
#include "Article.h"

#include <QDialog>

#include <functional>
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
// with a preview. Changes are saved on condition that nobody changed the article since it was opened;
// if someone did, the author chooses what happens to the two versions.
class ArticleEditorDialog : public QDialog
{
    Q_OBJECT

public:
    // Undecided (the box closed): nothing is saved or dropped, the next save asks again.
    enum class ConflictChoice { KeepMine, TakeTheirs, SaveMineAsNew, Undecided };
    // Asked with the article as it is on the server now; by default a message box. Tests answer it.
    using ResolveConflict = std::function<ConflictChoice(const Article &theirs)>;

    ArticleEditorDialog(ApiClient &api, std::optional<Article> existing, QWidget *parent = nullptr);
    void setResolveConflict(ResolveConflict resolve);

signals:
    void articleSaved(const blog::Article &article);

private:
    void save();
    void publishAsNew();
    void saved(const ApiResult<Article> &result);
    void resolveConflict(const Article &theirs);
    void showArticle(const Article &article);
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
    ResolveConflict m_resolveConflict;
};

} // namespace blog
