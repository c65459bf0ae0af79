#include "ArticleListModel.h"

#include "ApiClient.h"

namespace blog {

ArticleListModel::ArticleListModel(ApiClient &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const ArticleListItem &item = m_items.at(index.row());
    if (role == SlugRole)
        return item.slug;
    if (role == AuthorIdRole)
        return item.authorId;
    if (role == Qt::ToolTipRole)
        return item.description;
    if (role == Qt::TextAlignmentRole && index.column() == CommentsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TitleColumn:
        return item.title;
    case AuthorColumn:
        return item.authorName;
    case TagsColumn:
        return item.tags.join(QStringLiteral(", "));
    case CommentsColumn:
        return item.totalComments;
    default:
        return {};
    }
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case AuthorColumn:
        return tr("Author");
    case TagsColumn:
        return tr("Tags");
    case CommentsColumn:
        return tr("Comments");
    default:
        return {};
    }
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && m_total >= 0 && m_items.size() < m_total;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(m_items.size(), false);
}

void ArticleListModel::refresh()
{
    ++m_generation;
    m_loading = false;
    load(0, true);
}

void ArticleListModel::setFilter(const ListingQuery &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    // What the old filter listed must not show under the new one, even for a moment.
    beginResetModel();
    m_items.clear();
    endResetModel();
    refresh();
}

void ArticleListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void ArticleListModel::load(qint64 offset, bool replace)
{
    setLoading(true);
    const int generation = m_generation;
    ListingQuery query = m_filter;
    query.limit = PageSize;
    query.offset = offset;
    m_api.fetchArticles(
        query, this, [this, generation, replace, offset](const ApiResult<ListingPage> &result) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!result) {
                emit loadFailed(result.error());
                return;
            }
            const ListingPage &page = *result;
            m_lastFromCache = page.fromCache;
            if (m_offline != page.offline) {
                m_offline = page.offline;
                emit offlineChanged(m_offline);
            }
            if (replace) {
                beginResetModel();
                m_items = page.page.items;
                endResetModel();
            } else if (offset == m_items.size() && !page.page.items.isEmpty()) {
                beginInsertRows({}, int(m_items.size()), int(m_items.size() + page.page.items.size() - 1));
                m_items.append(page.page.items);
                endInsertRows();
            }
            if (m_total != page.page.total) {
                m_total = page.page.total;
                emit totalChanged(m_total);
            }
            emit pageLoaded();
        });
}

int ArticleListModel::rowOf(const QString &slug) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).slug == slug)
            return row;
    }
    return -1;
}

void ArticleListModel::changeCommentCount(const QString &slug, int delta)
{
    const int row = rowOf(slug);
    if (row < 0)
        return;
    m_items[row].totalComments = std::max<qint64>(0, m_items[row].totalComments + delta);
    const QModelIndex cell = index(row, CommentsColumn);
    emit dataChanged(cell, cell, { Qt::DisplayRole });
}

} // namespace blog
