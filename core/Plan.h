#pragma once

#include "Profile.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace MogUp {

enum class UpgradeMode { Offline, Rolling };
QString upgradeModeName(UpgradeMode m); // "offline" | "rolling"
bool upgradeModeFromName(const QString& name, UpgradeMode* out); // false for an unknown name

enum class StepKind
{
    StopMogha,      // systemctl stop mogha (root)
    StopDb,         // gs_ctl stop -D PGDATA (one node)
    StopCluster,    // gs_om -t stop (om; all nodes)
    Unpack,         // mkdir, tar -xvf outer, check .sha256, tar -xvf inner (one node)
    SwapBin,        // mv bin bin_201 && cp -r UNPACK/bin .
    SwapLib,        // mv lib lib_201 && cp -r UNPACK/lib .
    CopyOmFiles,    // cp bin_201/cluster_static_config bin_201/upgrade_version bin/ (om)
    StartDb,        // gs_ctl start -D PGDATA -M primary|standby
    StartCluster,   // gs_om -t start (om)
    WaitCatchup,    // wait until a standby streams and has caught up
    Switchover,     // gs_ctl switchover -D PGDATA on the standby that is to become primary
    RefreshConf,    // gs_om -t refreshconf (om; after every switchover)
    StartMogha,     // systemctl start mogha (root)
    Verify,         // read-only: versions, roles, cluster state
    UploadPackage   // the package from this machine to every node in `targets`, in parallel, SHA-256 checked
};
QString stepKindName(StepKind k); // "stop-mogha", "stop-db", ... (stable ids used in JSON and step ids)
bool stepKindFromName(const QString& name, StepKind* out);

// Who a command runs as on the node. For transport "local" commands run as the current user and the
// planner adds no wrapper; for "ssh" the wrapper (su/sudo) is part of the command text (next issue).
enum class RunAs { DbUser, Root };

// How to prove that a step did what it should, by reading the node's real state (never just an exit code).
enum class CheckKind
{
    None,
    MoghaStopped,     // command prints `systemctl is-active mogha`: pass when not "active"
    MoghaRunning,     // pass when "active"
    DbStopped,        // `gs_ctl query -D`: server not running, and still not running after settleMs
    DbRunning,        // `gs_ctl query -D`: running, local_role == expectRole, db_state Normal
    CaughtUp,         // `gs_ctl query -D` on a standby: receiver state Normal, sync_percent 100%, and
                      // receiver_replay_location at most maxLagBytes behind sender_sent_location
    SwitchedOver,     // `gs_ctl query -D` on the new primary: local_role Primary, db_state Normal
    PathsPresent,     // command is a `test ...` chain that exits 0 only when every path is there;
                      // `paths` lists what it looks for (shown to the user)
    BinaryVersion,    // `GAUSSHOME/bin/gaussdb -V` (or UNPACK/bin/gaussdb -V): version == expectVersion
    RunningVersion,   // `gsql -d postgres -p PORT -A -t -c "select version()"`: version == expectVersion
    ClusterStopped,   // `gs_om -t status --detail`: every node Down / Manually stopped
    ClusterNormal     // `gs_om -t status --detail` (om) or the primary's `gs_ctl query` (manual):
                      // cluster_state Normal, expectNodes nodes, exactly one primary, standbys streaming
};
QString checkKindName(CheckKind k);
bool checkKindFromName(const QString& name, CheckKind* out);

struct Check
{
    CheckKind kind = CheckKind::None;
    QString command;           // exact shell command, already quoted
    QString expectRole;        // "Primary" | "Standby" (gs_ctl spelling) for DbRunning
    QString expectVersion;     // "2.0.3" for BinaryVersion / RunningVersion
    int expectNodes = 0;       // for ClusterNormal / ClusterStopped
    QStringList paths;         // for PathsPresent
    int timeoutMs = 30000;     // how long to poll for the expected state
    int intervalMs = 500;      // poll interval
    int settleMs = 0;          // DbStopped / ClusterStopped: must stay so for this long
    qint64 maxLagBytes = 0;    // CaughtUp: how far receiver_replay_location may trail sender_sent_location
    QJsonObject toJson() const;
    static Check fromJson(const QJsonObject& o);
};

struct Step
{
    QString id;                // unique in the plan, e.g. "node2-stop-db", "node3-switchover-back"
    StepKind kind = StepKind::Verify;
    QString node;              // the node the command runs on (cluster-wide gs_om steps: the node it runs from)
    // Translatable title: the untranslated source (marked with QT_TRANSLATE_NOOP("MogUp", ...)) plus
    // arguments for %1, %2 ...; title() translates at display time so a language switch re-translates.
    QString titleSource;
    QStringList titleArgs;
    QString command;           // exact shell command, every path and value quoted
    RunAs runAs = RunAs::DbUser;
    Check check;
    QString undoCommand;       // empty when the step has nothing to undo (read-only steps)
    // The node the undo command runs on; empty = node. A switchover is undone by a switchover on the
    // old primary, which is not the node the step ran on.
    QString undoNode;
    QString undoTitleSource;
    QStringList undoTitleArgs;
    int timeoutMs = 120000;    // for the command itself
    // True when the step's effect can be seen on the node (for resume): running its check before the
    // step tells whether it is already done.
    bool effectDetectable = false;
    // UploadPackage: the file on this machine and the nodes it goes to (each into its unpack_dir).
    QString localFile;
    QStringList targets;
    // Reads whether the step's effect is on the node even when the step stopped midway, through a marker
    // the step itself leaves: swap-bin/swap-lib write GAUSSHOME/.mogup-swap-bin (…-lib) holding the plan
    // id before they move bin/lib away, so "marker holds this plan's id and bin_201 is there" proves
    // that this plan made bin_201 and no earlier attempt or DBA did. None: the step leaves no marker.
    // WayBackPlanner uses it for a step that did not end ok. An exit-code check (PathsPresent).
    Check effectCheck;
    // Steps of a way back: the command runs only when this check passes (the forward step's effect is
    // on the node). When it reads as failed the step is not run: there is nothing to undo. A reading
    // that cannot be taken (the node does not answer) fails the step. An exit-code check (PathsPresent).
    Check onlyIf;

    // Why parts of the command are there, one translatable line each (source + %N args, like the
    // title): e.g. each file copy-om-files carries over and what the OM needs it for. Shown with the plan.
    struct Note
    {
        QString source;
        QStringList args;
    };
    QList<Note> notes;

    QString title() const;
    QString undoTitle() const;
    QStringList noteTexts() const; // the notes, translated
    QJsonObject toJson() const;
    static Step fromJson(const QJsonObject& o);
};

struct Plan
{
    UpgradeMode mode = UpgradeMode::Offline;
    QString profileName;
    QString fromVersion;       // "2.0.1"
    QString toVersion;         // "2.0.3"
    QList<Step> steps;
    // Node name -> host, for transport ssh only (empty for local: every node is on this machine).
    // toShellScript marks commands that belong to another host with it.
    QMap<QString, QString> nodeHosts;
    // Unique per built plan (a UUID). The swap steps write it into their markers (Step::effectCheck),
    // so the way back tells this plan's bin_201/lib_201 from an older one. Empty in plan.json files
    // written before plans had ids.
    QString id;

    QJsonObject toJson() const;
    static Plan fromJson(const QJsonObject& o);
    // The plan as a shell script a DBA could read or run by hand: one commented block per step.
    QString toShellScript() const;
};

} // namespace MogUp
