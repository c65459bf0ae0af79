#include "ProfileDialog.h"

#include "ApiClient.h"
#include "FieldErrorLabel.h"
#include "FieldForm.h"
#include "JsonKeys.h"
#include "Validation.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace blog {

ProfileDialog::ProfileDialog(ApiClient &api, const User &user, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_user(user)
    , m_fullName(new QLineEdit(user.fullName))
    , m_bio(new QPlainTextEdit(user.bio))
    , m_twitter(new QLineEdit(user.social ? user.social->twitter : QString()))
    , m_facebook(new QLineEdit(user.social ? user.social->facebook : QString()))
    , m_linkedin(new QLineEdit(user.social ? user.social->linkedin : QString()))
    , m_password(new QLineEdit)
    , m_passwordRepeat(new QLineEdit)
    , m_save(new QPushButton(tr("Save")))
    , m_form(new FieldForm)
    , m_generalError(new FieldErrorLabel(QStringLiteral("generalError")))
{
    setWindowTitle(tr("Your profile"));
    m_fullName->setObjectName(QStringLiteral("fullNameEdit"));
    m_fullName->setMaxLength(Validation::MaxFullNameLength);
    m_bio->setObjectName(QStringLiteral("bioEdit"));
    m_bio->setTabChangesFocus(true);
    m_bio->setMaximumHeight(96);
    m_twitter->setObjectName(QStringLiteral("twitterEdit"));
    m_twitter->setPlaceholderText(tr("@handle"));
    m_facebook->setObjectName(QStringLiteral("facebookEdit"));
    m_linkedin->setObjectName(QStringLiteral("linkedinEdit"));
    for (QLineEdit *edit : { m_password, m_passwordRepeat }) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setPlaceholderText(tr("unchanged"));
    }
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordRepeat->setObjectName(QStringLiteral("passwordRepeatEdit"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);

    auto *form = m_form;
    form->addField(tr("Full name:"), m_fullName, JsonKeys::FullName);
    form->addField(tr("Bio:"), m_bio, JsonKeys::Bio);
    form->addField(tr("Twitter:"), m_twitter, QStringLiteral("social.twitter"));
    form->addField(tr("Facebook:"), m_facebook, QStringLiteral("social.facebook"));
    form->addField(tr("LinkedIn:"), m_linkedin, QStringLiteral("social.linkedin"));
    form->addField(tr("New password:"), m_password, JsonKeys::Password);
    form->addField(tr("Repeat password:"), m_passwordRepeat, QStringLiteral("passwordRepeat"));

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ProfileDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_generalError);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void ProfileDialog::showError(const ApiError &error)
{
    if (!m_form->showError(error.field, error.message))
        m_generalError->showError(error.message);
}

void ProfileDialog::save()
{
    m_form->clearErrors();
    m_generalError->clearError();
    if (m_password->text() != m_passwordRepeat->text()) {
        m_form->errorLabel(QStringLiteral("passwordRepeat"))->showError(tr("The passwords do not match."));
        return;
    }
    ProfilePatch patch;
    if (m_fullName->text().trimmed() != m_user.fullName)
        patch.fullName = m_fullName->text().trimmed();
    if (m_bio->toPlainText() != m_user.bio)
        patch.bio = m_bio->toPlainText();
    const Social social { m_twitter->text().trimmed(), m_facebook->text().trimmed(),
        m_linkedin->text().trimmed() };
    const bool hasSocial
        = !social.twitter.isEmpty() || !social.facebook.isEmpty() || !social.linkedin.isEmpty();
    if ((hasSocial ? std::optional<Social>(social) : std::nullopt) != m_user.social) {
        patch.changesSocial = true;
        if (hasSocial)
            patch.social = social;
    }
    if (!m_password->text().isEmpty())
        patch.password = m_password->text();
    if (patch.isEmpty()) {
        accept();
        return;
    }
    m_save->setEnabled(false);
    m_api.updateProfile(patch, this, [this](const ApiResult<User> &result) {
        m_save->setEnabled(true);
        if (!result) {
            showError(result.error());
            return;
        }
        emit profileSaved(*result);
        accept();
    });
}

} // namespace blog
