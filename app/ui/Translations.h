#pragma once

#include <QLocale>

namespace blog::Translations {

// Loads the embedded translation for `locale` (and Qt's own, for standard buttons) into the application.
// Returns false when there is none (English, the source language, needs none).
bool install(const QLocale &locale);

} // namespace blog::Translations
