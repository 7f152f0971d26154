#include "CliCommands.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mogup"));
    QCoreApplication::setOrganizationName(QStringLiteral("mogup"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOGUP_VERSION));
    MogUp::CliCommands cli;
    return cli.run(QCoreApplication::arguments());
}
