#pragma once

#include "ApiError.h"
#include "LocalDraft.h"
#include "User.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QTableView;

namespace blog {

class ApiClient;
class AppSettings;
class ArticleListModel;
class ArticleEditorDialog;
class ArticleExporter;
class ArticleView;
class DraftListDialog;
class DraftPublisher;
class DraftStore;
class FilterBar;

// The author's window: the listing (paged as it scrolls) beside the open article and its comments.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using Confirm = std::function<bool(const QString &question)>;

    MainWindow(ApiClient &api, AppSettings &settings, const User &user, QWidget *parent = nullptr);
    ~MainWindow() override;

    ArticleListModel *listingModel() const { return m_listing; }
    ArticleView *articleView() const { return m_articleView; }
    FilterBar *filterBar() const { return m_filterBar; }
    void setConfirm(Confirm confirm);
    const User &currentUser() const { return m_user; }
    void refresh();
    // Signed out, or the server refused the token: what needs a reader (my articles, favourites, the
    // feed, favouriting, following) cannot be used until signed in again.
    void setSignedIn(bool signedIn);
    bool isSignedIn() const { return m_signedIn; }
    void openArticle(const QString &slug);
    // Whether the keychain took the token; when it did not, the window says the next start will ask again.
    void setTokenKept(bool kept, const QString &reason = {});
    DraftStore &drafts() const { return *m_drafts; }
    DraftPublisher &draftPublisher() const { return *m_publisher; }
    // Opens the draft in an editor, or brings forward the editor that has it open.
    ArticleEditorDialog *openDraft(const LocalDraft &draft);
    DraftListDialog *showDrafts();
    // Writes my articles and drafts as Markdown files into `directory` (Blog > Export as Markdown asks
    // for it); the status bar tells how it went.
    ArticleExporter *exportTo(const QString &directory);

signals:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildActions();
    void followTheme();
    void showProblem(const ApiError &error);
    void setOffline(bool offline);
    void updateActions();
    void editArticle(bool createNew);
    void offerToRestoreDrafts();
    void articlePublished(const Article &article);
    void deleteArticle();
    void editProfile();
    void updateBusy();
    void loadTags();
    void socialChanged(const QString &message, bool listingChanges);

    ApiClient &m_api;
    AppSettings &m_settings;
    User m_user;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<DraftPublisher> m_publisher;
    ArticleListModel *m_listing;
    FilterBar *m_filterBar;
    QTableView *m_table;
    ArticleView *m_articleView;
    QSplitter *m_splitter;
    QLabel *m_offlineBanner;
    QWidget *m_tokenNotice;
    QLabel *m_totalLabel;
    QProgressBar *m_busy;
    QTimer m_reconnect;
    QAction *m_refreshAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_draftsAction = nullptr;
    QAction *m_profileAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_exportAction = nullptr;
    ArticleExporter *m_exporter = nullptr;
    Confirm m_confirm;
    bool m_signedIn = true;
};

} // namespace blog
