#include "ThemeColors.h"

#include <cmath>

namespace blog::ThemeColors {

namespace {

const QColor Warning(0xe8, 0xa3, 0x17);

qreal luminance(const QColor &color)
{
    const auto linear = [](qreal channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
}

} // namespace

QColor blended(const QColor &base, const QColor &accent, qreal share)
{
    return QColor::fromRgbF(base.redF() * (1 - share) + accent.redF() * share,
        base.greenF() * (1 - share) + accent.greenF() * share,
        base.blueF() * (1 - share) + accent.blueF() * share);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf2, 0xb8, 0xb5) : QColor(0xb3, 0x26, 0x1e);
}

QString warningBanner(const QPalette &palette, const QString &selector)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor background = blended(window, Warning, isDark(palette) ? 0.28 : 0.22);
    const QColor border = blended(window, Warning, 0.7);
    return QStringLiteral(
        "%1 { background: %2; border-bottom: 1px solid %3; padding: 8px; } QLabel { color: %4; }")
        .arg(selector, background.name(), border.name(), palette.color(QPalette::WindowText).name());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace blog::ThemeColors
