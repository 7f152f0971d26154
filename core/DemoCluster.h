#pragma once

#include <QString>

#include <functional>

namespace MogUp {

// What the wizard's "Try the demo cluster" needs: build a throw-away cluster in a directory (with its
// profile.json) and stop it again. The product itself does not know how: `mogup` provides the sandbox's
// (sim/SandboxDemoCluster, linked by app/ only), so ui/ never depends on the sandbox. Without one the
// wizard offers no demo.
class DemoCluster
{
public:
    virtual ~DemoCluster() = default;
    // Blocking: called on a worker thread. Writes DIR/profile.json. `progress` is called on that thread.
    virtual bool build(const QString& dir, QString* error, const std::function<void(const QString&)>& progress) = 0;
    // Ends every process the cluster in `dir` started.
    virtual bool stop(const QString& dir, QString* error) = 0;
};

} // namespace MogUp
