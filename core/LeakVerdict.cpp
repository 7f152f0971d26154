#include "LeakVerdict.h"

#include "Tr.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace MogUp {

namespace LeakAnalysis {

namespace {

constexpr double kMsPerHour = 3600.0 * 1000.0;
// The MAD of normally distributed values is 0.6745 σ: this makes it an estimate of σ.
constexpr double kMadToSigma = 1.4826;
// The product samples every 5 s: the interval assumed for waitSeconds when a window has fewer than two
// samples to measure one from.
constexpr double kDefaultIntervalMs = 5000;
// waitSeconds aims for an interval whose edge clears the threshold by a fifth of the distance from the
// estimate, so that the next look usually settles it rather than landing on the edge.
constexpr double kWaitAimFraction = 0.8;

struct Sample
{
    double hours = 0; // since the window's first sample: small numbers keep the slopes exact
    double bytes = 0;
};
using Segment = QList<Sample>;

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    const qsizetype mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + mid, v.end());
    const double upper = v.at(mid);
    if (v.size() % 2)
        return upper;
    return (*std::max_element(v.begin(), v.begin() + mid) + upper) / 2;
}

double mad(const QList<double>& v)
{
    const double m = median(v);
    QList<double> dev;
    dev.reserve(v.size());
    for (double x : v)
        dev << std::abs(x - m);
    return median(dev);
}

double medianOf(const Segment& s, qsizetype from, qsizetype to) // [from, to)
{
    QList<double> v;
    for (qsizetype i = from; i < to; ++i)
        v << s.at(i).bytes;
    return median(v);
}

struct Segmentation
{
    QList<Segment> segments;
    double medianIntervalMs = 0;
};

// Splits the points into segments whose values are comparable: one series (node), no long gap, no lasting
// drop. Points of one series are kept together even when other series interleave with them.
Segmentation segment(const QList<MemoryPoint>& points)
{
    Segmentation out;
    if (points.isEmpty())
        return out;
    qint64 t0 = points.first().msecsSinceEpoch;
    for (const MemoryPoint& p : points)
        t0 = qMin(t0, p.msecsSinceEpoch);

    QStringList order;
    QHash<QString, QList<MemoryPoint>> bySeries;
    for (const MemoryPoint& p : points) {
        if (!bySeries.contains(p.series))
            order << p.series;
        bySeries[p.series] << p;
    }
    QList<double> intervals;
    for (auto& s : bySeries) {
        std::stable_sort(s.begin(), s.end(),
            [](const MemoryPoint& a, const MemoryPoint& b) { return a.msecsSinceEpoch < b.msecsSinceEpoch; });
        for (qsizetype i = 1; i < s.size(); ++i) {
            const qint64 d = s.at(i).msecsSinceEpoch - s.at(i - 1).msecsSinceEpoch;
            if (d > 0)
                intervals << double(d);
        }
    }
    out.medianIntervalMs = median(intervals);

    // Gaps: a new segment wherever the walsender may have restarted unseen.
    QList<Segment> runs;
    for (const QString& name : std::as_const(order)) {
        Segment run;
        qint64 last = 0;
        for (const MemoryPoint& p : std::as_const(bySeries[name])) {
            if (!run.isEmpty() && out.medianIntervalMs > 0
                && double(p.msecsSinceEpoch - last) > kGapFactor * out.medianIntervalMs) {
                runs << run;
                run.clear();
            }
            run << Sample { double(p.msecsSinceEpoch - t0) / kMsPerHour, p.bytes };
            last = p.msecsSinceEpoch;
        }
        runs << run;
    }

    // Drops: how much a value moves from one sample to the next when nothing happens, from the spread of
    // the successive differences (the spread of a difference is √2 that of a value). Growth shifts every
    // difference alike, so it does not count as scatter.
    QList<double> diffs;
    for (const Segment& r : std::as_const(runs)) {
        for (qsizetype i = 1; i < r.size(); ++i)
            diffs << r.at(i).bytes - r.at(i - 1).bytes;
    }
    const double scatter = kMadToSigma * mad(diffs) / std::sqrt(2.0);
    const double dropBytes = qMax(kMinDropBytes, kDropNoiseFactor * scatter);
    for (const Segment& r : std::as_const(runs)) {
        qsizetype start = 0;
        for (qsizetype j = 1; j + kDropWindow <= r.size(); ++j) {
            // Both levels within the current segment, so the start of a new walsender counts only once.
            const double levelBefore = medianOf(r, qMax(start, j - kDropWindow), j);
            const double levelAfter = medianOf(r, j, j + kDropWindow);
            if (levelBefore - levelAfter > dropBytes) {
                out.segments << r.mid(start, j - start);
                start = j;
            }
        }
        out.segments << r.mid(start);
    }
    return out;
}

// Every k-th point of each segment (keeping each segment's last point, so the span stays whole) when all
// pairs would be too many.
QList<Segment> thinned(const QList<Segment>& segments)
{
    qint64 pairs = 0;
    for (const Segment& s : segments)
        pairs += qint64(s.size()) * (s.size() - 1) / 2;
    if (pairs <= kMaxPairs)
        return segments;
    const qsizetype stride = qsizetype(std::ceil(std::sqrt(double(pairs) / double(kMaxPairs))));
    QList<Segment> out;
    for (const Segment& s : segments) {
        Segment t;
        for (qsizetype i = 0; i < s.size(); i += stride)
            t << s.at(i);
        if ((s.size() - 1) % stride)
            t << s.last();
        out << t;
    }
    return out;
}

// Var(S) of the Mann–Kendall statistic of one segment, with the correction for tied values (a series that
// moves in whole blocks has many).
double kendallVariance(const Segment& s)
{
    const double n = double(s.size());
    double v = n * (n - 1) * (2 * n + 5);
    QHash<double, int> ties;
    for (const Sample& x : s)
        ++ties[x.bytes];
    for (int t : std::as_const(ties)) {
        if (t > 1)
            v -= double(t) * (t - 1) * (2.0 * t + 5);
    }
    return v / 18.0;
}

bool movesInBlocks(const QList<Segment>& segments)
{
    for (const Segment& s : segments) {
        for (qsizetype i = 1; i < s.size(); ++i) {
            const double d = std::abs(s.at(i).bytes - s.at(i - 1).bytes);
            if (std::fmod(d, kBlockBytes) != 0)
                return false;
        }
    }
    return true;
}

enum class Trend
{
    Growing,
    Flat,
    Undecided
};

Trend trendOf(const SlopeEstimate& e)
{
    if (!e.valid)
        return Trend::Undecided;
    if (e.lowBytesPerHour > kGrowthThresholdBytesPerHour)
        return Trend::Growing;
    if (e.highBytesPerHour < kGrowthThresholdBytesPerHour)
        return Trend::Flat;
    return Trend::Undecided;
}

// How much longer the window must run before its interval clears the threshold on the side its estimate
// lies, assuming the rate stays what it is now. The half-width at a longer span T' is the largest of: the
// one seen now scaled by (T/T')^1.5 (evenly spaced samples: n ∝ T, and the slope's error ∝ σ/(√n·T)); the
// same from the residual noise directly (least squares' σ·√12/(√n·T), Theil–Sen is close to it); and the
// block quantum over T'. The largest of these, so an unrepresentative first interval errs long.
int waitSecondsFor(const SlopeEstimate& e)
{
    const double intervalMs = e.medianIntervalMs > 0 ? e.medianIntervalMs : kDefaultIntervalMs;
    double needMs
        = qMax(0.0, double(qMax<qint64>(kMinSpanMs, qint64((kMinPoints - 1) * intervalMs))) - e.spanMs);
    needMs = qMax(needMs, (kMinPoints - e.points) * intervalMs);
    if (e.hasSlope() && e.spanMs > 0) {
        const double spanMs = double(e.spanMs);
        // Aim inside the threshold, not at it: the estimate itself moves as samples come in.
        const double margin = kWaitAimFraction * std::abs(e.bytesPerHour - kGrowthThresholdBytesPerHour);
        const double seen = e.bytesPerHour > kGrowthThresholdBytesPerHour
            ? e.bytesPerHour - e.lowBytesPerHour
            : e.highBytesPerHour - e.bytesPerHour;
        auto halfWidthAt = [&](double tMs) {
            const double n = qMax(double(e.points), double(e.points) * tMs / spanMs);
            const double hours = tMs / kMsPerHour;
            const double scaled = seen * std::pow(spanMs / tMs, 1.5);
            const double fromNoise = kZ95 * e.noiseBytes * std::sqrt(12.0) / (std::sqrt(n) * hours);
            const double quantum = e.stepBytes / hours;
            return qMax(scaled, qMax(fromNoise, quantum));
        };
        const double capMs = spanMs + kMaxWaitSeconds * 1000.0;
        double tMs = capMs;
        if (margin > 0 && halfWidthAt(capMs) < margin) {
            double lo = spanMs, hi = capMs;
            for (int i = 0; i < 50; ++i) {
                const double mid = (lo + hi) / 2;
                (halfWidthAt(mid) < margin ? hi : lo) = mid;
            }
            tMs = hi;
        }
        needMs = qMax(needMs, tMs - spanMs);
    }
    needMs = qMax(needMs, intervalMs);
    return qBound(1, int(std::ceil(needMs / 1000.0)), kMaxWaitSeconds);
}

QString windowText(const SlopeEstimate& e)
{
    if (!e.hasSlope())
        return Tr::tr("too few samples");
    const QString rate = rateText(e.bytesPerHour, (e.highBytesPerHour - e.lowBytesPerHour) / 2);
    const QString span = spanText(e.spanMs);
    switch (trendOf(e)) {
    case Trend::Growing:
        return Tr::tr("grew %1 over %2").arg(rate, span);
    case Trend::Flat:
        return Tr::tr("flat (%1 over %2)").arg(rate, span);
    case Trend::Undecided:
        break;
    }
    return Tr::tr("not conclusive yet (%1 over %2)").arg(rate, span);
}

} // namespace

SlopeEstimate estimate(const QList<MemoryPoint>& points)
{
    SlopeEstimate e;
    const Segmentation seg = segment(points);
    e.medianIntervalMs = seg.medianIntervalMs;
    QList<Segment> used;
    for (const Segment& s : seg.segments) {
        if (s.size() >= 2 && s.last().hours > s.first().hours)
            used << s;
    }
    for (const Segment& s : std::as_const(used)) {
        e.points += int(s.size());
        e.spanMs += qRound64((s.last().hours - s.first().hours) * kMsPerHour);
    }
    e.segments = int(used.size());
    if (used.isEmpty())
        return e;

    const QList<Segment> pairsOf = thinned(used);
    QList<double> slopes;
    double varianceS = 0;
    for (const Segment& s : pairsOf) {
        for (qsizetype i = 0; i < s.size(); ++i) {
            for (qsizetype j = i + 1; j < s.size(); ++j) {
                const double dt = s.at(j).hours - s.at(i).hours;
                if (dt > 0)
                    slopes << (s.at(j).bytes - s.at(i).bytes) / dt;
            }
        }
        varianceS += kendallVariance(s);
    }
    if (slopes.isEmpty())
        return e;
    e.bytesPerHour = median(slopes);

    // Sen's interval: the slopes ranked (N - C)/2 and (N + C)/2 + 1, C = z·√Var(S); rounded outwards.
    const qsizetype n = slopes.size();
    const double c = kZ95 * std::sqrt(qMax(0.0, varianceS));
    const qsizetype lowIdx = qBound<qsizetype>(0, qsizetype(std::floor((n - c) / 2)) - 1, n - 1);
    const qsizetype highIdx = qBound<qsizetype>(0, qsizetype(std::ceil((n + c) / 2)), n - 1);
    std::nth_element(slopes.begin(), slopes.begin() + lowIdx, slopes.end());
    e.lowBytesPerHour = qMin(slopes.at(lowIdx), e.bytesPerHour);
    std::nth_element(slopes.begin(), slopes.begin() + highIdx, slopes.end());
    e.highBytesPerHour = qMax(slopes.at(highIdx), e.bytesPerHour);

    e.stepBytes = movesInBlocks(used) ? kBlockBytes : 0;
    if (e.stepBytes > 0) {
        const double quantum = e.stepBytes / (double(e.spanMs) / kMsPerHour);
        e.lowBytesPerHour = qMin(e.lowBytesPerHour, e.bytesPerHour - quantum);
        e.highBytesPerHour = qMax(e.highBytesPerHour, e.bytesPerHour + quantum);
    }

    // Residuals around the common slope, each segment at its own level.
    QList<double> residuals;
    for (const Segment& s : std::as_const(used)) {
        QList<double> offsets;
        for (const Sample& x : s)
            offsets << x.bytes - e.bytesPerHour * x.hours;
        const double level = median(offsets);
        for (double o : std::as_const(offsets))
            residuals << o - level;
    }
    e.noiseBytes = kMadToSigma * mad(residuals);

    e.valid = e.points >= kMinPoints && e.spanMs >= kMinSpanMs;
    return e;
}

LeakVerdict judge(const QList<MemoryPoint>& before, const QList<MemoryPoint>& after, bool afterExpected)
{
    LeakVerdict v;
    v.before = estimate(before);
    const Trend b = trendOf(v.before);
    if (after.isEmpty() && !afterExpected) {
        v.oneWindow = true;
        v.waitFor = LeakWindow::Before;
        if (b == Trend::Growing) {
            v.kind = LeakVerdictKind::Growing;
        } else if (b == Trend::Flat) {
            v.kind = LeakVerdictKind::NoGrowth;
        } else {
            v.kind = LeakVerdictKind::NotEnoughData;
            v.waitSeconds = waitSecondsFor(v.before);
        }
        return v;
    }
    v.after = estimate(after);
    const Trend a = trendOf(v.after);
    if (a == Trend::Growing) {
        v.kind = LeakVerdictKind::StillGrowing;
    } else if (b == Trend::Flat) {
        // After is flat or not yet known: either way nothing grew that the upgrade could have stopped.
        v.kind = LeakVerdictKind::NoLeakBefore;
    } else if (b == Trend::Growing && a == Trend::Flat) {
        v.kind = LeakVerdictKind::LeakFixed;
    } else {
        v.kind = LeakVerdictKind::NotEnoughData;
        // After is the window that can still grow; before counts only once after is settled.
        v.waitFor = a == Trend::Undecided ? LeakWindow::After : LeakWindow::Before;
        v.waitSeconds = waitSecondsFor(v.waitFor == LeakWindow::After ? v.after : v.before);
    }
    return v;
}

QString rateText(double bytesPerHour, double halfWidthBytesPerHour)
{
    const double magnitude = qMax(std::abs(bytesPerHour), std::abs(halfWidthBytesPerHour));
    double scale = 1;
    QString unit = QStringLiteral("B");
    if (magnitude >= 1024.0 * 1024 * 1024) {
        scale = 1024.0 * 1024 * 1024;
        unit = QStringLiteral("GiB");
    } else if (magnitude >= 1024.0 * 1024) {
        scale = 1024.0 * 1024;
        unit = QStringLiteral("MiB");
    } else if (magnitude >= 1024) {
        scale = 1024;
        unit = QStringLiteral("KiB");
    }
    const double rate = bytesPerHour / scale;
    const double half = std::abs(halfWidthBytesPerHour) / scale;
    // As many decimals as show the half-width's first digit ("2.4 ± 0.1", "0.00 ± 0.05"), but no more than
    // two significant digits of the rate ("132 ± 0", not "131.812 ± 0.004": nobody needs a leak rate to
    // 0.1 %); whole bytes.
    const double resolution = qMax(half, std::abs(rate) / 10);
    int decimals = 1;
    if (scale == 1)
        decimals = 0;
    else if (resolution > 0)
        decimals = qBound(0, int(-std::floor(std::log10(resolution))), 3);
    QString rateNumber = QString::number(rate, 'f', decimals);
    if (rateNumber.toDouble() == 0) // no "-0.0"
        rateNumber = QString::number(0.0, 'f', decimals);
    return Tr::tr("%1 ± %2 %3/h").arg(rateNumber, QString::number(half, 'f', decimals), unit);
}

QString spanText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, (ms + 500) / 1000);
    if (seconds < 120)
        return Tr::tr("%1 s").arg(seconds);
    if (seconds < 120 * 60)
        return Tr::tr("%1 min").arg((seconds + 30) / 60);
    return Tr::tr("%1 h").arg(QString::number(double(seconds) / 3600, 'f', 1));
}

} // namespace LeakAnalysis

QString LeakVerdict::sentence() const
{
    using namespace LeakAnalysis;
    const QString b = windowText(before);
    const QString a = windowText(after);
    const QString wait = spanText(qint64(waitSeconds) * 1000);
    switch (kind) {
    case LeakVerdictKind::LeakFixed:
        return Tr::tr("%1 before, %2 after: leak fixed").arg(b, a);
    case LeakVerdictKind::StillGrowing:
        return Tr::tr("%1 before, %2 after: still growing after the upgrade, leak not fixed").arg(b, a);
    case LeakVerdictKind::NoLeakBefore:
        return Tr::tr("%1 before, %2 after: no growth before the upgrade (e.g. no standby archiving, "
                      "archive_mode off), so the upgrade cannot be shown to fix anything")
            .arg(b, a);
    case LeakVerdictKind::Growing:
        return Tr::tr("%1: growing").arg(b);
    case LeakVerdictKind::NoGrowth:
        return Tr::tr("%1: no growth").arg(b);
    case LeakVerdictKind::NotEnoughData:
        break;
    }
    if (oneWindow)
        return Tr::tr("%1: not enough data yet, keep sampling for about %2").arg(b, wait);
    if (waitFor == LeakWindow::After)
        return Tr::tr(
            "%1 before, %2 after: not enough data yet, keep sampling after the upgrade for about %3")
            .arg(b, a, wait);
    return Tr::tr("%1 before, %2 after: not enough data before the upgrade, it needed about %3 more")
        .arg(b, a, wait);
}

QString LeakVerdict::kindName() const
{
    switch (kind) {
    case LeakVerdictKind::NotEnoughData:
        return QStringLiteral("not-enough-data");
    case LeakVerdictKind::LeakFixed:
        return QStringLiteral("leak-fixed");
    case LeakVerdictKind::StillGrowing:
        return QStringLiteral("still-growing");
    case LeakVerdictKind::NoLeakBefore:
        return QStringLiteral("no-leak-before");
    case LeakVerdictKind::Growing:
        return QStringLiteral("growing");
    case LeakVerdictKind::NoGrowth:
        return QStringLiteral("no-growth");
    }
    return {};
}

} // namespace MogUp
