#include "FilterBar.h"

#include "SearchTerms.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QStringListModel>

namespace blog {

namespace {
// The modes that need a signed-in reader.
bool needsSignIn(FilterBar::Mode mode)
{
    return mode == FilterBar::Mode::Mine || mode == FilterBar::Mode::Favorites
        || mode == FilterBar::Mode::Feed;
}
} // namespace

FilterBar::FilterBar(qint64 userId, QWidget *parent)
    : QWidget(parent)
    , m_userId(userId)
    , m_mode(new QComboBox)
    , m_tag(new QLineEdit)
    , m_tags(new QStringListModel(this))
    , m_tagCompleter(new QCompleter(m_tags, this))
    , m_author(new QComboBox)
    , m_search(new QLineEdit)
{
    setObjectName(QStringLiteral("filterBar"));
    auto *label = new QLabel(tr("&Show:"));
    label->setBuddy(m_mode);

    m_mode->setObjectName(QStringLiteral("filterCombo"));
    m_mode->setAccessibleName(tr("Articles to show"));
    m_mode->setToolTip(tr("Which articles the list shows"));
    m_mode->addItem(tr("All articles"), int(Mode::All));
    m_mode->addItem(tr("My articles"), int(Mode::Mine));
    m_mode->addItem(tr("With a tag"), int(Mode::Tag));
    m_mode->addItem(tr("By an author"), int(Mode::Author));
    m_mode->addItem(tr("My favourites"), int(Mode::Favorites));
    m_mode->addItem(tr("Authors I follow"), int(Mode::Feed));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_tag->setObjectName(QStringLiteral("tagFilterEdit"));
    m_tag->setAccessibleName(tr("Tag"));
    m_tag->setToolTip(tr("Show the articles with this tag (Enter applies it)"));
    m_tag->setPlaceholderText(tr("Tag…"));
    m_tag->setClearButtonEnabled(true);
    m_tag->setMinimumWidth(160);
    m_tagCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagCompleter->setFilterMode(Qt::MatchContains);
    m_tag->setCompleter(m_tagCompleter);

    m_author->setObjectName(QStringLiteral("authorFilterCombo"));
    m_author->setAccessibleName(tr("Author"));
    m_author->setToolTip(tr("Show this author's articles (the authors the list has shown)"));
    m_author->setMinimumWidth(160);
    m_author->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setAccessibleName(tr("Search articles"));
    m_search->setToolTip(
        tr("Words to find in titles, descriptions, texts and tags; \"quotes\" for a phrase"));
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textEdited, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            emitFilter();
    });
    connect(&m_searchDelay, &QTimer::timeout, this, &FilterBar::emitFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::emitFilter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(label);
    layout->addWidget(m_mode);
    layout->addWidget(m_tag);
    layout->addWidget(m_author);
    layout->addStretch(1);
    layout->addWidget(m_search);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &FilterBar::modeChosen);
    connect(m_tag, &QLineEdit::returnPressed, this, &FilterBar::emitFilter);
    connect(
        m_tagCompleter, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &tag) {
            m_tag->setText(tag);
            emitFilter();
        });
    // Cleared with its button: every article again.
    connect(m_tag, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            emitFilter();
    });
    connect(m_author, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
    updateInputs();
}

FilterBar::Mode FilterBar::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void FilterBar::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

ListingQuery FilterBar::filter() const
{
    ListingQuery filter;
    switch (mode()) {
    case Mode::All:
        break;
    case Mode::Mine:
        filter.authorId = m_userId;
        break;
    case Mode::Tag:
        filter.tag = m_tag->text().trimmed();
        break;
    case Mode::Author:
        if (m_author->currentIndex() >= 0)
            filter.authorId = m_author->currentData().toLongLong();
        break;
    case Mode::Favorites:
        filter.favoritedBy = m_userId;
        break;
    case Mode::Feed:
        filter.feed = true;
        break;
    }
    // Words the server would refuse (nothing but punctuation, too long) search for nothing rather than
    // empty the list with an error.
    if (SearchTerms::parse(m_search->text()))
        filter.search = m_search->text().trimmed();
    return filter;
}

void FilterBar::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    auto *model = qobject_cast<QStandardItemModel *>(m_mode->model());
    for (int row = 0; row < m_mode->count(); ++row) {
        if (needsSignIn(Mode(m_mode->itemData(row).toInt())))
            model->item(row)->setEnabled(signedIn && m_userId != 0);
    }
    if (!signedIn && needsSignIn(mode()))
        setMode(Mode::All);
}

QStringList FilterBar::tags() const
{
    return m_tags->stringList();
}

void FilterBar::setTags(const QStringList &tags)
{
    m_tags->setStringList(tags);
}

void FilterBar::addAuthor(qint64 id, const QString &name)
{
    if (id <= 0 || m_author->findData(id) >= 0)
        return;
    // Kept in name order; adding must not change which one is chosen.
    const QSignalBlocker blocker(m_author);
    int row = 0;
    while (row < m_author->count() && QString::localeAwareCompare(m_author->itemText(row), name) <= 0)
        ++row;
    m_author->insertItem(row, name, id);
    if (m_author->count() == 1)
        m_author->setCurrentIndex(0);
}

void FilterBar::showAuthor(qint64 id, const QString &name)
{
    addAuthor(id, name);
    {
        const QSignalBlocker blocker(m_author);
        m_author->setCurrentIndex(m_author->findData(id));
    }
    if (mode() == Mode::Author)
        emitFilter();
    else
        setMode(Mode::Author);
}

void FilterBar::modeChosen()
{
    if (needsSignIn(mode()) && (!m_signedIn || m_userId == 0)) {
        setMode(Mode::All);
        return;
    }
    updateInputs();
    if (mode() == Mode::Tag)
        m_tag->setFocus();
    emitFilter();
}

void FilterBar::updateInputs()
{
    m_tag->setVisible(mode() == Mode::Tag);
    m_author->setVisible(mode() == Mode::Author);
}

void FilterBar::emitFilter()
{
    const ListingQuery current = filter();
    if (current == m_emitted)
        return;
    m_emitted = current;
    emit filterChanged(current);
}

} // namespace blog
