#include "TokenStore.h"

#include <qt6keychain/keychain.h>

namespace blog {

TokenStore::TokenStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QString TokenStore::accountKey(const QString &serverUrl, const QString &email)
{
    return email.trimmed().toLower() + QStringLiteral(" at ") + serverUrl;
}

void TokenStore::read(
    const QString &account, QObject *context, std::function<void(std::optional<QString>, QString)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(account);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
        if (!guard)
            return;
        if (job->error() == QKeychain::NoError)
            done(job->textData(), {});
        else if (job->error() == QKeychain::EntryNotFound)
            done(std::nullopt, {});
        else
            done(std::nullopt, job->errorString());
    });
    job->start();
}

void TokenStore::write(
    const QString &account, const QString &token, QObject *context, std::function<void(bool, QString)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(account);
    job->setTextData(token);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
        if (guard)
            done(job->error() == QKeychain::NoError, job->errorString());
    });
    job->start();
}

void TokenStore::remove(const QString &account, QObject *context, std::function<void(bool, QString)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(account);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
        if (guard)
            done(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound,
                job->errorString());
    });
    job->start();
}

} // namespace blog
