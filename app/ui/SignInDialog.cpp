#include "SignInDialog.h"

#include "ApiClient.h"
#include "FieldErrorLabel.h"
#include "FieldForm.h"
#include "JsonKeys.h"
#include "Validation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace blog {

SignInDialog::SignInDialog(ApiClient &api, const QString &serverUrl, const QString &email, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_server(new QLineEdit(serverUrl))
    , m_email(new QLineEdit(email))
    , m_password(new QLineEdit)
    , m_fullName(new QLineEdit)
    , m_bio(new QPlainTextEdit)
    , m_createAccount(new QCheckBox(tr("Create a new account")))
    , m_submit(new QPushButton)
    , m_form(new FieldForm)
    , m_generalError(new FieldErrorLabel(QStringLiteral("generalError")))
{
    setWindowTitle(tr("Sign in to your blog"));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_fullName->setObjectName(QStringLiteral("fullNameEdit"));
    m_fullName->setMaxLength(Validation::MaxFullNameLength);
    m_bio->setObjectName(QStringLiteral("bioEdit"));
    m_bio->setTabChangesFocus(true);
    m_bio->setMaximumHeight(80);
    m_createAccount->setObjectName(QStringLiteral("createAccountCheck"));
    m_submit->setObjectName(QStringLiteral("signInButton"));
    m_submit->setDefault(true);

    auto *form = m_form;
    form->addField(tr("Server:"), m_server, QStringLiteral("server"));
    form->addField(tr("E-mail:"), m_email, JsonKeys::Email);
    form->addField(tr("Password:"), m_password, JsonKeys::Password);
    m_signUpOnly.append(form->addField(tr("Full name:"), m_fullName, JsonKeys::FullName));
    m_signUpOnly.append(m_fullName);
    m_signUpOnly.append(form->addField(tr("About you:"), m_bio, JsonKeys::Bio));
    m_signUpOnly.append(m_bio);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_createAccount, &QCheckBox::toggled, this, &SignInDialog::setSignUpMode);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sign in with your blog account, or create one."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_createAccount);
    layout->addWidget(m_generalError);
    layout->addWidget(buttons);
    setSignUpMode(false);
    if (!email.isEmpty())
        m_password->setFocus();
    setMinimumWidth(420);
}

QString SignInDialog::serverUrl() const
{
    return m_server->text().trimmed();
}

QString SignInDialog::email() const
{
    return m_email->text().trimmed();
}

void SignInDialog::setSignUpMode(bool signUp)
{
    for (QWidget *widget : std::as_const(m_signUpOnly)) {
        if (widget)
            widget->setVisible(signUp);
    }
    m_submit->setText(signUp ? tr("Create account") : tr("Sign in"));
    clearErrors();
    adjustSize();
}

void SignInDialog::clearErrors()
{
    m_form->clearErrors();
    m_generalError->clearError();
}

void SignInDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_createAccount->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void SignInDialog::showError(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Network) {
        m_form->errorLabel(QStringLiteral("server"))
            ->showError(tr("Cannot reach the server: %1").arg(error.message));
        return;
    }
    QString field = error.field;
    if (field.isEmpty() && error.status == 401)
        field = JsonKeys::Password; // wrong e-mail or password: shown under the password
    if (!m_form->showError(field, error.message))
        m_generalError->showError(error.message);
}

void SignInDialog::submit()
{
    clearErrors();
    const QUrl url = QUrl::fromUserInput(serverUrl());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        m_form->errorLabel(QStringLiteral("server"))
            ->showError(tr("Enter the server's address, like http://127.0.0.1:3001"));
        return;
    }
    m_api.setBaseUrl(url);
    m_api.setToken({});
    setBusy(true);
    const auto done = [this](const ApiResult<SignedInUser> &result) {
        setBusy(false);
        if (!result) {
            showError(result.error());
            return;
        }
        emit signedIn(*result, serverUrl());
        accept();
    };
    if (m_createAccount->isChecked()) {
        SignUpRequest request;
        request.email = email();
        request.password = m_password->text();
        request.fullName = m_fullName->text().trimmed();
        request.bio = m_bio->toPlainText();
        m_api.signUp(request, this, done);
    } else {
        m_api.signIn(SignInRequest { email(), m_password->text() }, this, done);
    }
}

} // namespace blog
