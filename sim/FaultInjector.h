#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Fault injection for tests: DIR/faults.json holds rules (a JSON array). Two sorts of rule:
//
// 1. One-shot tool faults, consumed as they hit: a simulated tool (or a shim in DIR/bin) asks before it
//    does anything.
//      {"node":"node2","tool":"gs_ctl","args":"start","action":"fail","times":1,"exit":1,"message":"custom
//      text"}
//    node: node name ("" or missing = any node); tool: the name the tool was called by; args: substring
//    of the arguments joined with single spaces ("" = any); action: fail | hang | garbage;
//    times: how many matching calls it affects (default 1; 0 = every call); exit: exit code for fail.
//
// 2. Persistent conditions ("kind" rules), never consumed; they hold until the rule is removed:
//      {"kind":"stderr-noise","node":"node2"}   every simulated tool run on node2 prints realistic warnings
//                                               on stderr first (stdout and exit code unchanged)
//      {"kind":"wal-load"}                      the primary writes WAL continuously (LSNs advance fast,
//                                               standbys trail by a small, varying amount)
//      {"kind":"slow-start","node":"node1","seconds":5}
//                                               a starting server rejects connections ("the database
//                                               system is starting up") for that long
//      {"kind":"promote-pending","node":"node2"} a switchover that promotes node2 stops at Pending
//    node: node name, or "*" / "" / missing = every node.
namespace Sim {

enum class FaultAction
{
    None,
    Fail,
    Hang,
    Garbage
};

struct Fault
{
    FaultAction action = FaultAction::None;
    int exitCode = 1;
    QString message;
};

// Looks up (and consumes one use of) the first matching one-shot rule. Thread/process safe (QLockFile).
Fault takeFault(
    const QString& sandboxRoot, const QString& node, const QString& tool, const QStringList& args);

// Applies a fault the generic way: Fail prints the message (or "<tool>: injected fault") to stderr
// and returns the exit code; Hang sleeps until killed; Garbage prints random bytes as lines to
// stdout and returns 0. Returns -1 for FaultAction::None (the caller goes on normally).
int applyFaultGeneric(const Fault& fault, const QString& tool);

// Persistent conditions (see above). Kind names:
inline QString stderrNoiseKind()
{
    return QStringLiteral("stderr-noise");
}
inline QString walLoadKind()
{
    return QStringLiteral("wal-load");
}
inline QString slowStartKind()
{
    return QStringLiteral("slow-start");
}
inline QString promotePendingKind()
{
    return QStringLiteral("promote-pending");
}

// True if a rule of `kind` applies to `node`; `rule` receives it (for extra fields such as "seconds").
// Reads without taking the lock (the file is replaced atomically by the writers below); a file that
// does not parse counts as no rule.
bool faultKindActive(
    const QString& sandboxRoot, const QString& kind, const QString& node, QJsonObject* rule = nullptr);

// Turns a condition on (adds {"kind":kind,"node":node} plus `extra`, replacing an earlier rule of the
// same kind and node) or off (removes it). node "" means every node ("*"). For tests and the demo.
bool setFaultKind(const QString& sandboxRoot, const QString& kind, const QString& node, bool on,
    const QJsonObject& extra = {}, QString* error = nullptr);

// The realistic stderr noise a tool prints on a node with "stderr-noise" on (empty for tools that print
// none, e.g. the server process). `tool` is the name it was called by; `node` names the host in sudo's
// message. Texts and sources are listed in SANDBOX.md ("stderr noise").
QString stderrNoise(const QString& tool, const QString& node);

} // namespace Sim
