#include "FieldErrorLabel.h"

namespace blog {

FieldErrorLabel::FieldErrorLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setStyleSheet(QStringLiteral("color: #b3261e;"));
    hide();
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
