#pragma once

#include "ApiError.h"
#include "User.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace blog {

class ApiClient;
class FieldErrorLabel;
class FieldForm;

// Edits the signed-in author's profile: name, bio, social handles and (typed twice) the password.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(ApiClient &api, const User &user, QWidget *parent = nullptr);

signals:
    void profileSaved(const blog::User &user);

private:
    void save();
    void showError(const ApiError &error);

    ApiClient &m_api;
    User m_user;
    QLineEdit *m_fullName;
    QPlainTextEdit *m_bio;
    QLineEdit *m_twitter;
    QLineEdit *m_facebook;
    QLineEdit *m_linkedin;
    QLineEdit *m_password;
    QLineEdit *m_passwordRepeat;
    QPushButton *m_save;
    FieldForm *m_form;
    FieldErrorLabel *m_generalError;
};

} // namespace blog
