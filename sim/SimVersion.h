#pragma once

#include <QString>

// The version this copy of the simulated MogDB binaries was built as. The same sources are built
// twice (mogdb-sim-2.0.1 and mogdb-sim-2.0.3) so that swapping bin/ and lib/ as the vendor's
// procedure does really changes the version and the behaviour (the 2.0.1 walsender leaks).
#ifndef SIM_MOGDB_VERSION
#error "SIM_MOGDB_VERSION must be defined by the build"
#endif

namespace Sim {

inline QString mogdbVersion() { return QStringLiteral(SIM_MOGDB_VERSION); }
inline QString mogdbBuild() { return QStringLiteral(SIM_MOGDB_BUILD); }
inline QString mogdbCompiledAt() { return QStringLiteral(SIM_MOGDB_COMPILED_AT); }
inline QString mogdbNumber() { return QStringLiteral(SIM_MOGDB_NUMBER); }  // "92.299"
// "(MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  " (two trailing spaces,
// mogdb-tools.md §2.5)
inline QString defGsVersion()
{
    return QStringLiteral("(MogDB ") + mogdbVersion() + QStringLiteral(" build ") + mogdbBuild()
        + QStringLiteral(") compiled at ") + mogdbCompiledAt() + QStringLiteral(" commit 0 last mr  ");
}
// True for the builds that carry the walsender leak (2.0.1).
inline bool hasWalsenderLeak() { return mogdbVersion() == QStringLiteral("2.0.1"); }

} // namespace Sim
