#pragma once

#include "SimLayout.h"

#include <QString>

namespace Sim {

// Writes DIR/profile.json: the MogUp cluster profile that drives this sandbox (transport local,
// "sandbox": DIR, per-node unpack_dir DIR/nodeN/mogdb203, roles as built).
bool writeSandboxProfile(const SandboxConfig& config, QString* error);

} // namespace Sim
