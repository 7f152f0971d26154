#pragma once

#include "SimLayout.h"

#include <QString>

namespace Sim {

// How MogUp reaches a sandbox built with transport "ssh": through a real sshd listening on
// 127.0.0.1..N at `port` (a test's, or one the user runs).
struct SandboxSshAccess
{
    int port = 22;
    QString user;        // empty: the current user (db_user of the sandbox)
    QString identity;    // private key file
    QString knownHosts;  // known_hosts file
};

// Writes DIR/profile.json: the MogUp cluster profile that drives this sandbox ("sandbox": DIR,
// per-node unpack_dir DIR/nodeN/mogdb203, roles as built); transport local, or ssh with `ssh`.
bool writeSandboxProfile(const SandboxConfig& config, QString* error, const SandboxSshAccess* ssh = nullptr);

} // namespace Sim
