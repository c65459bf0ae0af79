#pragma once

#include "Requests.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QCompleter;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace blog {

// Above the listing: which articles it shows. All of them, mine, those with a tag (completed from the
// tags in use), those of an author (the authors the listing and the article view have shown), my
// favourites, or the feed of the authors I follow; and, with any of these, those matching the words in
// the search field (ranked by relevance). Signed out, mine, favourites and the feed cannot be chosen.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { All, Mine, Tag, Author, Favorites, Feed };

    explicit FilterBar(qint64 userId, QWidget *parent = nullptr);

    Mode mode() const;
    void setMode(Mode mode);
    // The listing's filter for what is chosen now (only its filter fields are set).
    ListingQuery filter() const;
    void setSignedIn(bool signedIn);
    void setTags(const QStringList &tags);
    // The tags in use on the server (GET /tag), as last loaded.
    QStringList tags() const;
    // Authors the author filter offers; ones it has already are kept once.
    void addAuthor(qint64 id, const QString &name);
    // Lists the author's articles.
    void showAuthor(qint64 id, const QString &name);
    // Pause after typing in the search field before the list follows.
    static constexpr int SearchDelayMs = 300;

signals:
    void filterChanged(const blog::ListingQuery &filter);

private:
    void modeChosen();
    void updateInputs();
    void emitFilter();

    qint64 m_userId;
    bool m_signedIn = true;
    QComboBox *m_mode;
    QLineEdit *m_tag;
    QStringListModel *m_tags;
    QCompleter *m_tagCompleter;
    QComboBox *m_author;
    QLineEdit *m_search;
    QTimer m_searchDelay;
    ListingQuery m_emitted;
};

} // namespace blog
