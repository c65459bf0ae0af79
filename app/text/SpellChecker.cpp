#include "SpellChecker.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTextBoundaryFinder>

#include <hunspell/hunspell.hxx>

namespace blog {

namespace {

bool isCheckable(QStringView word)
{
    if (word.isEmpty())
        return false;
    bool hasLetter = false;
    for (const QChar c : word) {
        if (c.isDigit() || c == QLatin1Char('_'))
            return false;
        hasLetter = hasLetter || c.isLetter();
    }
    return hasLetter;
}

// Part of an address: the word ends where a dot or an @ continues it.
bool isInAddress(QStringView text, qsizetype start, qsizetype end)
{
    const auto joins
        = [](QChar c) { return c == QLatin1Char('@') || c == QLatin1Char('/') || c == QLatin1Char(':'); };
    const bool dotAfter
        = end + 1 < text.size() && text[end] == QLatin1Char('.') && text[end + 1].isLetterOrNumber();
    const bool dotBefore
        = start >= 2 && text[start - 1] == QLatin1Char('.') && text[start - 2].isLetterOrNumber();
    return (end < text.size() && joins(text[end])) || (start > 0 && joins(text[start - 1])) || dotAfter
        || dotBefore;
}

} // namespace

QString SpellChecker::defaultDirectory()
{
    return QStringLiteral("/usr/share/hunspell");
}

QStringList SpellChecker::availableLanguages(const QString &directory)
{
    QStringList languages;
    const QDir dir(directory);
    for (const QFileInfo &dic :
        dir.entryInfoList({ QStringLiteral("*.dic") }, QDir::Files | QDir::Readable)) {
        if (dir.exists(dic.completeBaseName() + QStringLiteral(".aff")))
            languages.append(dic.completeBaseName());
    }
    languages.sort();
    return languages;
}

QString SpellChecker::bestLanguageFor(const QString &locale, const QString &directory)
{
    const QStringList languages = availableLanguages(directory);
    const QString name = QLocale(locale).name(); // "de" -> "de_DE"
    if (languages.contains(name))
        return name;
    const QString prefix = name.section(QLatin1Char('_'), 0, 0);
    // The language's own country first (de_DE, fr_FR), then any.
    const QString ownCountry = prefix + QLatin1Char('_') + prefix.toUpper();
    if (languages.contains(ownCountry))
        return ownCountry;
    for (const QString &language : languages) {
        if (language == prefix || language.startsWith(prefix + QLatin1Char('_')))
            return language;
    }
    return {};
}

SpellChecker::SpellChecker(const QString &language, const QString &directory)
    : m_language(language)
{
    const QDir dir(directory);
    const QString aff = dir.filePath(language + QStringLiteral(".aff"));
    const QString dic = dir.filePath(language + QStringLiteral(".dic"));
    if (language.isEmpty() || !QFileInfo::exists(aff) || !QFileInfo::exists(dic))
        return;
    m_hunspell
        = std::make_unique<Hunspell>(QFile::encodeName(aff).constData(), QFile::encodeName(dic).constData());
    const QString encoding = QString::fromStdString(m_hunspell->get_dict_encoding());
    m_isUtf8 = encoding.compare(QStringLiteral("UTF-8"), Qt::CaseInsensitive) == 0;
    if (!m_isUtf8) {
        m_encoder = std::make_unique<QStringEncoder>(encoding.toLatin1().constData());
        m_decoder = std::make_unique<QStringDecoder>(encoding.toLatin1().constData());
        if (!m_encoder->isValid() || !m_decoder->isValid())
            m_hunspell.reset(); // an encoding Qt cannot write: no checking rather than wrong checking
    }
}

SpellChecker::~SpellChecker() = default;

std::string SpellChecker::encode(QStringView text) const
{
    if (m_isUtf8)
        return text.toUtf8().toStdString();
    const QByteArray bytes = (*m_encoder)(text);
    return bytes.toStdString();
}

QString SpellChecker::decode(const std::string &text) const
{
    if (m_isUtf8)
        return QString::fromStdString(text);
    return (*m_decoder)(QByteArrayView(text.data(), qsizetype(text.size())));
}

bool SpellChecker::isCorrect(QStringView word) const
{
    if (!m_hunspell || !isCheckable(word))
        return true;
    return m_hunspell->spell(encode(word));
}

QStringList SpellChecker::suggestions(QStringView word, int maximum) const
{
    QStringList found;
    if (!m_hunspell)
        return found;
    for (const std::string &suggestion : m_hunspell->suggest(encode(word))) {
        if (found.size() >= maximum)
            break;
        found.append(decode(suggestion));
    }
    return found;
}

void SpellChecker::accept(const QString &word)
{
    if (m_hunspell)
        m_hunspell->add(encode(word));
}

QList<std::pair<qsizetype, qsizetype>> SpellChecker::misspellings(QStringView text) const
{
    QList<std::pair<qsizetype, qsizetype>> found;
    if (!m_hunspell)
        return found;
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text.data(), text.size());
    qsizetype start = -1;
    do {
        const qsizetype position = words.position();
        const QTextBoundaryFinder::BoundaryReasons reasons = words.boundaryReasons();
        if ((reasons & QTextBoundaryFinder::EndOfItem) && start >= 0) {
            const QStringView word = text.mid(start, position - start);
            if (!isInAddress(text, start, position) && !isCorrect(word))
                found.append({ start, position - start });
            start = -1;
        }
        if (reasons & QTextBoundaryFinder::StartOfItem)
            start = position;
    } while (words.toNextBoundary() >= 0);
    return found;
}

} // namespace blog
