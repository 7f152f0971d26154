#pragma once

#include "DemoCluster.h"

namespace Sim {

// The wizard's demo cluster: a sandbox with the default options (3 nodes, OM install, MogHA).
class SandboxDemoCluster : public MogUp::DemoCluster
{
public:
    bool build(const QString& dir, QString* error, const std::function<void(const QString&)>& progress) override;
    bool stop(const QString& dir, QString* error) override;
};

} // namespace Sim
