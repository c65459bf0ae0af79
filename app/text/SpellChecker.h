#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <utility>

class Hunspell;
class QStringDecoder;
class QStringEncoder;

namespace blog {

// Spelling in one language through Hunspell and the system's dictionaries (Debian's hunspell-* packages
// in /usr/share/hunspell). Without a dictionary for the language it is not valid, and finds every word
// correct: the editor then underlines nothing rather than everything.
class SpellChecker
{
public:
    static QString defaultDirectory();
    // The languages with a dictionary ("de_DE", "en_US", "fr_FR", ...), sorted.
    static QStringList availableLanguages(const QString &directory = defaultDirectory());
    // The best dictionary for a locale name: "de" finds de_DE, "en_GB" finds en_US if that is all there is.
    static QString bestLanguageFor(const QString &locale, const QString &directory = defaultDirectory());

    explicit SpellChecker(const QString &language, const QString &directory = defaultDirectory());
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    bool isValid() const { return m_hunspell != nullptr; }
    QString language() const { return m_language; }

    bool isCorrect(QStringView word) const;
    QStringList suggestions(QStringView word, int maximum = 8) const;
    // Accepted from now on, in this checker (e.g. "Ignore" in the context menu).
    void accept(const QString &word);

    // The misspelled words of a text, as (start, length) in it. Words with digits, e-mail addresses and
    // web addresses are left alone.
    QList<std::pair<qsizetype, qsizetype>> misspellings(QStringView text) const;

private:
    std::string encode(QStringView text) const;
    QString decode(const std::string &text) const;

    QString m_language;
    std::unique_ptr<Hunspell> m_hunspell;
    bool m_isUtf8 = true;
    std::unique_ptr<QStringEncoder> m_encoder; // for dictionaries in a legacy encoding
    std::unique_ptr<QStringDecoder> m_decoder;
};

} // namespace blog
