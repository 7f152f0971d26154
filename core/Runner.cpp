#include "Runner.h"

#include <QVersionNumber>

#include "CheckEvaluator.h"
#include "PackageDistributor.h"
#include "Planner.h"
#include "Tr.h"
#include "WayBackPlanner.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace MogUp {

QString stepStatusName(StepStatus s)
{
    switch (s) {
    case StepStatus::Ok:
        return QStringLiteral("ok");
    case StepStatus::CommandFailed:
        return QStringLiteral("command-failed");
    case StepStatus::CheckFailed:
        return QStringLiteral("check-failed");
    case StepStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

Runner::Runner(ClusterProfile profile, Plan plan, std::shared_ptr<Executor> executor, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_plan(std::move(plan))
    , m_executor(std::move(executor))
{
    qRegisterMetaType<MogUp::Step>();
    qRegisterMetaType<MogUp::OutputLine>();
    qRegisterMetaType<MogUp::StepResult>();
    qRegisterMetaType<MogUp::RunResult>();
    qRegisterMetaType<MogUp::TransferProgress>();
}

Runner::~Runner()
{
    if (m_thread) {
        m_cancel.cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void Runner::start()
{
    if (m_thread)
        return;
    m_cancel.reset();
    m_thread = QThread::create([this] { work(); });
    m_thread->setObjectName(QStringLiteral("mogup-runner"));
    m_thread->start();
}

void Runner::cancel()
{
    m_cancel.cancel();
}

bool Runner::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool Runner::wait(unsigned long ms)
{
    if (!m_thread)
        return true;
    if (ms == ULONG_MAX)
        return m_thread->wait(QDeadlineTimer(QDeadlineTimer::Forever));
    return m_thread->wait(QDeadlineTimer(qint64(ms)));
}

void Runner::work()
{
    const int total = int(m_plan.steps.size());
    const int first = qBound(0, m_firstStep, total);
    emit runStarted(total);
    emit progress(first, total);
    RunResult run;
    run.stepsTotal = total;
    run.stepsDone = first;
    CheckEvaluator evaluator(*m_executor, m_profile);
    // How each step ended, for the way back (WayBackPlanner's rule): the steps before `first` ran in an
    // earlier attempt and count as done.
    QList<StepOutcome> outcomes;
    for (int i = 0; i < first; ++i)
        outcomes.append(StepOutcome { m_plan.steps.at(i).id, StepOutcome::End::Ok });

    for (int i = first; i < total; ++i) {
        const Step& step = m_plan.steps.at(i);
        StepResult sr;
        sr.index = i;
        sr.stepId = step.id;
        sr.node = step.node;
        if (m_cancel.isCancelled()) {
            run.cancelled = true;
            run.message = Tr::tr("Cancelled before step %1 (%2 on %3).").arg(i + 1).arg(step.title(), step.node);
            break;
        }
        emit stepStarted(i, step);
        QElapsedTimer clock;
        clock.start();
        const NodeProfile* node = m_profile.node(step.node);
        bool ok = true;
        // A step that is not run because the node is already as it should be: done, nothing ran.
        const auto notRun = [&](const QString& message) {
            sr.checkPassed = true;
            sr.alreadyDone = true;
            sr.message = message;
            sr.ms = clock.elapsed();
            emit stepFinished(i, sr);
            outcomes.append(StepOutcome { step.id, StepOutcome::End::Ok });
            run.stepsDone = i + 1;
            emit progress(i + 1, total);
        };
        if (node && step.onlyIf.kind != CheckKind::None) {
            // An undo of a step that did not end ok: only when that step's effect is on the node.
            Step probe = step;
            probe.check = step.onlyIf;
            const CheckReading effect = evaluator.readOnce(probe, m_cancel);
            if (effect.verdict == CheckReading::Verdict::Fail) {
                notRun(Tr::tr("nothing to undo, not run: the step it takes back left nothing here (%1)")
                           .arg(effect.detail));
                continue;
            }
            if (effect.verdict != CheckReading::Verdict::Pass) {
                // Unreadable: running the undo could destroy what it should keep, skipping it could leave
                // the change in place; neither without knowing.
                ok = false;
                sr.status = m_cancel.isCancelled() ? StepStatus::Cancelled : StepStatus::CommandFailed;
                sr.message
                    = Tr::tr("cannot tell whether there is anything to undo, not run: %1")
                          .arg(effect.detail.isEmpty() ? Tr::tr("no answer from the node") : effect.detail);
            }
        }
        if (ok && m_skipDone && node && step.kind != StepKind::UploadPackage) {
            const CheckReading already = evaluator.readOnce(step, m_cancel);
            if (already.verdict == CheckReading::Verdict::Pass) {
                notRun(Tr::tr("already so, not run: %1").arg(already.detail));
                continue;
            }
        }
        if (!ok) {
            // Nothing ran: the reading above decided.
        } else if (step.kind == StepKind::UploadPackage) {
            ok = runUpload(i, step, &sr);
            if (!ok)
                sr.node = sr.node.isEmpty() ? step.node : sr.node;
        } else if (!node) {
            ok = false;
            sr.status = StepStatus::CommandFailed;
            sr.message = Tr::tr("node %1 is not in the profile").arg(step.node);
        } else if (!step.command.isEmpty()) {
            QStringList lastErr; // the last stderr lines, for the failure message
            const ExecResult r = m_executor->run(*node, step.command, step.timeoutMs, m_cancel,
                [this, &lastErr](const OutputLine& line) {
                    if (line.stream == OutputStream::Stderr) {
                        lastErr << line.text;
                        if (lastErr.size() > 3)
                            lastErr.removeFirst();
                    }
                    emit outputLine(line);
                });
            sr.exitCode = r.exitCode;
            if (r.cancelled) {
                ok = false;
                sr.status = StepStatus::Cancelled;
                sr.message = Tr::tr("cancelled while the command ran");
            } else if (!r.ok()) {
                ok = false;
                sr.status = StepStatus::CommandFailed;
                sr.message = r.error.isEmpty() ? Tr::tr("the command exited with code %1").arg(r.exitCode) : r.error;
                if (!lastErr.isEmpty())
                    sr.message = Tr::tr("%1 (stderr: %2)").arg(sr.message, lastErr.join(QStringLiteral(" / ")).simplified());
            }
        }
        if (ok && step.kind != StepKind::UploadPackage) {
            const CheckOutcome c = evaluator.evaluate(step, m_cancel, [this, i](const QString& text) {
                emit checkProgress(i, text);
            });
            sr.checkPassed = c.passed;
            sr.message = c.detail;
            if (!c.passed) {
                ok = false;
                sr.status = m_cancel.isCancelled() ? StepStatus::Cancelled : StepStatus::CheckFailed;
                // Show what the failing check read, so nobody has to rerun it by hand.
                for (const QString& l : c.lastOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    emit outputLine(OutputLine { step.node, OutputStream::Stdout, QDateTime::currentDateTimeUtc(), l });
                for (const QString& l : c.lastErr.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    emit outputLine(OutputLine { step.node, OutputStream::Stderr, QDateTime::currentDateTimeUtc(), l });
            }
        }
        sr.ms = clock.elapsed();
        emit stepFinished(i, sr);
        if (!ok) {
            run.cancelled = sr.status == StepStatus::Cancelled;
            run.failedStepId = step.id;
            run.failedNode = sr.node;
            run.failedStepTitle = step.title();
            if (run.cancelled) {
                run.message = Tr::tr("Cancelled during step %1 \"%2\" on %3.").arg(i + 1).arg(step.title(), step.node);
            } else {
                const QString what = sr.status == StepStatus::CommandFailed ? Tr::tr("the command failed")
                                                                            : Tr::tr("the check failed");
                run.message = Tr::tr("Step %1 \"%2\" on %3: %4: %5.")
                                  .arg(i + 1)
                                  .arg(step.title(), sr.node, what, sr.message);
            }
            // The step itself may have half-happened: WayBackPlanner decides what of it is undone.
            outcomes.append(StepOutcome { step.id, StepOutcome::End::Failed });
            break;
        }
        outcomes.append(StepOutcome { step.id, StepOutcome::End::Ok });
        run.stepsDone = i + 1;
        emit progress(i + 1, total);
    }

    run.ok = !run.cancelled && run.failedStepId.isEmpty() && run.stepsDone == total;
    if (!run.ok) {
        // The same rule as `mogup-cli undo` and the wizard's Roll back.
        for (const WayBackPlanner::Entry& e : WayBackPlanner::stepsToUndo(m_plan, outcomes))
            run.wayBack.append(e.step);
    }
    // Always read back what every node is now; a fresh token so a cancelled run can still report.
    CancelToken fresh;
    // The kept binaries are named after the older version (bin_201): the upgrade's from-version, or the
    // way back's to-version.
    QString older = m_plan.fromVersion.isEmpty() ? QStringLiteral("2.0.1") : m_plan.fromVersion;
    if (!m_plan.toVersion.isEmpty()
        && QVersionNumber::fromString(m_plan.toVersion) < QVersionNumber::fromString(older))
        older = m_plan.toVersion;
    run.nodes = ClusterStatusProbe(*m_executor, m_profile, older).probeAll(fresh);
    emit finished(run);
}

bool Runner::runUpload(int index, const Step& step, StepResult* result)
{
    QList<const NodeProfile*> nodes;
    for (const QString& name : step.targets) {
        const NodeProfile* n = m_profile.node(name);
        if (!n) {
            result->status = StepStatus::CommandFailed;
            result->node = name;
            result->message = Tr::tr("node %1 is not in the profile").arg(name);
            return false;
        }
        nodes.append(n);
    }
    PackageDistributor distributor(*m_executor, m_profile);
    const QList<DistributionResult> results = distributor.distributeAll(
        nodes, step.localFile, [this](const NodeProfile& n) { return Planner::packagePathOn(m_profile, n); }, m_cancel,
        [this, index](const TransferProgress& p) { emit transferProgress(index, p); },
        [this](const OutputLine& l) { emit outputLine(l); });
    QStringList failures;
    QStringList failedNodes;
    for (const DistributionResult& r : results) {
        emit outputLine(OutputLine { r.node, r.ok ? OutputStream::Stdout : OutputStream::Stderr,
            QDateTime::currentDateTimeUtc(), r.message });
        if (!r.ok) {
            failures << r.message;
            failedNodes << r.node;
        }
    }
    result->checkPassed = failures.isEmpty();
    if (failures.isEmpty()) {
        result->message = Tr::tr("%1 on %n node(s), SHA-256 %2 verified on each", nullptr, int(results.size()))
                              .arg(QFileInfo(step.localFile).fileName(), distributor.localSha256());
        return true;
    }
    result->status = m_cancel.isCancelled() ? StepStatus::Cancelled : StepStatus::CommandFailed;
    result->node = failedNodes.join(QStringLiteral(","));
    result->message = failures.join(QStringLiteral("; "));
    return false;
}

} // namespace MogUp
