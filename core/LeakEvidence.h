#pragma once

#include "LeakVerdict.h"
#include "MemorySampler.h"
#include "Profile.h"

#include <QList>
#include <QString>

namespace MogUp {

// What a leak verdict is judged on, in one place for the session, the CLI's monitor and the report: the
// walsender memory in use (totalsize − freesize: what the context holds, which grows smoothly, where
// totalsize moves in whole 8 KiB blocks) of whichever node was primary at each sample. "before" and
// "monitor" rows form the window before the upgrade (or the only window), "after" rows the window after
// it; rows taken while the upgrade ran ("upgrade") belong to neither.
class LeakEvidence
{
public:
    // A sandbox runs its time `speed` times faster than a real cluster (DIR/sandbox.json), the walsender
    // leak included: its samples are judged in that time, so the thresholds made for real clusters
    // (LeakAnalysis) apply, and the rates read as a real cluster's would. 1 for a real cluster.
    static double timeScale(const ClusterProfile& profile);
    static QList<MemoryPoint> points(const QList<MemorySample>& samples, const QStringList& phases, double timeScale);
    static LeakVerdict judge(const QList<MemorySample>& samples, double timeScale);
    // The verdict's sentence, and for a sandbox a note that its figures are in sandbox time.
    static QString explain(const LeakVerdict& verdict, double timeScale);
};

} // namespace MogUp
