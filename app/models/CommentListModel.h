#pragma once

#include "Comment.h"

#include <QAbstractListModel>
#include <QList>

namespace blog {

// The comments of the open article, oldest first.
class CommentListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, AuthorIdRole, AuthorNameRole, TextRole, CreatedAtRole };

    explicit CommentListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setComments(const QList<Comment> &comments);
    void append(const Comment &comment);
    void remove(qint64 commentId);
    Comment comment(int row) const { return m_comments.value(row); }

private:
    QList<Comment> m_comments;
};

} // namespace blog
