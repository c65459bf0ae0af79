#include "FieldForm.h"

#include "FieldErrorLabel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace blog {

FieldForm::FieldForm() = default;

QWidget *FieldForm::addField(const QString &label, QWidget *field, const QString &key)
{
    auto *error = new FieldErrorLabel(key + QStringLiteral("Error"));
    m_errors.insert(key, error);
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(field);
    column->addWidget(error);
    addRow(label, column);
    QWidget *labelWidget = labelForField(column);
    // The label names the field for screen readers and gives its mnemonic the field, not the layout.
    if (auto *text = qobject_cast<QLabel *>(labelWidget))
        text->setBuddy(field);
    return labelWidget;
}

void FieldForm::addErrorLabel(const QString &key, FieldErrorLabel *label)
{
    m_errors.insert(key, label);
}

bool FieldForm::showError(const QString &key, const QString &message)
{
    FieldErrorLabel *label = m_errors.value(key);
    if (!label)
        return false;
    label->showError(message);
    return true;
}

void FieldForm::clearErrors()
{
    for (FieldErrorLabel *label : std::as_const(m_errors))
        label->clearError();
}

} // namespace blog
