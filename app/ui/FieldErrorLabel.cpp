#include "FieldErrorLabel.h"

#include "ThemeColors.h"

#include <QApplication>
#include <QEvent>

namespace blog {

FieldErrorLabel::FieldErrorLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    followTheme();
    hide();
}

void FieldErrorLabel::followTheme()
{
    const QColor color = ThemeColors::errorText(QApplication::palette(this));
    if (palette().color(QPalette::WindowText) == color)
        return; // setting it sends a palette change of its own
    QPalette own = palette();
    own.setColor(QPalette::WindowText, color);
    setPalette(own);
}

void FieldErrorLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        followTheme();
    QLabel::changeEvent(event);
}

void FieldErrorLabel::showError(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

void FieldErrorLabel::clearError()
{
    clear();
    hide();
}

} // namespace blog
