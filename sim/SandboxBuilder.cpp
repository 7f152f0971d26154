#include "SandboxBuilder.h"

namespace Sim {

bool SandboxBuilder::init(const SandboxOptions&, SandboxConfig*, QString* error, const Progress&)
{
    *error = QStringLiteral("not implemented yet");
    return false;
}

bool SandboxBuilder::stop(const QString&, QString*)
{
    return true;
}

QList<qint64> SandboxBuilder::sandboxProcesses(const QString&)
{
    return {};
}

} // namespace Sim
