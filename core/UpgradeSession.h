#pragma once

#include "AvailabilityProbe.h"
#include "Executor.h"
#include "LeakVerdict.h"
#include "MemorySampler.h"
#include "Plan.h"
#include "Profile.h"
#include "Runner.h"
#include "UpgradeVerifier.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

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
        Baseline,        // sampling the walsender memory on the old version before anything changes
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
    // The same for samples taken without an upgrade (mogup-cli monitor): <UTC time>-<profile>-monitor.
    static QString newMonitorDir(const QString& runsRoot, const QString& profileName);
    // The way back of the run recorded in `runDir` as it would run now: the undo of every step that had an
    // effect, most recent first (from its journal: every attempt and how it ended). The one place the
    // wizard, the CLI and `mogup-cli undo` build it. `lastResult`: the run's last result (Journal).
    static Plan wayBackOf(const ClusterProfile& profile, const Plan& forward, const QString& runDir,
        QString* lastResult = nullptr);

    // Observers, set before start(). The walsender memory sampler (RUN/samples.csv) runs from start() for
    // as long as the session lives or until stopSampling(); before the plan changes anything it samples for
    // `baselineMs` (the baseline on the old version; 0: none). The availability probe
    // (RUN/availability.csv) runs while the plan and its retries or way back can run.
    // Both use the run's executor unless another is given (an SshExecutor runs one command per node at a
    // time, so a second one keeps the probe from queueing behind a step's command).
    void setBaselineMs(int ms) { m_baselineMs = qMax(0, ms); }
    int baselineMs() const { return m_baselineMs; }
    // 60 s on a real cluster (12 samples at 5 s: the least a slope can be judged on); a sandbox's time runs
    // `speed` times faster, so 60 s / speed, but at least 10 s (10 samples at its 1 s interval).
    static int defaultBaselineMs(const ClusterProfile& profile);
    void setSamplingIntervalMs(int ms) { m_samplingIntervalMs = ms; }
    void setObservers(bool sampling, bool availability)
    {
        m_sampling = sampling;
        m_availability = availability;
    }
    void setObserverExecutor(std::shared_ptr<Executor> executor) { m_observerExecutor = std::move(executor); }
    void stopSampling();

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
    bool isRunning() const
    {
        return m_phase == Phase::Baseline || m_phase == Phase::Upgrading || m_phase == Phase::RollingBack;
    }
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

    // Every sample taken so far (also in RUN/samples.csv) and the leak verdict on them (LeakEvidence).
    QList<MemorySample> samples() const;
    LeakVerdict leakVerdict() const;
    QString leakVerdictText() const;
    // Outages the availability probe measured so far (also in RUN/availability.csv).
    QList<Outage> outages() const;
    // One paragraph: the cluster's outage (no primary answering) and each node's.
    QString downtimeText() const;
    static QString downtimeText(const QList<Outage>& outages, const QStringList& nodes);

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
    // The baseline starts: the plan starts after `ms`.
    void baselineStarted(int ms);
    // From the observers, delivered on this object's thread.
    void sampled(const MogUp::MemorySample& sample);
    void outageStarted(const MogUp::Outage& outage);
    void outageEnded(const MogUp::Outage& outage);
    // An observer could not start or write (its file): the run goes on without it.
    void observerProblem(const QString& message);

private:
    void startRunner(const Plan& plan, Journal* journal, int firstStep, bool skipStepsAlreadyDone);
    void startObservers();
    void beginPlan();
    void stopProbe();
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
    // Observers
    int m_baselineMs = 0;
    int m_samplingIntervalMs = 0; // 0: MemorySampler::defaultIntervalMs
    bool m_sampling = true;
    bool m_availability = true;
    std::shared_ptr<Executor> m_observerExecutor;
    std::unique_ptr<MemorySampler> m_sampler;
    std::unique_ptr<AvailabilityProbe> m_probe;
    QList<Outage> m_finalOutages; // the probe's list when it stopped
    mutable QMutex m_samplesMutex;
    QList<MemorySample> m_samples;
    QTimer m_baselineTimer;
};

} // namespace MogUp
