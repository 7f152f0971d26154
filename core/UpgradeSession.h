#pragma once

#include "Executor.h"
#include "Plan.h"
#include "Profile.h"
#include "Runner.h"
#include "UpgradeVerifier.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace MogUp {

class Journal;

// The whole life of one upgrade, for both front ends (the wizard's Run and Verify pages, mogup-cli
// upgrade): it owns the run directory and its journal, runs the plan on the Runner's worker thread, offers
// the failure choices (retry the failed step, roll back along the way back, stop here), runs the way back
// in its own record (RUN/undo-<time>), and verifies the result with the one rule (UpgradeVerifier). The
// front ends only drive it and show its signals, so the state machine, the way back and the verdict exist
// once. Lives on the thread that created it (the GUI's or the CLI's main thread); never blocks it.
class UpgradeSession : public QObject
{
    Q_OBJECT
public:
    enum class Phase {
        NotStarted,
        StartFailed,     // the run directory could not be written; nothing ran
        Upgrading,       // the plan (or a retry of it) is running
        Upgraded,        // every step done and checked: verify next
        Choosing,        // a step failed or the run was cancelled: retry, roll back or stop here
        Kept,            // the operator stopped here; the cluster stays as it is
        RollingBack,     // the way back is running
        RolledBack,      // the way back ran and was checked
        RollBackFailed,  // the way back failed or was cancelled: roll back again or stop here
    };
    Q_ENUM(Phase)

    UpgradeSession(ClusterProfile profile, Plan plan, std::shared_ptr<Executor> executor, QObject* parent = nullptr);
    ~UpgradeSession() override;

    // The one naming rule for run directories: <runsRoot>/<UTC time>-<profile>-<mode>, or the user's data
    // directory's runs/ when runsRoot is empty.
    static QString newRunDir(const QString& runsRoot, const QString& profileName, UpgradeMode mode);
    // The way back of the run recorded in `runDir` as it would run now: the undo of every step that had an
    // effect, most recent first (from its journal: every attempt and how it ended). The one place the
    // wizard, the CLI and `mogup-cli undo` build it. `lastResult`: the run's last result (Journal).
    static Plan wayBackOf(const ClusterProfile& profile, const Plan& forward, const QString& runDir,
        QString* lastResult = nullptr);

    // Opens the run directory (profile.json, plan.json, journal.jsonl, log.txt) and starts the plan.
    // False (phase StartFailed, startError()) when the directory cannot be written: nothing ran.
    bool start(const QString& runDir);
    // Asks the running plan or way back to stop: the current command's process group is ended.
    void cancel();
    // The three choices after a failure. Each returns false when it does not apply in this phase.
    bool retry();       // Choosing: the failed step again, then the rest, in the same journal
    bool rollBack();    // Choosing / RollBackFailed: the way back (resumed at its failed step after a failure)
    bool stopHere();    // Choosing / RollBackFailed: nothing more runs
    // Reads the cluster on a worker thread and judges it (UpgradeVerifier); emits verified().
    void verify();

    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase == Phase::Upgrading || m_phase == Phase::RollingBack; }
    bool isFinished() const { return m_phase != Phase::NotStarted && !isRunning(); }
    bool isVerifying() const { return m_verifying; }
    const ClusterProfile& profile() const { return m_profile; }
    const Plan& plan() const { return m_plan; }
    QString runDir() const { return m_runDir; }
    QString startError() const { return m_startError; }
    // The last result of the forward plan (every attempt) and of the way back.
    const RunResult& runResult() const { return m_runResult; }
    const RunResult& wayBackResult() const { return m_wayBackResult; }
    // The way back that is running or ran (empty before a roll back started), and its record.
    const Plan& wayBack() const { return m_wayBack; }
    QString wayBackDir() const { return m_wayBackDir; }
    QString wayBackError() const { return m_wayBackError; }
    // What the way back would run now (from the journal).
    Plan wayBackPlan() const;
    // How many undo steps Roll back would run now (0: nothing to undo).
    int undoStepsLeft() const;
    // The shell command that rolls the run back later, from a terminal.
    QString undoCommand() const;
    int attempt() const { return m_attempt; }
    int firstStep() const { return m_firstStep; }
    // The step running now, index in the running plan (forward or way back); -1 between steps.
    int currentStep() const { return m_currentStep; }
    // Milliseconds since the first start (retries and the way back add to it); -1 before.
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : -1; }
    // The last verification (valid once verified() was emitted).
    const ClusterReading& reading() const { return m_reading; }
    const QStringList& verifyProblems() const { return m_problems; }
    bool isVerified() const { return m_verifiedOnce && m_problems.isEmpty(); }

    // Writes an event into the run's journal (front ends record what the operator saw or chose).
    void writeEvent(const QString& event, const QJsonObject& fields);

signals:
    void phaseChanged(MogUp::UpgradeSession::Phase phase);
    // A way back starts: its plan (the front ends add its rows under the forward ones).
    void wayBackStarted(const MogUp::Plan& wayBack);
    // A run (forward or way back) starts at `firstStep` of `plan`.
    void runStarted(const MogUp::Plan& plan, int firstStep);
    void stepStarted(int index, const MogUp::Step& step);
    void stepFinished(int index, const MogUp::StepResult& result);
    void checkProgress(int index, const QString& text);
    void transferProgress(int index, const MogUp::TransferProgress& progress);
    void progress(int done, int total);
    // Emitted on the runner's worker thread, in order, for every output line: connect with
    // Qt::DirectConnection to something thread-safe (LogModel::appendLine), or queued.
    void outputLine(const MogUp::OutputLine& line);
    void runFinished(const MogUp::RunResult& result);
    void verified(const MogUp::ClusterReading& reading, const QStringList& problems);

private:
    void startRunner(const Plan& plan, Journal* journal, int firstStep, bool skipStepsAlreadyDone);
    void onStepStarted(int index, const Step& step);
    void onStepFinished(int index, const StepResult& result);
    void onRunFinished(const RunResult& result);
    void setPhase(Phase phase);
    void writeChoice(const QString& choice);

    ClusterProfile m_profile;
    Plan m_plan;
    std::shared_ptr<Executor> m_executor;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Journal> m_wayBackJournal;
    std::unique_ptr<Runner> m_runner;
    Phase m_phase = Phase::NotStarted;
    QString m_runDir;
    QString m_startError;
    RunResult m_runResult;
    RunResult m_wayBackResult;
    Plan m_wayBack;
    QString m_wayBackDir;
    QString m_wayBackError;
    int m_attempt = 1;
    int m_firstStep = 0;
    int m_currentStep = -1;
    bool m_firstStopMarked = false;
    QElapsedTimer m_clock;
    QFutureWatcher<ClusterReading> m_verifyWatcher;
    bool m_verifying = false;
    bool m_verifiedOnce = false;
    ClusterReading m_reading;
    QStringList m_problems;
};

} // namespace MogUp
