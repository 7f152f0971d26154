#pragma once

#include <QString>
#include <QStringList>

// Fault injection for tests: DIR/faults.json holds rules; a simulated tool (or a shim in DIR/bin)
// asks before it does anything. Rule format (a JSON array):
//   [{"node":"node2","tool":"gs_ctl","args":"start","action":"fail","times":1,"exit":1,
//     "message":"custom text"}]
// node: node name ("" or missing = any node); tool: the name the tool was called by; args: substring
// of the arguments joined with single spaces ("" = any); action: fail | hang | garbage;
// times: how many matching calls it affects (default 1; 0 = every call); exit: exit code for fail.
namespace Sim {

enum class FaultAction { None, Fail, Hang, Garbage };

struct Fault
{
    FaultAction action = FaultAction::None;
    int exitCode = 1;
    QString message;
};

// Looks up (and consumes one use of) the first matching rule. Thread/process safe (QLockFile).
Fault takeFault(const QString& sandboxRoot, const QString& node, const QString& tool, const QStringList& args);

// Applies a fault the generic way: Fail prints the message (or "<tool>: injected fault") to stderr
// and returns the exit code; Hang sleeps until killed; Garbage prints random bytes as lines to
// stdout and returns 0. Returns -1 for FaultAction::None (the caller goes on normally).
int applyFaultGeneric(const Fault& fault, const QString& tool);

} // namespace Sim
