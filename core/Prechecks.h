#pragma once

#include "ClusterStatusProbe.h"
#include "Executor.h"
#include "Plan.h"
#include "Profile.h"

#include <optional>

#include <QList>
#include <QString>

namespace MogUp {

enum class PrecheckSeverity { Pass, Warning, Failure };
QString precheckSeverityName(PrecheckSeverity s); // "pass" | "warning" | "failure"

// One pre-check as data: what was checked, the verdict, what was read, and how to fix it.
struct PrecheckItem
{
    QString id;      // stable: "reachable", "version-node2", "one-primary", "cluster-normal", ...
    QString node;    // empty for cluster-wide checks
    QString title;   // translated
    PrecheckSeverity severity = PrecheckSeverity::Pass;
    QString detail;  // what was read (translated)
    QString fix;     // what to do (translated), empty on pass
};

struct PrecheckReport
{
    QList<PrecheckItem> items;
    QList<NodeStatus> nodes;   // each node as read
    QString primary;           // the node running as primary now (empty if not exactly one)
    bool ok() const;           // no failure
    bool hasWarnings() const;
    QStringList failures() const;
};

// The checks made before an upgrade, read-only, shared by mogup-cli and the wizard: every node reached
// and read, every node on the version being patched (2.1+ is not affected, 2.0.3 is already patched),
// exactly one primary, every node Normal, every standby streaming from the primary, MogHA as the
// profile says, and the package: its name and version, where it is, and its inner tarball against the
// shipped .sha256. Blocking: call it from a worker thread.
class Prechecks
{
public:
    Prechecks(Executor& executor, const ClusterProfile& profile, QString fromVersion = QStringLiteral("2.0.1"));
    // The mode the upgrade will run in, when known: rolling mode adds the synchronous-replication check
    // (stopping a standby must not block every commit on the primary). Unknown: that check warns for
    // rolling mode only in its text.
    void setMode(UpgradeMode mode) { m_mode = mode; }
    PrecheckReport run(const CancelToken& cancel) const;

    // How many synchronous standbys `synchronous_standby_names` asks for: 0 when it is empty (no
    // synchronous replication), 1 for "*" or a plain list, N for "N (…)", "FIRST N (…)", "ANY N (…)".
    // *names gets the listed standby names ("*" for any).
    static int requiredSyncStandbys(const QString& synchronousStandbyNames, QStringList* names = nullptr);

    // The node running as primary, or empty with the reason (none / several) in *error.
    static QString livePrimary(const QList<NodeStatus>& nodes, QString* error);

private:
    void checkPackage(PrecheckReport* report, const CancelToken& cancel) const;
    void checkStreaming(PrecheckReport* report, const CancelToken& cancel) const;
    void checkMogha(PrecheckReport* report, const CancelToken& cancel) const;
    void checkEnvironment(PrecheckReport* report) const;
    void checkSyncReplication(PrecheckReport* report, const CancelToken& cancel) const;

    Executor& m_executor;
    const ClusterProfile& m_profile;
    QString m_fromVersion;
    std::optional<UpgradeMode> m_mode;
};

} // namespace MogUp
