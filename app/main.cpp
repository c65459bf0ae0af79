#include "ApiClient.h"
#include "AppController.h"
#include "AppSettings.h"
#include "TokenStore.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("blog"));
    QApplication::setApplicationName(QStringLiteral("blog-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("Blog"));
    QApplication::setApplicationVersion(QStringLiteral(BLOG_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(BLOG_DESKTOP_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The blog's desktop client for authors."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(QStringLiteral("lang"),
        QStringLiteral("User interface language (en, de, fr)."), QStringLiteral("code"));
    parser.addOption(language);
    parser.process(app);
    blog::Translations::install(parser.isSet(language) ? QLocale(parser.value(language)) : QLocale());

    blog::AppSettings settings;
    blog::ApiClient api;
    api.setCacheDirectory(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                              .filePath(QStringLiteral("http")));
    blog::TokenStore tokens;
    blog::AppController controller(api, tokens, settings);
    controller.start();
    return QApplication::exec();
}
