#include "MainWindow.h"

#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "ArticleExporter.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "ConflictQuestion.h"
#include "DraftListDialog.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "FilterBar.h"
#include "ProfileDialog.h"
#include "ThemeColors.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace blog {

namespace {
constexpr int ReconnectIntervalMs = 5000;
}

MainWindow::MainWindow(ApiClient &api, AppSettings &settings, const User &user, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_settings(settings)
    , m_user(user)
    , m_drafts(std::make_unique<DraftStore>(DraftStore::pathFor(api.baseUrl().toString(), user.id)))
    , m_publisher(std::make_unique<DraftPublisher>(api, *m_drafts))
    , m_listing(new ArticleListModel(api, this))
    , m_filterBar(new FilterBar(user.id))
    , m_table(new QTableView)
    , m_articleView(new ArticleView(api))
    , m_splitter(new QSplitter)
    , m_offlineBanner(new QLabel)
    , m_tokenNotice(new QWidget)
    , m_totalLabel(new QLabel)
    , m_busy(new QProgressBar)
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Please confirm"), question) == QMessageBox::Yes;
    })
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Blog — %1").arg(user.fullName));

    m_table->setObjectName(QStringLiteral("articleTable"));
    m_table->setAccessibleName(tr("Articles"));
    m_table->setModel(m_listing);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        ArticleListModel::AuthorColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ArticleListModel::TagsColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(
        ArticleListModel::CommentsColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_articleView->setObjectName(QStringLiteral("articleView"));
    m_articleView->setCurrentUserId(user.id);
    m_articleView->setConfirm(m_confirm);
    m_articleView->setDraftStore(m_drafts.get());

    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    m_offlineBanner->setText(tr("The server cannot be reached. You are looking at the last listing we saved. "
                                "You can go on writing: drafts and comments are kept here and sent when "
                                "the connection is back. Reconnecting…"));
    m_offlineBanner->setWordWrap(true);
    m_offlineBanner->hide();

    // Not a message box: it must not stop the author's work, and it stays until dismissed.
    m_tokenNotice->setObjectName(QStringLiteral("tokenNotice"));
    m_tokenNotice->setAttribute(Qt::WA_StyledBackground);
    auto *noticeText
        = new QLabel(tr("Your sign-in could not be kept in the system keychain, so you will have "
                        "to sign in again the next time you start the app."));
    noticeText->setObjectName(QStringLiteral("tokenNoticeText"));
    noticeText->setWordWrap(true);
    auto *dismissNotice = new QToolButton;
    dismissNotice->setObjectName(QStringLiteral("tokenNoticeDismiss"));
    dismissNotice->setText(tr("Dismiss"));
    dismissNotice->setAutoRaise(true);
    connect(dismissNotice, &QToolButton::clicked, m_tokenNotice, &QWidget::hide);
    auto *noticeLayout = new QHBoxLayout(m_tokenNotice);
    noticeLayout->setContentsMargins(8, 4, 4, 4);
    noticeLayout->addWidget(noticeText, 1);
    noticeLayout->addWidget(dismissNotice);
    m_tokenNotice->hide();
    followTheme();

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_articleView);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_offlineBanner);
    layout->addWidget(m_tokenNotice);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_totalLabel->setObjectName(QStringLiteral("totalLabel"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_totalLabel);

    buildActions();

    connect(m_listing, &ArticleListModel::totalChanged, this,
        [this](qint64 total) { m_totalLabel->setText(tr("Articles: %1").arg(total)); });
    connect(m_listing, &ArticleListModel::offlineChanged, this, &MainWindow::setOffline);
    connect(m_listing, &ArticleListModel::loadFailed, this, &MainWindow::showProblem);
    connect(m_listing, &ArticleListModel::loadingChanged, this, &MainWindow::updateBusy);
    connect(&m_api, &ApiClient::busyChanged, this, &MainWindow::updateBusy);
    connect(&m_api, &ApiClient::onlineChanged, this, [this](bool online) {
        if (!online) {
            setOffline(true);
            return;
        }
        // A listing from the cache says so itself when it is fresh again; one that never loaded cannot.
        if (!m_listing->isOffline())
            setOffline(false);
        m_publisher->runQueue(); // what was written meanwhile goes out now
    });
    m_publisher->setResolveConflict([this](const LocalDraft &mine, const Article &theirs) {
        return ConflictQuestion::ask(this, mine, theirs);
    });
    connect(m_publisher.get(), &DraftPublisher::published, this,
        [this](qint64, const Article &article) { articlePublished(article); });
    connect(m_publisher.get(), &DraftPublisher::queued, this, [this](qint64 draftId) {
        const auto draft = m_drafts->find(draftId);
        statusBar()->showMessage(tr("The server cannot be reached: “%1” will be published when it is back.")
                                     .arg(draft ? draft->title : QString()),
            8000);
    });
    connect(m_publisher.get(), &DraftPublisher::commentSent, this,
        [this](const QString &slug, const Comment &comment) {
            m_listing->changeCommentCount(slug, +1);
            m_articleView->addSentComment(slug, comment);
        });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                openArticle(current.data(ArticleListModel::SlugRole).toString());
            updateActions();
        });
    connect(m_filterBar, &FilterBar::filterChanged, m_listing, &ArticleListModel::setFilter);
    connect(m_listing, &ArticleListModel::pageLoaded, this, [this] {
        for (int row = 0; row < m_listing->rowCount(); ++row) {
            const ArticleListItem item = m_listing->item(row);
            m_filterBar->addAuthor(item.authorId, item.authorName);
        }
    });
    connect(m_articleView, &ArticleView::favoriteChanged, this,
        [this](const QString &, const ArticleStanding &standing) {
            socialChanged(
                standing.favorited ? tr("Added to your favourites.") : tr("Taken out of your favourites."),
                m_filterBar->mode() == FilterBar::Mode::Favorites);
        });
    connect(m_articleView, &ArticleView::followChanged, this, [this](qint64, bool following) {
        const QString author
            = m_articleView->article() ? m_articleView->article()->author.fullName : QString();
        socialChanged(
            following ? tr("You follow %1 now.").arg(author) : tr("You no longer follow %1.").arg(author),
            m_filterBar->mode() == FilterBar::Mode::Feed);
    });
    connect(m_articleView, &ArticleView::authorArticlesRequested, m_filterBar, &FilterBar::showAuthor);
    connect(m_articleView, &ArticleView::articleLoaded, this, [this](const Article &article) {
        m_filterBar->addAuthor(article.author.id, article.author.fullName);
    });
    connect(&m_api, &ApiClient::unauthorized, this, [this] { setSignedIn(false); });
    connect(
        m_articleView, &ArticleView::commentCountChanged, m_listing, &ArticleListModel::changeCommentCount);
    connect(m_articleView, &ArticleView::failed, this, &MainWindow::showProblem);
    connect(m_articleView, &ArticleView::articleLoaded, this, &MainWindow::updateActions);

    m_reconnect.setInterval(ReconnectIntervalMs);
    connect(&m_reconnect, &QTimer::timeout, this, &MainWindow::refresh);

    resize(1180, 760);
    restoreGeometry(m_settings.windowGeometry());
    if (!m_settings.splitterState().isEmpty())
        m_splitter->restoreState(m_settings.splitterState());
    else
        m_splitter->setSizes({ 460, 720 });
    updateActions();
    setSignedIn(!m_api.token().isEmpty() && user.id != 0);
    if (!m_api.isOnline())
        setOffline(true); // it will not say so again: start reconnecting now
    refresh();
    if (!m_drafts->isOpen())
        statusBar()->showMessage(
            tr("Drafts cannot be kept on this computer: %1").arg(m_drafts->errorString()));
    // After the constructor, so the window is up (and a test can answer the question).
    QTimer::singleShot(0, this, [this] {
        offerToRestoreDrafts();
        // Left from the last run: a refused connection marks us offline and the reconnection retries.
        if (!m_drafts->queuedDrafts().isEmpty() || !m_drafts->pendingComments().isEmpty())
            m_publisher->runQueue();
    });
}

MainWindow::~MainWindow()
{
    // Replaced after a new sign-in, the window is deleted without a close: what is in the comment box goes
    // into the drafts file while that is still here.
    m_articleView->keepCommentInProgress();
    // The editors save their drafts as they go, into the store this window owns: before it is gone.
    const auto dialogs = findChildren<QDialog *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(dialogs);
}

void MainWindow::buildActions()
{
    QStyle *style = QApplication::style();
    m_refreshAction = new QAction(style->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_newAction = new QAction(style->standardIcon(QStyle::SP_FileIcon), tr("&New article…"), this);
    m_newAction->setObjectName(QStringLiteral("newArticleAction"));
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, [this] { editArticle(true); });

    m_editAction
        = new QAction(style->standardIcon(QStyle::SP_FileDialogDetailedView), tr("&Edit article…"), this);
    m_editAction->setObjectName(QStringLiteral("editArticleAction"));
    connect(m_editAction, &QAction::triggered, this, [this] { editArticle(false); });

    m_deleteAction = new QAction(style->standardIcon(QStyle::SP_TrashIcon), tr("&Delete article"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteArticleAction"));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteArticle);

    m_draftsAction = new QAction(style->standardIcon(QStyle::SP_DirOpenIcon), tr("D&rafts…"), this);
    m_draftsAction->setObjectName(QStringLiteral("draftsAction"));
    m_draftsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_draftsAction, &QAction::triggered, this, &MainWindow::showDrafts);

    m_exportAction = new QAction(tr("&Export as Markdown…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setToolTip(tr("Write my articles and drafts into a folder as Markdown files"));
    connect(m_exportAction, &QAction::triggered, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Export into folder"));
        if (!directory.isEmpty())
            exportTo(directory);
    });

    m_profileAction = new QAction(style->standardIcon(QStyle::SP_DirHomeIcon), tr("&Profile…"), this);
    m_profileAction->setObjectName(QStringLiteral("profileAction"));
    connect(m_profileAction, &QAction::triggered, this, &MainWindow::editProfile);

    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&Blog"));
    file->addAction(m_newAction);
    file->addAction(m_draftsAction);
    file->addAction(m_refreshAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_profileAction);
    file->addAction(m_signOutAction);
    file->addSeparator();
    file->addAction(quit);
    QMenu *article = menuBar()->addMenu(tr("&Article"));
    article->addAction(m_editAction);
    article->addAction(m_deleteAction);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_draftsAction);
    toolbar->addAction(m_editAction);
    toolbar->addAction(m_deleteAction);
    toolbar->addSeparator();
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_profileAction);
}

ArticleExporter *MainWindow::exportTo(const QString &directory)
{
    if (!m_exporter) {
        m_exporter = new ArticleExporter(m_api, *m_drafts, this);
        connect(m_exporter, &ArticleExporter::progress, this, [this](int written) {
            statusBar()->showMessage(tr("Exporting… %n file(s) written", nullptr, written));
        });
        connect(
            m_exporter, &ArticleExporter::finished, this, [this](const ArticleExporter::Summary &summary) {
                m_exportAction->setEnabled(true);
                const QString done = tr("Exported %n article(s)", nullptr, summary.articles)
                    + QStringLiteral(", ") + tr("%n draft(s).", nullptr, summary.drafts);
                if (summary.error.isEmpty())
                    statusBar()->showMessage(done, 10000);
                else
                    statusBar()->showMessage(done + QLatin1Char(' ') + summary.error);
            });
    }
    if (m_exporter->isRunning())
        return m_exporter;
    m_exportAction->setEnabled(false);
    m_exporter->start(directory, m_user.id);
    return m_exporter;
}

void MainWindow::setConfirm(Confirm confirm)
{
    m_confirm = confirm;
    m_articleView->setConfirm(std::move(confirm));
}

void MainWindow::refresh()
{
    m_listing->refresh();
    loadTags();
}

void MainWindow::loadTags()
{
    m_api.fetchTags(this, [this](const ApiResult<QStringList> &tags) {
        // Completion is a help: without it the tag can still be typed, so a failure is not shown.
        if (tags)
            m_filterBar->setTags(*tags);
    });
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    m_filterBar->setSignedIn(signedIn);
    m_articleView->setSignedIn(signedIn);
}

void MainWindow::socialChanged(const QString &message, bool listingChanges)
{
    statusBar()->showMessage(message, 5000);
    if (listingChanges)
        m_listing->refresh();
}

void MainWindow::openArticle(const QString &slug)
{
    m_articleView->showArticle(slug);
}

void MainWindow::setTokenKept(bool kept, const QString &reason)
{
    m_tokenNotice->setToolTip(reason);
    m_tokenNotice->setVisible(!kept);
}

void MainWindow::updateBusy()
{
    m_busy->setVisible(m_api.pendingRequests() > 0 || m_listing->isLoading());
}

void MainWindow::updateActions()
{
    const auto &article = m_articleView->article();
    const bool online = !m_listing->isOffline();
    const bool mine = article && article->author.id == m_user.id;
    // Writing goes on offline, into drafts; publishing then waits for the connection.
    m_newAction->setEnabled(true);
    m_editAction->setEnabled(mine);
    m_deleteAction->setEnabled(online && mine);
    m_profileAction->setEnabled(online);
    m_articleView->setOffline(!online);
}

void MainWindow::setOffline(bool offline)
{
    m_offlineBanner->setVisible(offline);
    if (offline && !m_reconnect.isActive())
        m_reconnect.start();
    else if (!offline)
        m_reconnect.stop();
    updateActions();
}

void MainWindow::showProblem(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Network)
        statusBar()->showMessage(tr("The server cannot be reached: %1").arg(error.message), 8000);
    else
        statusBar()->showMessage(error.message, 8000);
}

void MainWindow::editArticle(bool createNew)
{
    if (createNew) {
        openDraft(LocalDraft {});
        return;
    }
    const auto &current = m_articleView->article();
    if (!current || current->author.id != m_user.id)
        return;
    // Editing an article again continues its draft, based on the version that draft began from.
    const std::optional<LocalDraft> draft = m_drafts->findForArticle(current->id);
    openDraft(draft ? *draft : draftOf(*current));
}

ArticleEditorDialog *MainWindow::openDraft(const LocalDraft &draft)
{
    if (draft.id != 0) {
        const auto editors = findChildren<ArticleEditorDialog *>(Qt::FindDirectChildrenOnly);
        for (ArticleEditorDialog *editor : editors) {
            if (editor->draft().id == draft.id) {
                editor->raise();
                editor->activateWindow();
                return editor;
            }
        }
    }
    auto *dialog = new ArticleEditorDialog(*m_publisher, draft, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList tags = m_filterBar->tags();
    for (const LocalDraft &kept : m_drafts->drafts())
        tags += kept.tags;
    dialog->setKnownTags(tags);
    connect(dialog, &ArticleEditorDialog::articleSaved, this,
        [this](const Article &article) { openArticle(article.slug); });
    dialog->show();
    return dialog;
}

void MainWindow::articlePublished(const Article &article)
{
    refresh();
    statusBar()->showMessage(tr("Published “%1”.").arg(article.title), 5000);
}

DraftListDialog *MainWindow::showDrafts()
{
    if (auto *existing = findChild<DraftListDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    auto *dialog = new DraftListDialog(*m_publisher, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfirm(m_confirm);
    connect(dialog, &DraftListDialog::newDraftRequested, this, [this] { openDraft(LocalDraft {}); });
    connect(dialog, &DraftListDialog::openDraftRequested, this, &MainWindow::openDraft);
    connect(dialog, &DraftListDialog::openArticleRequested, this, [this](const QString &slug) {
        openArticle(slug);
        raise();
        activateWindow();
    });
    dialog->show();
    return dialog;
}

void MainWindow::offerToRestoreDrafts()
{
    // An editor still marked open means the app did not close normally while it was there.
    const QList<LocalDraft> left = m_drafts->draftsLeftOpen();
    for (const LocalDraft &draft : left) {
        const QString title = draft.title.trimmed().isEmpty() ? tr("(untitled)") : draft.title;
        if (m_confirm(tr("Blog did not close normally while you were writing “%1”. Open it again where "
                         "you left off?")
                          .arg(title)))
            openDraft(draft);
        else
            m_drafts->setOpenInEditor(draft.id, false); // still in the drafts list
    }
}

void MainWindow::deleteArticle()
{
    const auto &current = m_articleView->article();
    if (!current || current->author.id != m_user.id)
        return;
    if (!m_confirm(tr("Delete “%1” and all its comments? This cannot be undone.").arg(current->title)))
        return;
    const QString title = current->title;
    m_api.deleteArticle(current->id, this, [this, title](const ApiResult<Success> &result) {
        if (!result) {
            showProblem(result.error());
            return;
        }
        m_articleView->clear();
        refresh();
        updateActions();
        statusBar()->showMessage(tr("Deleted “%1”.").arg(title), 5000);
    });
}

void MainWindow::editProfile()
{
    auto *dialog = new ProfileDialog(m_api, m_user, this);
    dialog->setObjectName(QStringLiteral("profileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const User &user) {
        const bool renamed = user.fullName != m_user.fullName;
        m_user = user;
        setWindowTitle(tr("Blog — %1").arg(user.fullName));
        if (renamed)
            refresh();
        statusBar()->showMessage(tr("Profile saved."), 5000);
    });
    dialog->open();
}

void MainWindow::followTheme()
{
    m_offlineBanner->setStyleSheet(ThemeColors::warningBanner(palette(), QStringLiteral("#offlineBanner")));
    m_tokenNotice->setStyleSheet(ThemeColors::warningBanner(palette(), QStringLiteral("#tokenNotice")));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        followTheme();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_articleView->keepCommentInProgress();
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setSplitterState(m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace blog
