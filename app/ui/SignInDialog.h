#pragma once

#include "ApiError.h"
#include "User.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace blog {

class ApiClient;
class FieldErrorLabel;
class FieldForm;

// Asks for the server, e-mail and password; "Create account" turns it into sign-up (full name, bio).
// Errors from the server appear next to the field they are about.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(ApiClient &api, const QString &serverUrl, const QString &email, QWidget *parent = nullptr);

    QString serverUrl() const;
    QString email() const;

signals:
    void signedIn(const blog::SignedInUser &user, const QString &serverUrl);

private:
    void setSignUpMode(bool signUp);
    void submit();
    void showError(const ApiError &error);
    void clearErrors();
    void setBusy(bool busy);

    ApiClient &m_api;
    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_fullName;
    QPlainTextEdit *m_bio;
    QCheckBox *m_createAccount;
    QPushButton *m_submit;
    FieldForm *m_form;
    FieldErrorLabel *m_generalError;
    QList<QWidget *> m_signUpOnly;
};

} // namespace blog
