#pragma once

#include <QString>

// Entry points of the multi-call sandbox program. main() dispatches on the name it was called by
// (bin/gaussdb, bin/gs_ctl, DIR/bin/systemctl, DIR/bin/tar ...) or on argv[1] when called by its
// own name (mogdb-sim-2.0.1 gs_ctl query -D ...).
namespace Sim {

int gaussdbMain(int argc, char** argv); // GaussdbServer.cpp: the database server process (and -V)
int gsCtlMain(int argc, char** argv); // GsCtlTool.cpp
int gsqlMain(int argc, char** argv); // GsqlTool.cpp
int gsOmMain(int argc, char** argv); // GsOmTool.cpp
int systemctlMain(int argc, char** argv); // SystemctlTool.cpp: systemctl start|stop|status|is-active mogha
int moghaMain(int argc, char** argv); // MoghaDaemon.cpp: the MogHA stand-in daemon
int shimMain(int argc, char** argv); // ShimTool.cpp: tar/cp/mv/... with fault injection, then the real tool

// GsqlTool.cpp: the libpq version warning gsql prints for the "stderr-noise" condition (a libpq of the
// other build first on LD_LIBRARY_PATH); empty when `program` already loads a mismatched libpq, which
// gsql reports on its own.
QString gsqlLibpqMismatchNoise(const QString& program);

} // namespace Sim
