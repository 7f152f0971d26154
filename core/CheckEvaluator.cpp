#include "CheckEvaluator.h"

#include "GsCtlQueryParser.h"
#include "GsOmStatusParser.h"
#include "Tr.h"
#include "VersionParser.h"

#include <QElapsedTimer>

#include <algorithm>
#include <QThread>

namespace MogUp {

using Verdict = CheckReading::Verdict;

CheckEvaluator::CheckEvaluator(Executor& executor, const ClusterProfile& profile)
    : m_executor(executor)
    , m_profile(profile)
{
}

namespace {

CheckReading reading(Verdict v, const QString& detail)
{
    return CheckReading { v, detail };
}

QString firstLine(const QString& out)
{
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.first().trimmed();
}

CheckReading judgeGsCtl(const Check& check, const QString& out)
{
    GsCtlQuery q;
    QString error;
    if (!GsCtlQueryParser::parse(out, &q, &error))
        return reading(Verdict::NotYet, Tr::tr("gs_ctl query output not understood: %1").arg(error));
    switch (check.kind) {
    case CheckKind::DbStopped:
        return q.serverRunning ? reading(Verdict::NotYet, Tr::tr("the database is still running as %1").arg(q.ha.localRole))
                               : reading(Verdict::Pass, Tr::tr("the database is stopped"));
    case CheckKind::DbRunning:
        if (!q.serverRunning)
            return reading(Verdict::NotYet, Tr::tr("the database is not running"));
        if (q.ha.localRole != check.expectRole)
            return reading(Verdict::NotYet,
                Tr::tr("the database runs as %1, expected %2").arg(q.ha.localRole, check.expectRole));
        if (q.ha.dbState != QStringLiteral("Normal"))
            return reading(Verdict::NotYet, Tr::tr("%1, db_state %2 (%3)").arg(q.ha.localRole, q.ha.dbState, q.ha.detailInformation));
        return reading(Verdict::Pass, Tr::tr("running as %1, db_state Normal").arg(q.ha.localRole));
    case CheckKind::SwitchedOver:
        if (!q.serverRunning)
            return reading(Verdict::NotYet, Tr::tr("the database is not running"));
        if (q.ha.localRole != QStringLiteral("Primary"))
            return reading(Verdict::NotYet, Tr::tr("still %1, not yet Primary").arg(q.ha.localRole));
        if (q.ha.dbState != QStringLiteral("Normal"))
            return reading(Verdict::NotYet, Tr::tr("Primary, db_state %1").arg(q.ha.dbState));
        return reading(Verdict::Pass, Tr::tr("now Primary, db_state Normal"));
    case CheckKind::CaughtUp: {
        if (!q.serverRunning)
            return reading(Verdict::NotYet, Tr::tr("the database is not running"));
        if (q.ha.localRole != QStringLiteral("Standby") && q.ha.localRole != QStringLiteral("Cascade Standby"))
            return reading(Verdict::NotYet, Tr::tr("runs as %1, not as a standby").arg(q.ha.localRole));
        if (q.receivers.isEmpty())
            return reading(Verdict::NotYet, Tr::tr("not connected to a primary yet (%1)").arg(q.ha.detailInformation));
        const GsCtlReplicationPeer& r = q.receivers.first();
        if (r.state != QStringLiteral("Normal"))
            return reading(Verdict::NotYet, Tr::tr("receiver state %1").arg(r.state));
        if (r.syncPercent < 100)
            return reading(Verdict::NotYet, Tr::tr("catching up: %1%, replayed %2 of %3")
                                                .arg(r.syncPercent)
                                                .arg(r.receiverReplayLocation, r.senderSentLocation));
        // Under write load the primary has always sent a little more than the standby replayed at the
        // instant of the sample: a small lag is caught up, an exact match is not required.
        quint64 sent = 0;
        quint64 replayed = 0;
        if (!GsCtlQueryParser::parseLsn(r.senderSentLocation, &sent)
            || !GsCtlQueryParser::parseLsn(r.receiverReplayLocation, &replayed))
            return reading(Verdict::NotYet, Tr::tr("replay location %1 or sent location %2 not readable")
                                                .arg(r.receiverReplayLocation, r.senderSentLocation));
        const qint64 lag = sent > replayed ? qint64(sent - replayed) : 0;
        if (lag > check.maxLagBytes)
            return reading(Verdict::NotYet, Tr::tr("catching up: replayed %1 of %2, %3 bytes behind (at most %4 allowed)")
                                                .arg(r.receiverReplayLocation, r.senderSentLocation)
                                                .arg(lag)
                                                .arg(check.maxLagBytes));
        return reading(Verdict::Pass, Tr::tr("streaming from the primary, replayed %1, %2 bytes behind what it sent")
                                          .arg(r.receiverReplayLocation)
                                          .arg(lag));
    }
    case CheckKind::ClusterNormal: {
        // Manual installs: read from the primary's side.
        if (!q.serverRunning)
            return reading(Verdict::NotYet, Tr::tr("the primary is not running"));
        if (q.ha.localRole != QStringLiteral("Primary") || q.ha.dbState != QStringLiteral("Normal"))
            return reading(Verdict::NotYet, Tr::tr("expected a Normal primary, found %1 / %2").arg(q.ha.localRole, q.ha.dbState));
        int streaming = 0;
        for (const GsCtlReplicationPeer& s : q.senders) {
            if (s.state == QStringLiteral("Streaming"))
                ++streaming;
        }
        if (streaming < check.expectNodes - 1)
            return reading(Verdict::NotYet,
                Tr::tr("%1 of %2 standbys streaming").arg(streaming).arg(check.expectNodes - 1));
        return reading(Verdict::Pass, Tr::tr("primary Normal, %1 standbys streaming").arg(streaming));
    }
    default:
        break;
    }
    return reading(Verdict::Fail, Tr::tr("internal error: check %1 cannot read gs_ctl output").arg(checkKindName(check.kind)));
}

CheckReading judgeGsOm(const Check& check, const QString& out)
{
    GsOmStatus s;
    QString error;
    if (!GsOmStatusParser::parse(out, &s, &error))
        return reading(Verdict::NotYet, Tr::tr("gs_om status output not understood: %1").arg(error));
    if (check.kind == CheckKind::ClusterStopped) {
        QStringList up;
        for (const GsOmNodeStatus& n : s.nodes) {
            if (n.role != QStringLiteral("Down"))
                up << QStringLiteral("%1 (%2)").arg(n.nodeName, n.role);
        }
        if (s.nodes.size() < check.expectNodes)
            return reading(Verdict::NotYet, Tr::tr("gs_om lists %1 of %2 nodes").arg(s.nodes.size()).arg(check.expectNodes));
        if (!up.isEmpty())
            return reading(Verdict::NotYet, Tr::tr("still running: %1").arg(up.join(QStringLiteral(", "))));
        return reading(Verdict::Pass, Tr::tr("every node is down"));
    }
    int primaries = 0;
    QStringList unwell;
    for (const GsOmNodeStatus& n : s.nodes) {
        if (n.role == QStringLiteral("Primary"))
            ++primaries;
        else if (n.role != QStringLiteral("Standby"))
            unwell << QStringLiteral("%1 %2").arg(n.nodeName, n.role);
        if (n.state != QStringLiteral("Normal"))
            unwell << QStringLiteral("%1 %2").arg(n.nodeName, n.state);
    }
    if (s.nodes.size() != check.expectNodes)
        return reading(Verdict::NotYet, Tr::tr("gs_om lists %1 nodes, expected %2").arg(s.nodes.size()).arg(check.expectNodes));
    if (primaries != 1)
        return reading(Verdict::NotYet, Tr::tr("%1 primaries (cluster_state %2)").arg(primaries).arg(s.clusterState));
    if (s.clusterState != QStringLiteral("Normal") || !unwell.isEmpty())
        return reading(Verdict::NotYet, Tr::tr("cluster_state %1 %2").arg(s.clusterState, unwell.join(QStringLiteral(", "))));
    return reading(Verdict::Pass, Tr::tr("cluster_state Normal, one primary, %1 standbys Normal").arg(s.nodes.size() - 1));
}

} // namespace

CheckReading CheckEvaluator::judge(const Check& check, InstallMethod install, const ExecResult& exec, const QString& out)
{
    switch (check.kind) {
    case CheckKind::None:
        return reading(Verdict::Pass, QString());
    case CheckKind::MoghaStopped:
    case CheckKind::MoghaRunning: {
        const QString state = firstLine(out);
        const bool active = state == QStringLiteral("active") || state == QStringLiteral("activating")
            || state == QStringLiteral("reloading");
        if (state.isEmpty())
            return reading(Verdict::NotYet, Tr::tr("systemctl printed nothing (exit code %1)").arg(exec.exitCode));
        if (check.kind == CheckKind::MoghaStopped)
            return active ? reading(Verdict::NotYet, Tr::tr("MogHA is still %1").arg(state))
                          : reading(Verdict::Pass, Tr::tr("MogHA is %1").arg(state));
        return active && state == QStringLiteral("active") ? reading(Verdict::Pass, Tr::tr("MogHA is active"))
                                                           : reading(Verdict::NotYet, Tr::tr("MogHA is %1").arg(state));
    }
    case CheckKind::PathsPresent:
        if (exec.exitCode == 0)
            return reading(Verdict::Pass, Tr::tr("present: %1").arg(check.paths.join(QStringLiteral(", "))));
        return reading(Verdict::Fail, Tr::tr("not all of these exist: %1").arg(check.paths.join(QStringLiteral(", "))));
    case CheckKind::BinaryVersion:
    case CheckKind::RunningVersion: {
        if (check.kind == CheckKind::RunningVersion && exec.exitCode != 0)
            return reading(Verdict::NotYet, Tr::tr("the database does not answer: %1").arg(firstLine(out)));
        MogdbVersion v;
        QString error;
        if (!VersionParser::parse(firstLine(out), &v, &error))
            return reading(Verdict::Fail, Tr::tr("version not understood: %1").arg(error));
        if (v.version != check.expectVersion) {
            const QString what = check.kind == CheckKind::RunningVersion
                ? Tr::tr("the running server is %1 %2 (build %3), expected %4; it was started from the old binaries")
                : Tr::tr("the binary is %1 %2 (build %3), expected %4");
            return reading(Verdict::Fail, what.arg(v.product, v.version, v.build, check.expectVersion));
        }
        return reading(Verdict::Pass, Tr::tr("%1 %2 (build %3)").arg(v.product, v.version, v.build));
    }
    case CheckKind::DbStopped:
    case CheckKind::DbRunning:
    case CheckKind::CaughtUp:
    case CheckKind::SwitchedOver:
        return judgeGsCtl(check, out);
    case CheckKind::ClusterStopped:
        return judgeGsOm(check, out);
    case CheckKind::ClusterNormal:
        return install == InstallMethod::Om ? judgeGsOm(check, out) : judgeGsCtl(check, out);
    }
    return reading(Verdict::Fail, Tr::tr("unknown check"));
}

CheckOutcome CheckEvaluator::evaluate(const Step& step, const CancelToken& cancel, const Progress& progress)
{
    CheckOutcome outcome;
    const Check& check = step.check;
    if (check.kind == CheckKind::None || check.command.isEmpty()) {
        outcome.passed = true;
        return outcome;
    }
    const NodeProfile* node = m_profile.node(step.node);
    if (!node) {
        outcome.detail = Tr::tr("node %1 is not in the profile").arg(step.node);
        return outcome;
    }
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer settled;
    QString lastDetail;
    while (true) {
        // One reading may take at most the check's whole budget (a hung tool must not outlast it).
        const CapturedRun run
            = runCaptured(m_executor, *node, check.command, std::clamp(check.timeoutMs, 1000, 60000), cancel);
        const ExecResult& exec = run.exec;
        outcome.lastOutput = run.out;
        outcome.lastErr = run.err;
        if (exec.cancelled || cancel.isCancelled()) {
            outcome.detail = Tr::tr("cancelled while checking");
            return outcome;
        }
        CheckReading r = exec.started ? judge(check, m_profile.installMethod, exec, run.out)
                                      : reading(Verdict::NotYet, exec.error);
        if (exec.timedOut)
            r = reading(Verdict::NotYet, exec.error);
        // What the node said on stderr belongs in the message when the reading is not the expected one
        // (a missing env file, a permission problem); it is never parsed.
        if (r.verdict != Verdict::Pass && !run.err.isEmpty())
            r.detail = Tr::tr("%1 (stderr: %2)").arg(r.detail, run.errExcerpt());
        if (r.detail != lastDetail && progress)
            progress(r.detail);
        lastDetail = r.detail;
        if (r.verdict == Verdict::Fail) {
            outcome.detail = r.detail;
            return outcome;
        }
        if (r.verdict == Verdict::Pass) {
            if (check.settleMs <= 0) {
                outcome.passed = true;
                outcome.detail = r.detail;
                return outcome;
            }
            if (!settled.isValid())
                settled.start();
            if (settled.elapsed() >= check.settleMs) {
                outcome.passed = true;
                outcome.detail = Tr::tr("%1, and stayed so for %2 s").arg(r.detail).arg(check.settleMs / 1000.0);
                return outcome;
            }
        } else if (settled.isValid()) {
            // It was stopped and came back by itself: something restarts it.
            outcome.detail = Tr::tr("%1 again %2 s after it had stopped: something restarted it "
                                    "(is MogHA or another watchdog still running on %3?)")
                                 .arg(r.detail)
                                 .arg(settled.elapsed() / 1000.0, 0, 'f', 1)
                                 .arg(step.node);
            return outcome;
        }
        if (clock.elapsed() > check.timeoutMs) {
            outcome.detail = Tr::tr("%1 (still so after %2 s)").arg(r.detail).arg(check.timeoutMs / 1000);
            return outcome;
        }
        // Poll again after the interval, waking early on cancel.
        QElapsedTimer nap;
        nap.start();
        while (nap.elapsed() < check.intervalMs && !cancel.isCancelled())
            QThread::msleep(20);
    }
}

CheckReading CheckEvaluator::readOnce(const Step& step, const CancelToken& cancel)
{
    const Check& check = step.check;
    const NodeProfile* node = m_profile.node(step.node);
    if (check.kind == CheckKind::None || check.command.isEmpty() || !node)
        return reading(Verdict::NotYet, QString());
    const CapturedRun run
        = runCaptured(m_executor, *node, check.command, std::clamp(check.timeoutMs, 1000, 60000), cancel);
    if (!run.exec.started || run.exec.timedOut || run.exec.cancelled)
        return reading(Verdict::NotYet, run.exec.error);
    return judge(check, m_profile.installMethod, run.exec, run.out);
}

} // namespace MogUp
