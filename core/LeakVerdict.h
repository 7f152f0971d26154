#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace MogUp {

// One sample of one memory series: the walsender's 'Wal Sender' context (bytes) on the node named by
// `series`, at one moment. Values are comparable only within one segment of a series (see
// LeakAnalysis::estimate): a switchover moves the walsender to another node, a restart starts a new one.
struct MemoryPoint
{
    qint64 msecsSinceEpoch = 0;
    double bytes = 0;
    QString series;
};

// How fast one window of samples grows, with how sure we are.
struct SlopeEstimate
{
    bool valid = false; // enough points and span to judge at all (kMinPoints, kMinSpanMs)
    double bytesPerHour = 0; // Theil–Sen: median of the within-segment pairwise slopes
    double lowBytesPerHour = 0; // 95 % interval (Sen's rank-based interval, widened by the block
    double highBytesPerHour = 0; // quantum when the series moves in whole blocks, see stepBytes)
    int points = 0; // points in segments that gave at least one slope
    int segments = 0; // such segments
    qint64 spanMs = 0; // total time the segments cover (gaps between them excluded)
    double noiseBytes = 0; // robust scatter of the residuals around the slope (1.4826 × MAD)
    double medianIntervalMs = 0; // between consecutive samples of a series
    // The resolution of the series: kBlockBytes when every change within a segment is a whole number of
    // AllocSet blocks (totalsize), 0 when it moves continuously (usedsize). A window that moves in blocks
    // cannot show a leak slower than one block per window, so the interval is never narrower than that.
    double stepBytes = 0;
    bool hasSlope() const { return points >= 2; }
};

enum class LeakVerdictKind
{
    NotEnoughData, // a window is too short, or its interval straddles the threshold: keep sampling
    LeakFixed, // before grew, after is flat
    StillGrowing, // after grows (whatever before did)
    NoLeakBefore, // before was flat: the upgrade cannot be shown to fix anything
    Growing, // one window only (monitoring without an upgrade): it grows
    NoGrowth // one window only: it does not grow
};

// Which window a NotEnoughData verdict waits for.
enum class LeakWindow
{
    Before,
    After
};

struct LeakVerdict
{
    LeakVerdictKind kind = LeakVerdictKind::NotEnoughData;
    bool oneWindow = false; // judged on `before` alone (no upgrade in between)
    SlopeEstimate before, after;
    int waitSeconds = -1; // NotEnoughData: about how much longer to sample `waitFor`, else -1
    LeakWindow waitFor = LeakWindow::After; // NotEnoughData: the window that needs more time
    QString sentence() const; // translated, one sentence with the figures
    QString kindName() const; // stable machine name: "leak-fixed", ... (JSON, logs)
};

namespace LeakAnalysis {

// Thresholds. Rates in bytes per hour.

// The rate a window must be shown to exceed to count as growing, and to stay under to count as flat
// (by its 95 % interval, not its point estimate). 64 KiB/h is eight 8 KiB AllocSet blocks an hour,
// 1.5 MiB a day: below it a walsender's growth is harmless and a window of tens of minutes could not tell
// it from a context taking a few blocks while it warms up; the 2.0.1 leak runs at a few MiB/h on real
// clusters (and ~130 MiB/h in the sandbox), far above. Deliberately absolute, with no relative term:
// relative to the level it would hide the leak exactly where it matters (a walsender that leaked for
// weeks holds GiBs and still grows a few MiB/h), and relative to the before-rate it would call a 2.0.3
// still growing 5 MiB/h "fixed" next to the sandbox's 130 MiB/h.
inline constexpr double kGrowthThresholdBytesPerHour = 64.0 * 1024;
// Fewer points cannot give an interval at all (Sen's interval on 5 points is already min..max of the
// 10 slopes).
inline constexpr int kMinPoints = 5;
// The interval assumes independent scatter; samples a few seconds apart are not (the context moves with
// the walsender's send cycle), so a burst of samples would look precise and say nothing per hour. A
// minute is 12 samples at the product's 5 s interval.
inline constexpr qint64 kMinSpanMs = 60 * 1000;
// The unit an AllocSet context grows by (ALLOCSET_DEFAULT_INITSIZE); see SlopeEstimate::stepBytes.
inline constexpr double kBlockBytes = 8192;
// A time gap longer than this many median intervals starts a new segment: the walsender may have
// restarted unseen (a failed sample or two stays below it: at 5 s sampling, 15 s).
inline constexpr double kGapFactor = 3.0;
// A drop starts a new segment (a new walsender starts small) when the level after it stays this far
// below the level before it: at least kMinDropBytes (eight blocks, above the few hundred bytes a flat
// walsender varies by) and kDropNoiseFactor times the sample-to-sample scatter. The levels are medians of
// kDropWindow points on each side, so one low or high sample (an outlier) is no drop.
inline constexpr double kMinDropBytes = 64.0 * 1024;
inline constexpr double kDropNoiseFactor = 8.0;
inline constexpr int kDropWindow = 3;
// 95 % two-sided.
inline constexpr double kZ95 = 1.959964;
// waitSeconds is an extrapolation of the current scatter (the interval narrows ~ span^-1.5 for evenly
// spaced samples, ~ span^-1 for the block quantum); beyond an hour it is a guess, and judging again
// with the data then in hand is better, so it is capped there.
inline constexpr int kMaxWaitSeconds = 3600;
// Theil–Sen needs every pair: past this many pairs the points are thinned evenly within each segment
// (every k-th), which keeps the span and widens the interval only slightly. 2 M pairs: ~2000 points,
// under 3 hours at 5 s, a few tens of ms.
inline constexpr qint64 kMaxPairs = 2000000;

SlopeEstimate estimate(const QList<MemoryPoint>& points);
// after empty: one window (monitoring without an upgrade) → Growing / NoGrowth / NotEnoughData.
// afterExpected: an upgrade happened, so an empty `after` is a window not sampled yet (NotEnoughData,
// waiting for it), not the absence of an upgrade.
LeakVerdict judge(const QList<MemoryPoint>& before, const QList<MemoryPoint>& after = {}, bool afterExpected = false);

// The human form of a rate: "2.4 ± 0.1 MiB/h" (unit chosen by magnitude), and of a span: "18 min".
QString rateText(double bytesPerHour, double halfWidthBytesPerHour);
QString spanText(qint64 ms);

} // namespace LeakAnalysis

} // namespace MogUp
