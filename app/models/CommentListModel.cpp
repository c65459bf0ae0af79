#include "CommentListModel.h"

#include <QLocale>

namespace blog {

CommentListModel::CommentListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CommentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comments.size());
}

QVariant CommentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_comments.size())
        return {};
    const Comment &comment = m_comments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2\n%3")
            .arg(comment.author.fullName,
                QLocale().toString(comment.createdAt.toLocalTime(), QLocale::ShortFormat), comment.text);
    case IdRole:
        return comment.id;
    case AuthorIdRole:
        return comment.author.id;
    case AuthorNameRole:
        return comment.author.fullName;
    case TextRole:
        return comment.text;
    case CreatedAtRole:
        return comment.createdAt;
    default:
        return {};
    }
}

void CommentListModel::setComments(const QList<Comment> &comments)
{
    beginResetModel();
    m_comments = comments;
    endResetModel();
}

void CommentListModel::append(const Comment &comment)
{
    beginInsertRows({}, int(m_comments.size()), int(m_comments.size()));
    m_comments.append(comment);
    endInsertRows();
}

void CommentListModel::remove(qint64 commentId)
{
    for (int row = 0; row < m_comments.size(); ++row) {
        if (m_comments.at(row).id == commentId) {
            beginRemoveRows({}, row, row);
            m_comments.removeAt(row);
            endRemoveRows();
            return;
        }
    }
}

} // namespace blog
