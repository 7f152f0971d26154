#include "CliCommandList.h"
#include "Journal.h"
#include "LeakEvidence.h"
#include "MemorySampler.h"
#include "UpgradeSession.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace MogUp {

using namespace CliSupport;

namespace {

QJsonObject slopeJson(const SlopeEstimate& e)
{
    return QJsonObject { { QStringLiteral("valid"), e.valid }, { QStringLiteral("bytes_per_hour"), e.bytesPerHour },
        { QStringLiteral("low_bytes_per_hour"), e.lowBytesPerHour }, { QStringLiteral("high_bytes_per_hour"), e.highBytesPerHour },
        { QStringLiteral("points"), e.points }, { QStringLiteral("span_ms"), e.spanMs } };
}

QJsonObject sampleJson(const MemorySample& s)
{
    QJsonObject o { { QStringLiteral("time"), s.time.toUTC().toString(Qt::ISODateWithMs) }, { QStringLiteral("node"), s.node },
        { QStringLiteral("role"), s.role }, { QStringLiteral("version"), s.version }, { QStringLiteral("phase"), s.phase } };
    if (s.totalsize >= 0) {
        o.insert(QStringLiteral("totalsize"), s.totalsize);
        o.insert(QStringLiteral("freesize"), s.freesize);
    }
    if (!s.ok())
        o.insert(QStringLiteral("error"), s.error);
    return o;
}

} // namespace

int MonitorCommand::execute(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("profile"), Tr::tr("cluster profile (default with --run-dir: the run's own profile.json)"),
        QStringLiteral("P") });
    p.addOption({ QStringLiteral("interval"), Tr::tr("seconds between samples (default 5; a sandbox 5 / speed, at least 1)"),
        QStringLiteral("S") });
    p.addOption({ QStringLiteral("duration"), Tr::tr("seconds to sample (default 60; 0: until Ctrl-C)"), QStringLiteral("S"),
        QStringLiteral("60") });
    p.addOption({ QStringLiteral("run-dir"),
        Tr::tr("the run directory of an upgrade: its samples.csv is continued, so the verdict compares before and after"),
        QStringLiteral("D") });
    p.addOption({ QStringLiteral("json"), Tr::tr("print the samples and the verdict as JSON at the end") });
    if (!p.parse(args)) {
        m_err << QStringLiteral("mogup-cli monitor: ") << p.errorText() << Qt::endl;
        return 2;
    }
    const bool json = p.isSet(QStringLiteral("json"));
    const QString runDirArg = p.isSet(QStringLiteral("run-dir")) ? QFileInfo(p.value(QStringLiteral("run-dir"))).absoluteFilePath() : QString();
    const bool ofUpgrade = !runDirArg.isEmpty() && QFileInfo::exists(runDirArg + QStringLiteral("/journal.jsonl"));
    QString profilePath = p.value(QStringLiteral("profile"));
    if (profilePath.isEmpty() && ofUpgrade)
        profilePath = runDirArg + QStringLiteral("/profile.json");
    ClusterProfile profile;
    if (!loadProfile(profilePath, &profile, m_err))
        return 2;
    bool ok = false;
    int intervalMs = MemorySampler::defaultIntervalMs(profile);
    if (p.isSet(QStringLiteral("interval"))) {
        const double s = p.value(QStringLiteral("interval")).toDouble(&ok);
        if (!ok || s < 0.1 || s > 3600) {
            m_err << Tr::tr("mogup-cli monitor: --interval must be a number of seconds from 0.1 to 3600.") << Qt::endl;
            return 2;
        }
        intervalMs = int(s * 1000);
    }
    const double duration = p.value(QStringLiteral("duration")).toDouble(&ok);
    if (!ok || duration < 0) {
        m_err << Tr::tr("mogup-cli monitor: --duration must be a number of seconds (0: until Ctrl-C).") << Qt::endl;
        return 2;
    }

    // Where the samples go: the upgrade's run directory (after it: the window the verdict compares with
    // its baseline), the directory named, or a new one beside the runs.
    QString phase = QStringLiteral("monitor");
    QString dir = runDirArg;
    if (ofUpgrade) {
        QString last;
        Journal::stepOutcomes(dir, &last);
        phase = last == QStringLiteral("ok") ? QStringLiteral("after") : QStringLiteral("before");
    } else if (dir.isEmpty()) {
        dir = UpgradeSession::newMonitorDir(QString(), profile.name);
    }
    if (!QDir().mkpath(dir)) {
        m_err << Tr::tr("mogup-cli monitor: cannot create %1.").arg(dir) << Qt::endl;
        return 1;
    }
    CommandContext ctx;
    ctx.profile = profile;
    ctx.executor = makeExecutor(profile, &ctx.executorError);
    if (!requireExecutor(ctx, QStringLiteral("monitor")))
        return 2;

    const QString csv = dir + QStringLiteral("/samples.csv");
    MemorySampler sampler(profile, ctx.executor);
    sampler.setIntervalMs(intervalMs);
    sampler.setPhase(phase);
    QEventLoop loop;
    int taken = 0;
    int worked = 0;
    QObject::connect(&sampler, &MemorySampler::sampled, &loop, [&](const MemorySample& s) {
        ++taken;
        worked += s.ok();
        if (!json)
            printSample(s);
    });
    QObject::connect(&sampler, &MemorySampler::writeFailed, &loop,
        [this](const QString& e) { m_err << QStringLiteral("mogup-cli monitor: ") << e << Qt::endl; });
    QString error;
    if (!json) {
        m_out << Tr::tr("Sampling the walsender memory of every node every %1 s%2 into %3 (phase \"%4\"); Ctrl-C ends it.")
                     .arg(intervalMs / 1000.0)
                     .arg(duration > 0 ? Tr::tr(" for %1 s").arg(duration) : QString())
                     .arg(csv, phase)
              << Qt::endl;
    }
    if (!sampler.start(csv, &error)) {
        m_err << QStringLiteral("mogup-cli monitor: ") << error << Qt::endl;
        return 1;
    }
    QTimer end;
    end.setSingleShot(true);
    QObject::connect(&end, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (duration > 0)
        end.start(int(duration * 1000));
    onInterrupt(&loop, [&loop] { loop.quit(); });
    loop.exec();
    endInterrupt();
    sampler.stop();

    // The verdict over the whole file: with an upgrade's run directory, its baseline is in it too.
    QList<MemorySample> all;
    if (!MemorySampler::readCsv(csv, &all, &error)) {
        m_err << QStringLiteral("mogup-cli monitor: ") << error << Qt::endl;
        return 1;
    }
    const double scale = LeakEvidence::timeScale(profile);
    const LeakVerdict verdict = LeakEvidence::judge(all, scale);
    if (json) {
        QJsonArray samples;
        for (const MemorySample& s : std::as_const(all))
            samples.append(sampleJson(s));
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject {
                                                     { QStringLiteral("samples_file"), csv },
                                                     { QStringLiteral("time_scale"), scale },
                                                     { QStringLiteral("samples"), samples },
                                                     { QStringLiteral("verdict"),
                                                         QJsonObject { { QStringLiteral("kind"), verdict.kindName() },
                                                             { QStringLiteral("sentence"), LeakEvidence::explain(verdict, scale) },
                                                             { QStringLiteral("before"), slopeJson(verdict.before) },
                                                             { QStringLiteral("after"), slopeJson(verdict.after) },
                                                             { QStringLiteral("wait_seconds"), verdict.waitSeconds } } } })
                                       .toJson(QJsonDocument::Indented));
    } else {
        m_out << Tr::tr("%n sample(s) taken (%1 failed), every one kept in %2.", nullptr, taken).arg(taken - worked).arg(csv)
              << Qt::endl;
        m_out << Tr::tr("Verdict: %1").arg(LeakEvidence::explain(verdict, scale)) << Qt::endl;
    }
    m_out.flush();
    if (worked == 0) {
        m_err << Tr::tr("mogup-cli monitor: no sample worked; see the reasons above and in %1.").arg(csv) << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace MogUp
