#pragma once

#include <QLabel>

namespace blog {

// The red line (a lighter red on dark themes) under a form field that shows what the server (or the form)
// found wrong with it.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FieldErrorLabel(const QString &objectName, QWidget *parent = nullptr);

    void showError(const QString &message);
    void clearError();

protected:
    void changeEvent(QEvent *event) override;

private:
    void followTheme();
};

} // namespace blog
