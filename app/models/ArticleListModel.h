#pragma once

#include "ApiError.h"
#include "ArticleListItem.h"
#include "Requests.h"

#include <QAbstractTableModel>
#include <QList>

namespace blog {

class ApiClient;

// The article listing, loaded a page at a time as the view scrolls (canFetchMore/fetchMore), filtered
// or not (setFilter).
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, AuthorColumn, TagsColumn, CommentsColumn, ColumnCount };
    enum Role { SlugRole = Qt::UserRole + 1, AuthorIdRole };

    static constexpr int PageSize = 50;

    explicit ArticleListModel(ApiClient &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Loads the first page again; the rest follows as the view asks for it.
    void refresh();
    // Which articles to list (its tag, author, favourites and feed; its limit and offset are the
    // model's): the listing starts again from the first page.
    void setFilter(const ListingQuery &filter);
    const ListingQuery &filter() const { return m_filter; }
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    bool isOffline() const { return m_offline; }
    // Whether the last page came from the disk cache (a 304, or offline).
    bool lastPageFromCache() const { return m_lastFromCache; }
    ArticleListItem item(int row) const { return m_items.value(row); }
    int rowOf(const QString &slug) const;
    void changeCommentCount(const QString &slug, int delta);

signals:
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);
    void offlineChanged(bool offline);
    void loadFailed(const blog::ApiError &error);
    void pageLoaded();

private:
    void load(qint64 offset, bool replace);
    void setLoading(bool loading);

    ApiClient &m_api;
    ListingQuery m_filter;
    QList<ArticleListItem> m_items;
    qint64 m_total = -1; // unknown until the first page
    bool m_loading = false;
    bool m_offline = false;
    bool m_lastFromCache = false;
    int m_generation = 0; // a refresh makes answers to older requests stale
};

} // namespace blog
