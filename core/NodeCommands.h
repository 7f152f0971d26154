#pragma once

#include "Profile.h"

#include <QString>
#include <QStringList>

namespace MogUp {

// Builds the exact shell commands MogUp runs on one node. The planner, the checks and the status
// probe all take their commands from here, so the plan shows exactly what later runs.
// Every path and value is shell-quoted.
class NodeCommands
{
public:
    NodeCommands(const ClusterProfile& cluster, const NodeProfile& node);

    // A command for the database user: sources env_file first (real installs keep GAUSSHOME,
    // PGDATA, PATH, LD_LIBRARY_PATH and GAUSSLOG there). `words` are quoted one by one.
    QString asDbUser(const QStringList& words) const;
    // Same, for an already-built shell fragment (used for `cd X && mv ...` chains).
    QString asDbUserShell(const QString& shellFragment) const;
    // A command that needs root (MogHA's systemd unit).
    QString asRoot(const QStringList& words) const;
    QString asRootShell(const QString& shellFragment) const;

    // How this node switches user, after resolving "auto" (transport ssh only; local: None).
    enum class Become { None, Su, Sudo, SudoPassword };
    Become becomeForDbUser() const;
    Become becomeForRoot() const;
    // Commands that start with this read the sudo password from stdin (fed by the SSH executor,
    // never written on a command line); the command itself then runs with stdin closed.
    static QString sudoPasswordPrefix() { return QStringLiteral("sudo -S -p '' "); }

    // GAUSSHOME/bin/<name>, unquoted: the server's own tools (gs_ctl, gsql, gaussdb) are there on every
    // install, so they are called by absolute path.
    QString tool(const QString& name) const;
    QString gsCtl(const QStringList& args) const;
    QString gsCtlQuery() const;                                  // gs_ctl query -D PGDATA
    QString gsCtlStart(const QString& mode) const;               // gs_ctl start -D PGDATA -M mode
    QString gsCtlStop() const;                                   // gs_ctl stop -D PGDATA
    QString gsCtlSwitchover() const;                             // gs_ctl switchover -D PGDATA
    // The OM tools are not in GAUSSHOME/bin: gs_preinstall puts them in $GPHOME/script and the env file
    // it writes puts that on PATH (mogdb-tools.md, Corrections). So gs_om is called by name after the
    // env file is sourced, the way a DBA types it.
    QString gsOm(const QStringList& args) const;
    QString gsql(const QString& sql) const;                      // gsql -d postgres -p PORT -A -t -c SQL
    // The walsender memory as the vendor's procedure watches it, made valid SQL: the vendor's query
    // selects contextname beside aggregates without GROUP BY, which openGauss rejects ("must appear in
    // the GROUP BY clause", parse_agg.cpp); and raw bytes, since pg_size_pretty rounds to whole MB
    // above 10 MB. Prints "Wal Sender|<totalsize>|<freesize>" (gsql -A -t), nothing without a walsender.
    static QString walSenderMemorySql();
    QString walSenderMemory() const;
    // One memory sample (MemorySampler) in one gsql session: the node's role as the server sees it now,
    // the running server's version (not the binary's: after a bin/ swap `gaussdb -V` already says 2.0.3
    // while the old server still runs) and walSenderMemorySql(). gsql -c sends each ';'-separated
    // statement on its own and prints each result (MainLoop, og-server@v2.0.1 startup.cpp), so it prints
    // "<local_role>", "PostgreSQL 9.2.4 (MogDB 2.0.1 build ...) ...", then the memory row if any.
    static QString walSenderSampleSql();
    QString walSenderSample() const;
    QString gaussdbVersion() const;                              // GAUSSHOME/bin/gaussdb -V
    QString gaussdbVersionIn(const QString& binDir) const;       // BINDIR/gaussdb -V
    QString mogha(const QString& action) const;                  // systemctl ACTION mogha
    QString moghaIsActive() const;                               // systemctl is-active mogha
    // Read-only: what the node's environment looks like to the database user, one "key value" line
    // each on stdout (parsed by NodeEnvironment::parse): env_file ok|missing|unreadable|none,
    // gausshome ok|missing, gs_ctl ok|missing|not-executable, pgdata ok|missing|unreadable,
    // gs_om <path>|- (found on the PATH the env file sets), leftover <name> for each of the given
    // backup names (bin_201, lib_201) already in GAUSSHOME. The env file is sourced by the command
    // itself, after checking it, so a missing env file is told apart from a stopped database.
    QString environmentProbe(const QStringList& backupNames) const;

    const NodeProfile& node() const { return m_node; }
    const ClusterProfile& cluster() const { return m_cluster; }

private:
    QString wrap(const QString& shellFragment, Become become, const QString& user) const;

    const ClusterProfile& m_cluster;
    const NodeProfile& m_node;
};

} // namespace MogUp
