#pragma once

#include "ClusterStatusProbe.h"
#include "Executor.h"
#include "Plan.h"
#include "Profile.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <memory>

namespace MogUp {

enum class StepStatus { Ok, CommandFailed, CheckFailed, Cancelled };
QString stepStatusName(StepStatus s); // "ok" | "command-failed" | "check-failed" | "cancelled"

struct StepResult
{
    int index = -1;
    QString stepId;
    QString node;
    StepStatus status = StepStatus::Ok;
    int exitCode = 0;
    qint64 ms = 0;
    bool checkPassed = false;
    bool alreadyDone = false; // setSkipStepsAlreadyDone: the check read it as done, the command did not run
    QString message; // why it failed, or what the check read (translated)
};

struct RunResult
{
    bool ok = false;
    bool cancelled = false;
    int stepsDone = 0;
    int stepsTotal = 0;
    QString failedStepId;
    QString failedNode;
    QString failedStepTitle;
    QString message;             // what went wrong, naming node and step (translated)
    QList<NodeStatus> nodes;     // each node's state when the run ended (read live)
    // The forward steps the way back undoes (WayBackPlanner::stepsToUndo: the steps done, and the failed
    // one when its effect shows on the node), most recent first.
    QList<Step> wayBack;
};

// Runs a plan on a worker thread, one step at a time: command, then the check that proves it.
// Stops at the first failed command or check, reads every node's state, and reports the way back.
// Signals are emitted from the worker thread: connect with the default (queued) connection from
// GUI objects, or Qt::DirectConnection for writers that must see every event in order (Journal).
class Runner : public QObject
{
    Q_OBJECT
public:
    Runner(ClusterProfile profile, Plan plan, std::shared_ptr<Executor> executor, QObject* parent = nullptr);
    ~Runner() override;

    const Plan& plan() const { return m_plan; }
    const ClusterProfile& profile() const { return m_profile; }

    // For the way back: a step whose check already reads as done is not run again (the failed step of
    // the upgrade may not have happened at all; a database that is stopped needs no stopping).
    void setSkipStepsAlreadyDone(bool skip) { m_skipDone = skip; }
    // A retry after a failure: starts at step `index`. The steps before it ran in an earlier attempt
    // (recorded in the same journal); they are not run again but count as done, and their undo stays
    // on the way back, so a retry that fails again still offers the whole way back.
    void setFirstStep(int index) { m_firstStep = index; }
    int firstStep() const { return m_firstStep; }

    void start();
    void cancel();
    bool isRunning() const;
    bool wait(unsigned long ms = ULONG_MAX);

signals:
    void runStarted(int totalSteps);
    void stepStarted(int index, const MogUp::Step& step);
    void outputLine(const MogUp::OutputLine& line);
    void checkProgress(int index, const QString& text);
    // Upload steps: bytes on their way to each node (from several threads; throttled by the listener).
    void transferProgress(int index, const MogUp::TransferProgress& progress);
    void stepFinished(int index, const MogUp::StepResult& result);
    void progress(int done, int total);
    void finished(const MogUp::RunResult& result);

private:
    void work();
    bool runUpload(int index, const Step& step, StepResult* result);

    ClusterProfile m_profile;
    Plan m_plan;
    std::shared_ptr<Executor> m_executor;
    CancelToken m_cancel;
    QThread* m_thread = nullptr;
    bool m_skipDone = false;
    int m_firstStep = 0;
};

} // namespace MogUp

Q_DECLARE_METATYPE(MogUp::Step)
Q_DECLARE_METATYPE(MogUp::OutputLine)
Q_DECLARE_METATYPE(MogUp::StepResult)
Q_DECLARE_METATYPE(MogUp::RunResult)
Q_DECLARE_METATYPE(MogUp::TransferProgress)
