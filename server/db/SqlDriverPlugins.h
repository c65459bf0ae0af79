#pragma once

namespace blog::SqlDriverPlugins {

// Makes the SQL drivers Qt can find (QSQLITE, QPSQL...) available by name, then stops Qt from
// loading any other plugin. The server never speaks TLS (a proxy in front does, docs/deploy.md), yet
// QHttpServer 6.4 builds a QSslConfiguration in its constructor, which loads every TLS plugin and
// initialises OpenSSL's TLS library: ~3 MiB of resident memory (a seventh of the whole server) for
// nothing. Call once, after QCoreApplication exists and before any database is opened.
void useOnlySqlDrivers();

} // namespace blog::SqlDriverPlugins
