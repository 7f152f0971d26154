#include "CliCommands.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mogup"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOGUP_VERSION));
    // Messages follow the system language ($LANG / $LC_ALL), e.g. LANG=zh_CN.UTF-8 for Chinese.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("mogup"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    MogUp::CliCommands cli;
    return cli.run(QCoreApplication::arguments());
}
