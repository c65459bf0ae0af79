#pragma once

#include <QFormLayout>
#include <QHash>

namespace blog {

class FieldErrorLabel;

// A form whose fields each have an error line under them, found by the API's name for the field, so
// a validation error from the server lands next to what caused it.
class FieldForm : public QFormLayout
{
public:
    FieldForm();

    // Adds a row; returns its label, for rows that come and go.
    QWidget *addField(const QString &label, QWidget *field, const QString &key);
    // An error line placed elsewhere in the dialog, for a field outside the form.
    void addErrorLabel(const QString &key, FieldErrorLabel *label);
    FieldErrorLabel *errorLabel(const QString &key) const { return m_errors.value(key); }
    // False when no field has that name (the caller shows the message in general then).
    bool showError(const QString &key, const QString &message);
    void clearErrors();

private:
    QHash<QString, FieldErrorLabel *> m_errors;
};

} // namespace blog
