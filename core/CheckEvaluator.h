#pragma once

#include "Executor.h"
#include "Plan.h"
#include "Profile.h"

#include <QString>

#include <functional>

namespace MogUp {

struct CheckOutcome
{
    bool passed = false;
    QString detail;      // what was read on the node, in words (translated)
    QString lastOutput;  // the last stdout of the check command, for the log
    QString lastErr;     // the last stderr of the check command, for the log (never parsed)
};

// One reading of a check's command output, judged.
struct CheckReading
{
    enum class Verdict { Pass, NotYet, Fail };
    Verdict verdict = Verdict::NotYet;
    QString detail;
};

// Proves a step's effect by reading the node's real state: runs the check's command (polling until
// the expected state or the deadline, and for "stopped" checks, until it has stayed so for settleMs).
class CheckEvaluator
{
public:
    CheckEvaluator(Executor& executor, const ClusterProfile& profile);

    using Progress = std::function<void(const QString&)>;
    CheckOutcome evaluate(const Step& step, const CancelToken& cancel, const Progress& progress = {});
    // One reading, no polling, no settling: is the step's effect there already?
    CheckReading readOnce(const Step& step, const CancelToken& cancel);

    // Pure judgement of one reading (unit-testable without a node). `out` is the command's stdout only.
    static CheckReading judge(const Check& check, InstallMethod install, const ExecResult& exec, const QString& out);

private:
    Executor& m_executor;
    const ClusterProfile& m_profile;
};

} // namespace MogUp
