#include "TagCompleter.h"

#include "Validation.h"

#include <QLineEdit>
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
    const auto *edit = qobject_cast<const QLineEdit *>(widget());
    const QString before = edit ? splitAtLastComma(edit->text()).first : QString();
    return before.isEmpty() ? tag + QStringLiteral(", ") : before + QLatin1Char(' ') + tag + QStringLiteral(", ");
}

} // namespace blog
