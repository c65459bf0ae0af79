#pragma once

#include <QString>

namespace blog::SlugMaker {

// "Hello, World!" -> "hello-world"; "Ünïcödé Straße" -> "unicode-strasse"; "Привет мир" -> "привет-мир".
// Letters lose their accents where a plain letter exists, other scripts stay readable, everything else
// separates words. Never empty: a title of only symbols gives "article".
QString fromTitle(const QString &title);

} // namespace blog::SlugMaker
