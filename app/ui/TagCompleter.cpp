#include "TagCompleter.h"

#include "Validation.h"

#include <QStringListModel>

namespace blog {

namespace {

// The list up to and including the last comma, and the tag being typed after it.
std::pair<QString, QString> splitAtLastComma(const QString &text)
{
    const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
    if (comma < 0)
        return { QString(), text.trimmed() };
    return { text.left(comma + 1), text.mid(comma + 1).trimmed() };
}

} // namespace

TagCompleter::TagCompleter(QObject *parent)
    : QCompleter(parent)
    , m_tags(new QStringListModel(this))
{
    setModel(m_tags);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchStartsWith);
    setCompletionMode(QCompleter::PopupCompletion);
}

void TagCompleter::setKnownTags(const QStringList &tags)
{
    QStringList sorted = Validation::normalizedTags(tags);
    sorted.sort(Qt::CaseInsensitive);
    m_tags->setStringList(sorted);
}

QStringList TagCompleter::knownTags() const
{
    return m_tags->stringList();
}

QStringList TagCompleter::splitPath(const QString &path) const
{
    return { splitAtLastComma(path).second };
}

QString TagCompleter::pathFromIndex(const QModelIndex &index) const
{
    const QString tag = QCompleter::pathFromIndex(index);
    // What was typed, not what the field shows: highlighting a row already put a completion there.
    const QString before = splitAtLastComma(completionPrefix()).first;
    if (before.isEmpty())
        return tag + QStringLiteral(", ");
    return before + QLatin1Char(' ') + tag + QStringLiteral(", ");
}

} // namespace blog
