#include "SqlDriverPlugins.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlDriverPlugin>

#include <memory>

namespace blog::SqlDriverPlugins {

namespace {

// Loads its plugin on first use, as Qt's own search would.
class PluginDriverCreator : public QSqlDriverCreatorBase
{
public:
    PluginDriverCreator(const QString &file, const QString &key)
        : m_loader(std::make_unique<QPluginLoader>(file))
        , m_key(key)
    {
    }

    QSqlDriver *createObject() const override
    {
        auto *plugin = qobject_cast<QSqlDriverPlugin *>(m_loader->instance());
        return plugin ? plugin->create(m_key) : nullptr;
    }

private:
    std::unique_ptr<QPluginLoader> m_loader;
    QString m_key;
};

} // namespace

void useOnlySqlDrivers()
{
    QStringList registered;
    for (const QString &path : QCoreApplication::libraryPaths()) {
        const QDir directory(path + QStringLiteral("/sqldrivers"));
        for (const QString &name : directory.entryList(QDir::Files)) {
            const QString file = directory.filePath(name);
            // The plugin's metadata is read from the file without loading it.
            const QJsonArray keys = QPluginLoader(file)
                                        .metaData()
                                        .value(QLatin1String("MetaData"))
                                        .toObject()
                                        .value(QLatin1String("Keys"))
                                        .toArray();
            for (const QJsonValue &value : keys) {
                const QString key = value.toString();
                if (key.isEmpty() || registered.contains(key))
                    continue; // the first directory wins, as in Qt's search
                QSqlDatabase::registerSqlDriver(key, new PluginDriverCreator(file, key));
                registered.append(key);
            }
        }
    }
    QCoreApplication::setLibraryPaths({});
    // Without TLS plugins, each QHttpServer says so on construction.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.network.ssl.warning=false"));
}

} // namespace blog::SqlDriverPlugins
