#include "LeakEvidence.h"

#include "Tr.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace MogUp {

double LeakEvidence::timeScale(const ClusterProfile& profile)
{
    if (profile.sandbox.isEmpty())
        return 1.0;
    QFile f(profile.sandbox + QStringLiteral("/sandbox.json"));
    if (!f.open(QIODevice::ReadOnly))
        return 1.0;
    const double speed = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("speed")).toDouble(1.0);
    return speed > 1.0 ? speed : 1.0;
}

QList<MemoryPoint> LeakEvidence::points(const QList<MemorySample>& samples, const QStringList& phases, double timeScale)
{
    QList<MemoryPoint> out;
    if (samples.isEmpty())
        return out;
    // Scaled from the first sample on, so the times stay small enough to scale without overflow.
    const qint64 origin = samples.first().time.toMSecsSinceEpoch();
    for (const MemorySample& s : samples) {
        if (!s.ok() || s.role != QStringLiteral("primary") || s.totalsize < 0 || s.freesize < 0 || !phases.contains(s.phase))
            continue;
        const qint64 ms = s.time.toMSecsSinceEpoch();
        out.append({ origin + qint64(double(ms - origin) * timeScale), double(s.totalsize - s.freesize), s.node });
    }
    return out;
}

LeakVerdict LeakEvidence::judge(const QList<MemorySample>& samples, double timeScale)
{
    const QList<MemoryPoint> before
        = points(samples, { QStringLiteral("before"), QStringLiteral("monitor") }, timeScale);
    const QList<MemoryPoint> after = points(samples, { QStringLiteral("after") }, timeScale);
    // Once the upgrade has begun, the verdict compares before with after, even before an "after" sample.
    bool upgraded = false;
    for (const MemorySample& s : samples)
        upgraded = upgraded || s.phase == QStringLiteral("upgrade") || s.phase == QStringLiteral("after");
    return LeakAnalysis::judge(before, after, upgraded);
}

QString LeakEvidence::explain(const LeakVerdict& verdict, double timeScale)
{
    const QString sentence = verdict.sentence();
    if (timeScale <= 1.0)
        return sentence;
    return Tr::tr("%1 (sandbox time: it runs %2 times faster than a real cluster's)").arg(sentence).arg(timeScale);
}

} // namespace MogUp
