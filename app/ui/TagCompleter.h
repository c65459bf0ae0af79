#pragma once

#include <QCompleter>

class QStringListModel;

namespace blog {

// Completes the tag being typed in a comma-separated list ("qt, data" offers "databases"), from the tags in
// use, leaving the tags before it as they are.
class TagCompleter : public QCompleter
{
    Q_OBJECT

public:
    explicit TagCompleter(QObject *parent = nullptr);

    void setKnownTags(const QStringList &tags);
    QStringList knownTags() const;

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

private:
    QStringListModel *m_tags;
};

} // namespace blog
