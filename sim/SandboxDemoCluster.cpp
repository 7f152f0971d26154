#include "SandboxDemoCluster.h"

#include "SandboxBuilder.h"

namespace Sim {

bool SandboxDemoCluster::build(const QString& dir, QString* error, const std::function<void(const QString&)>& progress)
{
    SandboxOptions options;
    options.dir = dir;
    SandboxConfig config;
    return SandboxBuilder::init(options, &config, error, progress);
}

bool SandboxDemoCluster::stop(const QString& dir, QString* error)
{
    return SandboxBuilder::stop(dir, error);
}

} // namespace Sim
