#include "UpgradeSession.h"

#include "Journal.h"
#include "LeakEvidence.h"
#include "ShellQuote.h"
#include "Tr.h"
#include "WayBackPlanner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QtConcurrent>

namespace MogUp {

namespace {

// The steps after which the cluster (or a node of it) no longer serves: the upgrade's first stop.
bool stopsService(StepKind kind)
{
    return kind == StepKind::StopDb || kind == StepKind::StopCluster || kind == StepKind::Switchover;
}

// The steps that bring service back: the last of them in the plan ends the upgrade's window.
bool startsService(StepKind kind)
{
    return kind == StepKind::StartDb || kind == StepKind::StartCluster || kind == StepKind::Switchover;
}

} // namespace

UpgradeSession::UpgradeSession(ClusterProfile profile, Plan plan, std::shared_ptr<Executor> executor, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_plan(std::move(plan))
    , m_executor(std::move(executor))
{
    connect(&m_verifyWatcher, &QFutureWatcher<ClusterReading>::finished, this, [this] {
        m_reading = m_verifyWatcher.result();
        m_problems = UpgradeVerifier::problems(m_reading, m_plan.toVersion);
        m_verifying = false;
        m_verifiedOnce = true;
        QJsonObject fields { { QStringLiteral("result"), m_problems.isEmpty() ? QStringLiteral("verified") : QStringLiteral("not-verified") } };
        if (!m_problems.isEmpty())
            fields.insert(QStringLiteral("problems"), QJsonArray::fromStringList(m_problems));
        writeEvent(QStringLiteral("verify"), fields);
        emit verified(m_reading, m_problems);
    });
    m_baselineTimer.setSingleShot(true);
    connect(&m_baselineTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::Baseline)
            return;
        writeEvent(QStringLiteral("mark"), { { QStringLiteral("mark"), QStringLiteral("baseline-end") } });
        beginPlan();
    });
}

int UpgradeSession::defaultBaselineMs(const ClusterProfile& profile)
{
    const double scale = LeakEvidence::timeScale(profile);
    return qMax(10000, int(60000 / scale));
}

UpgradeSession::~UpgradeSession()
{
    // Runner's destructor cancels and waits for its thread; the journals must outlive it (it writes from there).
    m_runner.reset();
    m_sampler.reset();
    m_probe.reset();
    m_verifyWatcher.waitForFinished();
    m_wayBackJournal.reset();
    m_journal.reset();
}

QString UpgradeSession::newRunDir(const QString& runsRoot, const QString& profileName, UpgradeMode mode)
{
    const QString dir = Journal::defaultRunDir(profileName, mode);
    return runsRoot.isEmpty() ? dir : runsRoot + QLatin1Char('/') + QFileInfo(dir).fileName();
}

QString UpgradeSession::newMonitorDir(const QString& runsRoot, const QString& profileName)
{
    QString dir = newRunDir(runsRoot, profileName, UpgradeMode::Offline);
    dir.chop(upgradeModeName(UpgradeMode::Offline).size());
    return dir + QStringLiteral("monitor");
}

Plan UpgradeSession::wayBackOf(const ClusterProfile& profile, const Plan& forward, const QString& runDir, QString* lastResult)
{
    if (runDir.isEmpty())
        return {};
    return WayBackPlanner::build(profile, forward, Journal::stepOutcomes(runDir, lastResult));
}

bool UpgradeSession::start(const QString& runDir)
{
    if (m_phase != Phase::NotStarted)
        return false;
    m_journal = std::make_unique<Journal>();
    QString error;
    if (!m_journal->open(runDir, m_profile, m_plan, &error)) {
        m_startError = error;
        m_journal.reset();
        setPhase(Phase::StartFailed);
        return false;
    }
    m_runDir = m_journal->runDir();
    startObservers();
    if (m_sampler && m_baselineMs > 0) {
        // Before anything changes: the leak as it is on the old version, to compare the new one with.
        if (!m_clock.isValid())
            m_clock.start();
        writeEvent(QStringLiteral("mark"), { { QStringLiteral("mark"), QStringLiteral("baseline-start") },
                                               { QStringLiteral("ms"), m_baselineMs } });
        setPhase(Phase::Baseline);
        emit baselineStarted(m_baselineMs);
        m_baselineTimer.start(m_baselineMs);
        return true;
    }
    beginPlan();
    return true;
}

void UpgradeSession::beginPlan()
{
    setPhase(Phase::Upgrading);
    startRunner(m_plan, m_journal.get(), 0, false);
}

void UpgradeSession::startObservers()
{
    const std::shared_ptr<Executor> executor = m_observerExecutor ? m_observerExecutor : m_executor;
    QString error;
    if (m_sampling) {
        m_sampler = std::make_unique<MemorySampler>(m_profile, executor);
        m_sampler->setIntervalMs(m_samplingIntervalMs > 0 ? m_samplingIntervalMs : MemorySampler::defaultIntervalMs(m_profile));
        m_sampler->setPhase(QStringLiteral("before"));
        // Kept as the sampler's threads take them (the list then matches the file as soon as stop() has
        // joined them), and shown on this object's thread.
        connect(
            m_sampler.get(), &MemorySampler::sampled, this,
            [this](const MemorySample& sample) {
                {
                    QMutexLocker lock(&m_samplesMutex);
                    m_samples.append(sample);
                }
                QMetaObject::invokeMethod(this, [this, sample] { emit sampled(sample); }, Qt::QueuedConnection);
            },
            Qt::DirectConnection);
        connect(m_sampler.get(), &MemorySampler::writeFailed, this, &UpgradeSession::observerProblem);
        if (!m_sampler->start(m_runDir + QStringLiteral("/samples.csv"), &error)) {
            m_sampler.reset();
            emit observerProblem(Tr::tr("The memory sampler could not start: %1").arg(error));
        }
    }
    if (m_availability) {
        m_probe = std::make_unique<AvailabilityProbe>(m_profile, executor);
        connect(m_probe.get(), &AvailabilityProbe::outageStarted, this, &UpgradeSession::outageStarted);
        connect(m_probe.get(), &AvailabilityProbe::outageEnded, this, &UpgradeSession::outageEnded);
        if (!m_probe->start(m_runDir + QStringLiteral("/availability.csv"), &error)) {
            m_probe.reset();
            emit observerProblem(Tr::tr("The availability probe could not start: %1").arg(error));
        }
    }
}

void UpgradeSession::stopProbe()
{
    if (!m_probe)
        return;
    m_probe->stop();
    m_finalOutages = m_probe->outages();
    m_probe.reset();
    QJsonArray outages;
    for (const Outage& o : std::as_const(m_finalOutages)) {
        outages.append(QJsonObject { { QStringLiteral("node"), o.node.isEmpty() ? QStringLiteral("cluster") : o.node },
            { QStringLiteral("start"), o.start.toString(Qt::ISODateWithMs) },
            { QStringLiteral("end"), o.end.toString(Qt::ISODateWithMs) }, { QStringLiteral("ms"), o.ms() } });
    }
    writeEvent(QStringLiteral("downtime"), { { QStringLiteral("cluster_ms"), AvailabilityProbe::totalMs(m_finalOutages, QString()) },
                                               { QStringLiteral("outages"), outages } });
}

void UpgradeSession::stopSampling()
{
    if (m_sampler)
        m_sampler->stop();
}

QList<Outage> UpgradeSession::outages() const
{
    return m_probe ? m_probe->outages() : m_finalOutages;
}

QList<MemorySample> UpgradeSession::samples() const
{
    QMutexLocker lock(&m_samplesMutex);
    return m_samples;
}

LeakVerdict UpgradeSession::leakVerdict() const
{
    return LeakEvidence::judge(samples(), LeakEvidence::timeScale(m_profile));
}

QString UpgradeSession::leakVerdictText() const
{
    return LeakEvidence::explain(leakVerdict(), LeakEvidence::timeScale(m_profile));
}

QString UpgradeSession::downtimeText() const
{
    QStringList nodes;
    for (const NodeProfile& n : m_profile.nodes)
        nodes << n.name;
    return downtimeText(outages(), nodes);
}

QString UpgradeSession::downtimeText(const QList<Outage>& outages, const QStringList& nodes)
{
    int clusterCount = 0;
    for (const Outage& o : outages)
        clusterCount += o.node.isEmpty();
    const qint64 cluster = AvailabilityProbe::totalMs(outages, QString());
    QStringList perNode;
    for (const QString& n : nodes)
        perNode << Tr::tr("%1 %2 s").arg(n).arg(AvailabilityProbe::totalMs(outages, n) / 1000.0, 0, 'f', 1);
    return Tr::tr("Measured downtime: the cluster had no primary answering for %1 s in %n outage(s); each node's "
                  "database port was closed for: %2.",
        nullptr, clusterCount)
        .arg(cluster / 1000.0, 0, 'f', 1)
        .arg(perNode.join(QStringLiteral(", ")));
}

void UpgradeSession::startRunner(const Plan& plan, Journal* journal, int firstStep, bool skipStepsAlreadyDone)
{
    // The previous attempt's thread has ended: its finished signal was handled before any choice.
    m_runner.reset();
    m_runner = std::make_unique<Runner>(m_profile, plan, m_executor);
    m_runner->setFirstStep(firstStep);
    m_runner->setSkipStepsAlreadyDone(skipStepsAlreadyDone);
    // The journal first, on the worker thread: the record holds every event before anyone shows it.
    journal->attach(m_runner.get());
    Runner* runner = m_runner.get();
    // Output lines pass straight through from the worker thread (listeners batch them themselves).
    connect(runner, &Runner::outputLine, this, &UpgradeSession::outputLine, Qt::DirectConnection);
    connect(runner, &Runner::stepStarted, this, &UpgradeSession::onStepStarted);
    connect(runner, &Runner::stepFinished, this, &UpgradeSession::onStepFinished);
    connect(runner, &Runner::checkProgress, this, &UpgradeSession::checkProgress);
    connect(runner, &Runner::transferProgress, this, &UpgradeSession::transferProgress);
    connect(runner, &Runner::progress, this, &UpgradeSession::progress);
    connect(runner, &Runner::finished, this, &UpgradeSession::onRunFinished);
    m_currentStep = -1;
    m_firstStep = firstStep;
    if (!m_clock.isValid())
        m_clock.start();
    emit runStarted(plan, firstStep);
    m_runner->start();
}

void UpgradeSession::onStepStarted(int index, const Step& step)
{
    m_currentStep = index;
    // The upgrade's window opens at its first stop (the sampler's "before" ends there).
    if (m_probe && stopsService(step.kind))
        m_probe->expectChange();
    if (m_phase == Phase::Upgrading && !m_firstStopMarked && stopsService(step.kind)) {
        m_firstStopMarked = true;
        if (m_sampler)
            m_sampler->setPhase(QStringLiteral("upgrade"));
        writeEvent(QStringLiteral("mark"), { { QStringLiteral("mark"), QStringLiteral("first-stop") },
                                               { QStringLiteral("step"), step.id }, { QStringLiteral("node"), step.node } });
    }
    emit stepStarted(index, step);
}

void UpgradeSession::onStepFinished(int index, const StepResult& result)
{
    // ... and closes when the last step that brings service back has done so.
    if (m_phase == Phase::Upgrading && result.status == StepStatus::Ok && index >= 0 && index < m_plan.steps.size()) {
        int last = -1;
        for (int i = 0; i < m_plan.steps.size(); ++i) {
            if (startsService(m_plan.steps.at(i).kind))
                last = i;
        }
        if (index == last)
            writeEvent(QStringLiteral("mark"), { { QStringLiteral("mark"), QStringLiteral("last-start") },
                                                   { QStringLiteral("step"), result.stepId }, { QStringLiteral("node"), result.node } });
    }
    emit stepFinished(index, result);
}

void UpgradeSession::onRunFinished(const RunResult& result)
{
    m_currentStep = -1;
    if (m_phase == Phase::RollingBack) {
        m_wayBackResult = result;
        setPhase(result.ok ? Phase::RolledBack : Phase::RollBackFailed);
    } else {
        m_runResult = result;
        // From now on the samples show the new version: the window the verdict compares with the baseline.
        if (result.ok && m_sampler)
            m_sampler->setPhase(QStringLiteral("after"));
        setPhase(result.ok ? Phase::Upgraded : Phase::Choosing);
    }
    // The probe measures while a run can still go on: it ends once nothing more runs.
    if (m_phase == Phase::Upgraded || m_phase == Phase::RolledBack)
        stopProbe();
    emit runFinished(result);
}

void UpgradeSession::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

void UpgradeSession::cancel()
{
    if (m_phase == Phase::Baseline) {
        // Nothing has changed yet: the run ends as cancelled at its first step, with nothing to undo.
        m_baselineTimer.stop();
        writeEvent(QStringLiteral("mark"), { { QStringLiteral("mark"), QStringLiteral("baseline-cancelled") } });
        RunResult result;
        result.cancelled = true;
        result.stepsTotal = int(m_plan.steps.size());
        result.message = Tr::tr("cancelled during the baseline, before any step ran: nothing was changed");
        m_runResult = result;
        setPhase(Phase::Choosing);
        emit runFinished(result);
        return;
    }
    if (isRunning() && m_runner)
        m_runner->cancel();
}

void UpgradeSession::writeEvent(const QString& event, const QJsonObject& fields)
{
    if (m_journal)
        m_journal->writeEvent(event, fields);
}

void UpgradeSession::writeChoice(const QString& choice)
{
    // The operator's decision is part of the record (a report tells "retried" from "rolled back").
    writeEvent(QStringLiteral("choice"), { { QStringLiteral("choice"), choice }, { QStringLiteral("failed_step"), m_runResult.failedStepId } });
}

bool UpgradeSession::retry()
{
    if (m_phase != Phase::Choosing || !m_journal)
        return false;
    // The failed (or cancelled) step: every step before it is done and checked.
    const int first = m_runResult.stepsDone;
    if (first >= m_plan.steps.size())
        return false;
    writeChoice(QStringLiteral("retry"));
    ++m_attempt;
    setPhase(Phase::Upgrading);
    // Into the same journal: the way back reads every attempt's steps from it.
    startRunner(m_plan, m_journal.get(), first, false);
    return true;
}

Plan UpgradeSession::wayBackPlan() const
{
    return wayBackOf(m_profile, m_plan, m_runDir);
}

int UpgradeSession::undoStepsLeft() const
{
    if (m_phase == Phase::RollBackFailed && m_wayBackJournal)
        return int(m_wayBack.steps.size()) - m_wayBackResult.stepsDone;
    return int(wayBackPlan().steps.size());
}

bool UpgradeSession::rollBack()
{
    if (m_phase != Phase::Choosing && m_phase != Phase::RollBackFailed)
        return false;
    // After a failed way back, rolling back again resumes it at its failed step (in its own record), as a
    // retry does for the upgrade: the steps it already undid are not undone twice.
    const bool resume = m_phase == Phase::RollBackFailed && m_wayBackJournal;
    const Plan back = resume ? m_wayBack : wayBackPlan();
    const int first = resume ? m_wayBackResult.stepsDone : 0;
    if (first >= back.steps.size())
        return false;
    writeChoice(QStringLiteral("roll-back"));
    // The previous attempt's runner is attached to the journals: end it before anything is replaced.
    m_runner.reset();
    if (!resume) {
        auto journal = std::make_unique<Journal>();
        QString error;
        if (!journal->open(Journal::undoRunDir(m_runDir), m_profile, back, &error)) {
            m_wayBackError = Tr::tr("The way back could not start: %1").arg(error);
            emit phaseChanged(m_phase); // the front ends show the error; the choices stay
            return false;
        }
        m_wayBackJournal = std::move(journal);
        m_wayBackError.clear();
        m_wayBackDir = m_wayBackJournal->runDir();
        m_wayBack = back;
        emit wayBackStarted(m_wayBack);
    }
    setPhase(Phase::RollingBack);
    startRunner(m_wayBack, m_wayBackJournal.get(), first, true);
    return true;
}

bool UpgradeSession::stopHere()
{
    if (m_phase != Phase::Choosing && m_phase != Phase::RollBackFailed)
        return false;
    // The downtime measured up to now first: the operator's choice stays the run's last word.
    stopProbe();
    writeChoice(QStringLiteral("stop-here"));
    setPhase(Phase::Kept);
    return true;
}

QString UpgradeSession::undoCommand() const
{
    return QStringLiteral("mogup-cli undo --run-dir ") + shellQuote(m_runDir);
}

void UpgradeSession::verify()
{
    if (m_verifying)
        return;
    m_verifying = true;
    const ClusterProfile profile = m_profile;
    const std::shared_ptr<Executor> executor = m_executor;
    m_verifyWatcher.setFuture(QtConcurrent::run([profile, executor]() {
        CancelToken cancel;
        return UpgradeVerifier::read(*executor, profile, cancel);
    }));
}

} // namespace MogUp
