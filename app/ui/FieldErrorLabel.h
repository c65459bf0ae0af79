#pragma once

#include <QLabel>

namespace blog {

// The red line under a form field that shows what the server (or the form) found wrong with it.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FieldErrorLabel(const QString &objectName, QWidget *parent = nullptr);

    void showError(const QString &message);
    void clearError();
};

} // namespace blog
