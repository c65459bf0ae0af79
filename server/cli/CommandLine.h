#pragma once

#include "Expected.h"
#include "ServerConfig.h"

#include <QStringList>

namespace blog {

// Parses blog-server's command line and environment into a command and a ServerConfig.
class CommandLine
{
public:
    enum class Command { Serve, Migrate, Seed, PurgeComments, Backup, Restore, Export, Import };

    struct Parsed
    {
        Command command = Command::Serve;
        ServerConfig config;
        int olderThanDays = 30;
        // backup and export write --to; restore and import read --from; --force lets them replace.
        QString to;
        QString from;
        bool force = false;
    };

    // On --help or --version it prints and exits, like QCommandLineParser::process.
    static Expected<Parsed, QString> parse(const QStringList &arguments);
    static QString defaultDatabaseUrl();
    // "127.0.0.1:9101", "[::1]:9101": an IP address (no name) and a port.
    static Expected<ServerConfig::Endpoint, QString> parseEndpoint(const QString &text);
};

} // namespace blog
