#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// The few colours the app adds to the system palette (warnings, errors, Markdown marks), derived from that
// palette so that a dark theme gets dark banners and light text, and a light theme the reverse.
namespace blog::ThemeColors {

// `share` of `accent` over `base`.
QColor blended(const QColor &base, const QColor &accent, qreal share);
bool isDark(const QPalette &palette);
// Text saying something went wrong, readable on the palette's window colour.
QColor errorText(const QPalette &palette);
// A style sheet for a warning banner (selector: which widget takes the background).
QString warningBanner(const QPalette &palette, const QString &selector);
// WCAG 2 contrast ratio, 1 to 21.
qreal contrast(const QColor &a, const QColor &b);

} // namespace blog::ThemeColors
