#include "LeakVerdict.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>

using namespace MogUp;

Q_DECLARE_METATYPE(QList<MemoryPoint>)

namespace {

constexpr double KiB = 1024;
constexpr double MiB = 1024 * 1024;
constexpr qint64 kT0 = 1700000000000; // any fixed moment: nothing here reads the clock
constexpr double kBase = 8413184; // a healthy 'Wal Sender' context: 8216 kB

// A synthetic 'Wal Sender' series, deterministic (seeded).
struct Series
{
    QString node = QStringLiteral("node1");
    qint64 startMs = kT0;
    int intervalMs = 5000;
    int count = 0;
    double base = kBase;
    double perHour = 0; // true growth rate
    double noise = 0; // σ of Gaussian scatter (bytes)
    bool blocks = false; // totalsize: the growth shows in whole 8 KiB blocks, as AllocSet allocates
    bool jitter = false; // usedsize of a flat walsender in the sandbox: 0..12 × 32 bytes come and go
    quint32 seed = 1;

    QList<MemoryPoint> points() const
    {
        QRandomGenerator rng(seed);
        QList<MemoryPoint> out;
        for (int i = 0; i < count; ++i) {
            const qint64 ms = startMs + qint64(i) * intervalMs;
            const double grown = perHour * double(ms - startMs) / 3600000.0;
            double v = base + (blocks ? std::ceil(grown / 8192) * 8192 : grown);
            if (noise > 0) {
                // Box–Muller
                const double u1 = 1.0 - rng.generateDouble(), u2 = rng.generateDouble();
                v += noise * std::sqrt(-2 * std::log(u1)) * std::cos(2 * 3.14159265358979 * u2);
            }
            if (jitter)
                v -= rng.bounded(13) * 32;
            out << MemoryPoint { ms, v, node };
        }
        return out;
    }
    Series then(int minutes) const // the next stretch, starting `minutes` after this one started
    {
        Series s = *this;
        s.startMs = startMs + qint64(minutes) * 60000;
        s.seed = seed + 1;
        return s;
    }
};

Series growth(double perHour, int minutes, int intervalMs = 5000)
{
    Series s;
    s.perHour = perHour;
    s.intervalMs = intervalMs;
    s.count = int(qint64(minutes) * 60000 / intervalMs) + 1;
    return s;
}

Series flat(int minutes, int intervalMs = 5000)
{
    Series s = growth(0, minutes, intervalMs);
    s.jitter = true;
    return s;
}

// The sandbox at its default speed: 64 bytes × 10 loops/s × 60 = 38400 B/s, in whole blocks (totalsize).
Series sandboxLeak(int seconds, int intervalMs = 2000)
{
    Series s;
    s.perHour = 38400.0 * 3600;
    s.blocks = true;
    s.intervalMs = intervalMs;
    s.count = seconds * 1000 / intervalMs + 1;
    return s;
}

QList<MemoryPoint> withoutRange(QList<MemoryPoint> p, int from, int n)
{
    p.remove(from, n);
    return p;
}

// The figures a user reads in a sentence: "<rate> ± <half> <unit>/h", in bytes per hour.
struct Figure
{
    double rate = 0, half = 0;
};
QList<Figure> figures(const QString& sentence)
{
    static const QRegularExpression re(QStringLiteral("(-?[0-9.]+) ± ([0-9.]+) (B|KiB|MiB|GiB)/h"));
    QList<Figure> out;
    for (auto it = re.globalMatch(sentence); it.hasNext();) {
        const auto m = it.next();
        const QString u = m.captured(3);
        const double scale = u == QLatin1String("GiB") ? MiB * KiB
            : u == QLatin1String("MiB")                ? MiB
            : u == QLatin1String("KiB")                ? KiB
                                                       : 1;
        out << Figure { m.captured(1).toDouble() * scale, m.captured(2).toDouble() * scale };
    }
    return out;
}

} // namespace

class Tst_LeakVerdict : public QObject
{
    Q_OBJECT

private slots:
    void slope_data();
    void slope();
    void verdict_data();
    void verdict();
    void waitIsLongEnough_data();
    void waitIsLongEnough();
    void sentenceShowsTheFigures();
    void rateText_data();
    void rateText();
    void kindNames();
};

// The rate, robust to what real samples do: noise, whole-block steps, a spike, missing samples, a
// switchover or a restart in the middle of a window.
void Tst_LeakVerdict::slope_data()
{
    QTest::addColumn<QList<MemoryPoint>>("points");
    QTest::addColumn<double>("perHour"); // the true rate
    QTest::addColumn<double>("tolerance"); // bytes/h
    QTest::addColumn<int>("segments");

    QTest::newRow("clean growth, 2 MiB/h, 5 s for 30 min")
        << growth(2 * MiB, 30).points() << 2 * MiB << 1.0 << 1;
    {
        Series s = growth(2 * MiB, 30);
        s.noise = 4 * KiB;
        QTest::newRow("growth + noise (σ 4 KiB)") << s.points() << 2 * MiB << 0.05 * MiB << 1;
    }
    {
        Series s = growth(2 * MiB, 30);
        s.blocks = true;
        QTest::newRow("growth in 8 KiB steps (totalsize), 2 MiB/h")
            << s.points() << 2 * MiB << 0.05 * MiB << 1;
    }
    {
        Series s = growth(256 * KiB, 60);
        s.blocks = true;
        QTest::newRow("slow growth in 8 KiB steps, 256 KiB/h over 1 h (a block every 2 min)")
            << s.points() << 256 * KiB << 16 * KiB << 1;
    }
    {
        Series s = growth(1 * MiB, 180);
        s.noise = 2 * KiB;
        QTest::newRow("3 h at 5 s: more pairs than kMaxPairs, thinned")
            << s.points() << 1 * MiB << 4 * KiB << 1;
    }
    QTest::newRow("sandbox leak, 38 KB/s in 8 KiB steps, 2 s for 3 min")
        << sandboxLeak(180).points() << 38400.0 * 3600 << 0.02 * 38400 * 3600 << 1;
    {
        Series s = flat(20);
        QTest::newRow("flat, a few hundred bytes come and go") << s.points() << 0.0 << 4 * KiB << 1;
        s.jitter = false;
        s.noise = 300;
        QTest::newRow("flat, Gaussian noise σ 300 B") << s.points() << 0.0 << 4 * KiB << 1;
    }
    {
        QList<MemoryPoint> p = growth(2 * MiB, 30).points();
        p[180].bytes += 50 * MiB;
        QTest::newRow("growth with one spike of +50 MiB") << p << 2 * MiB << 0.01 * MiB << 1;
        QList<MemoryPoint> q = flat(20).points();
        q[120].bytes += 20 * MiB;
        q[121].bytes -= 5 * MiB;
        QTest::newRow("flat with one spike up and one down") << q << 0.0 << 4 * KiB << 1;
    }
    {
        QList<MemoryPoint> p = growth(2 * MiB, 30).points();
        p = withoutRange(p, 250, 40); // ~3 min lost
        p = withoutRange(p, 100, 1); // one failed sample: no new segment
        p = withoutRange(p, 60, 10);
        QTest::newRow("missing samples (two gaps and one lone miss)") << p << 2 * MiB << 0.01 * MiB << 3;
    }
    {
        // Switchover after 15 min: node2's walsender starts from its own, lower level.
        Series a = growth(2 * MiB, 15);
        a.base = kBase + 40 * MiB;
        Series b = growth(2 * MiB, 15);
        b.node = QStringLiteral("node2");
        b.startMs = kT0 + 15 * 60000 + 10000;
        QTest::newRow("role change, the new primary starts lower and grows")
            << a.points() + b.points() << 2 * MiB << 0.01 * MiB << 2;
        Series c = flat(15);
        c.base = kBase + 40 * MiB;
        Series d = flat(15);
        d.node = QStringLiteral("node2");
        d.startMs = b.startMs;
        QTest::newRow("role change, both flat at different levels")
            << c.points() + d.points() << 0.0 << 8 * KiB << 2;
        // Switchover and switch back: node1's two stretches are separate segments (the gap).
        Series e = growth(2 * MiB, 10);
        Series f = e.then(11);
        f.node = QStringLiteral("node2");
        f.base = kBase + 1 * MiB;
        Series g = e.then(22);
        g.base = kBase + 0.5 * MiB;
        QTest::newRow("switchover and switch back")
            << e.points() + f.points() + g.points() << 2 * MiB << 0.01 * MiB << 3;
    }
    {
        // The walsender restarts (same node, no gap): the new one starts small and grows again.
        Series a = growth(2 * MiB, 15);
        a.base = kBase + 20 * MiB;
        Series b = growth(2 * MiB, 15);
        b.startMs = kT0 + 15 * 60000 + 5000;
        b.seed = 7;
        QTest::newRow("restart without a gap: a new walsender starts small")
            << a.points() + b.points() << 2 * MiB << 0.01 * MiB << 2;
    }
}

void Tst_LeakVerdict::slope()
{
    QFETCH(QList<MemoryPoint>, points);
    QFETCH(double, perHour);
    QFETCH(double, tolerance);
    QFETCH(int, segments);
    const SlopeEstimate e = LeakAnalysis::estimate(points);
    QVERIFY(e.valid);
    QCOMPARE(e.segments, segments);
    QVERIFY2(std::abs(e.bytesPerHour - perHour) <= tolerance,
        qPrintable(
            QStringLiteral("%1 B/h, expected %2 ± %3").arg(e.bytesPerHour).arg(perHour).arg(tolerance)));
    // The interval holds the estimate and is no wider than the data warrants.
    QVERIFY(e.lowBytesPerHour <= e.bytesPerHour && e.bytesPerHour <= e.highBytesPerHour);
    QVERIFY2(e.lowBytesPerHour - tolerance <= perHour && perHour <= e.highBytesPerHour + tolerance,
        qPrintable(QStringLiteral("[%1, %2]").arg(e.lowBytesPerHour).arg(e.highBytesPerHour)));
    QVERIFY2(e.highBytesPerHour - e.lowBytesPerHour < qMax(0.1 * perHour, 64 * KiB),
        qPrintable(QStringLiteral("[%1, %2]").arg(e.lowBytesPerHour).arg(e.highBytesPerHour)));
}

void Tst_LeakVerdict::verdict_data()
{
    QTest::addColumn<QList<MemoryPoint>>("before");
    QTest::addColumn<QList<MemoryPoint>>("after"); // empty: one window
    QTest::addColumn<QString>("expected"); // kindName(), and for not-enough-data the window waited for

    const QList<MemoryPoint> none;
    const QList<MemoryPoint> realLeak = growth(2 * MiB, 30).points();
    Series noisyLeak = growth(2 * MiB, 30);
    noisyLeak.noise = 4 * KiB;
    const QList<MemoryPoint> realFlat = flat(18).points();
    Series flatTotal = growth(0, 20); // totalsize of a flat walsender: constant
    Series stepLeak = growth(3 * MiB, 30);
    stepLeak.blocks = true;

    // Too little to judge.
    QTest::newRow("3 samples") << growth(2 * MiB, 30).points().mid(0, 3) << none
                               << "not-enough-data (wait for before)";
    {
        Series s = growth(2 * MiB, 0, 1000);
        s.count = 30;
        QTest::newRow("30 samples over 29 s (below the minimum span)")
            << s.points() << none << "not-enough-data (wait for before)";
    }
    QTest::newRow("no samples at all") << none << none << "not-enough-data (wait for before)";
    {
        Series s = growth(64 * KiB, 20);
        s.noise = 2 * KiB;
        QTest::newRow("growth right at the threshold (64 KiB/h)")
            << s.points() << none << "not-enough-data (wait for before)";
    }

    // One window: monitoring without an upgrade.
    QTest::newRow("one window, real leak 2 MiB/h") << realLeak << none << "growing";
    QTest::newRow("one window, noisy leak") << noisyLeak.points() << none << "growing";
    QTest::newRow("one window, leak in 8 KiB steps") << stepLeak.points() << none << "growing";
    QTest::newRow("one window, sandbox leak for 1 min") << sandboxLeak(60).points() << none << "growing";
    QTest::newRow("one window, flat") << realFlat << none << "no-growth";
    QTest::newRow("one window, flat totalsize for 20 min") << flatTotal.points() << none << "no-growth";
    {
        Series a = flat(10);
        a.base = kBase + 40 * MiB;
        Series b = flat(10);
        b.node = QStringLiteral("node2");
        b.startMs = kT0 + 10 * 60000 + 8000;
        QTest::newRow("one window, flat across a switchover to a lower node")
            << a.points() + b.points() << none << "no-growth";
        Series c = growth(2 * MiB, 10);
        c.base = kBase + 40 * MiB;
        Series d = growth(2 * MiB, 10);
        d.node = QStringLiteral("node2");
        d.startMs = b.startMs;
        QTest::newRow("one window, growing across a switchover to a lower node")
            << c.points() + d.points() << none << "growing";
    }

    // Both windows.
    QTest::newRow("grew before, flat after: leak fixed") << realLeak << realFlat << "leak-fixed";
    QTest::newRow("grew in steps before, flat totalsize after: leak fixed")
        << stepLeak.points() << flatTotal.points() << "leak-fixed";
    QTest::newRow("sandbox: 3 min of leak, 2 min of flat usedsize after")
        << sandboxLeak(180).points() << flat(2, 2000).points() << "leak-fixed";
    QTest::newRow("sandbox: flat totalsize for 2 min cannot rule out a slow leak yet")
        << sandboxLeak(180).points() << growth(0, 2, 2000).points() << "not-enough-data (wait for after)";
    QTest::newRow("sandbox: flat totalsize for 10 min")
        << sandboxLeak(180).points() << growth(0, 10, 2000).points() << "leak-fixed";
    QTest::newRow("grew before, grows after: still growing")
        << realLeak << stepLeak.points() << "still-growing";
    QTest::newRow("flat before, grows after: still growing") << realFlat << realLeak << "still-growing";
    QTest::newRow("flat before, flat after: no leak before")
        << realFlat << flatTotal.points() << "no-leak-before";
    QTest::newRow("flat before, after not known yet: no leak before")
        << realFlat << flat(0).points() << "no-leak-before";
    QTest::newRow("grew before, after too short")
        << realLeak << flat(0).points() << "not-enough-data (wait for after)";
    QTest::newRow("before too short, flat after")
        << realLeak.mid(0, 4) << realFlat << "not-enough-data (wait for before)";
    {
        // The upgrade was rolling: after it, the primary is another node, whose new walsender is lower.
        Series b = flat(18);
        b.node = QStringLiteral("node2");
        b.base = kBase - 4 * KiB;
        QTest::newRow("grew before on node1, flat after on node2") << realLeak << b.points() << "leak-fixed";
    }
}

void Tst_LeakVerdict::verdict()
{
    QFETCH(QList<MemoryPoint>, before);
    QFETCH(QList<MemoryPoint>, after);
    QFETCH(QString, expected);
    const LeakVerdict v = LeakAnalysis::judge(before, after);
    QString seen = v.kindName();
    if (v.kind == LeakVerdictKind::NotEnoughData)
        seen += v.waitFor == LeakWindow::Before ? QStringLiteral(" (wait for before)")
                                                : QStringLiteral(" (wait for after)");
    QVERIFY2(seen == expected, qPrintable(seen + QStringLiteral(": ") + v.sentence()));
    QCOMPARE(v.oneWindow, after.isEmpty());
    if (v.kind == LeakVerdictKind::NotEnoughData) {
        QVERIFY2(v.waitSeconds > 0 && v.waitSeconds <= LeakAnalysis::kMaxWaitSeconds,
            qPrintable(QString::number(v.waitSeconds)));
        QVERIFY2(v.sentence().contains(QStringLiteral("about ")), qPrintable(v.sentence()));
    } else {
        QCOMPARE(v.waitSeconds, -1);
    }
}

// Sampling for as long as waitSeconds said settles the verdict (the same series, continued), and the wait
// named is bounded (it errs long, by design, but not absurdly).
void Tst_LeakVerdict::waitIsLongEnough_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("minutes"); // sampled so far
    QTest::addColumn<QString>("settled");
    QTest::addColumn<int>("maxWait"); // seconds
    QTest::newRow("flat usedsize, 3 samples") << "flat" << 0 << "no-growth" << 120;
    QTest::newRow("flat totalsize, 2 min (a slow leak would not have taken a block yet)")
        << "flat-total" << 2 << "no-growth" << 600;
    QTest::newRow("noisy 1 MiB/h, 3 min") << "noisy" << 3 << "growing" << 1800;
    QTest::newRow("256 KiB/h in 8 KiB steps, 3 min") << "steps" << 3 << "growing" << 1800;
}

void Tst_LeakVerdict::waitIsLongEnough()
{
    QFETCH(QString, shape);
    QFETCH(int, minutes);
    QFETCH(QString, settled);
    QFETCH(int, maxWait);
    Series s = growth(0, minutes);
    if (shape == QLatin1String("flat")) {
        s.jitter = true;
        s.count = 3;
    } else if (shape == QLatin1String("noisy")) {
        s.perHour = 1 * MiB;
        s.noise = 64 * KiB;
    } else if (shape == QLatin1String("steps")) {
        s.perHour = 256 * KiB;
        s.blocks = true;
    }
    const LeakVerdict first = LeakAnalysis::judge(s.points());
    QCOMPARE(first.kindName(), QStringLiteral("not-enough-data"));
    QVERIFY2(first.waitSeconds > 0 && first.waitSeconds <= maxWait, qPrintable(first.sentence()));
    s.count += first.waitSeconds * 1000 / s.intervalMs + 1;
    const LeakVerdict later = LeakAnalysis::judge(s.points());
    QVERIFY2(later.kindName() == settled,
        qPrintable(QStringLiteral("after %1 s more: %2").arg(first.waitSeconds).arg(later.sentence())));
}

// What the user reads: the verdict words and the figures, which agree with the estimates.
void Tst_LeakVerdict::sentenceShowsTheFigures()
{
    const LeakVerdict fixed = LeakAnalysis::judge(growth(2.4 * MiB, 30).points(), flat(18).points());
    QCOMPARE(fixed.kind, LeakVerdictKind::LeakFixed);
    const QString s = fixed.sentence();
    QVERIFY2(s.contains(QStringLiteral("leak fixed")), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("grew 2.4")), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("MiB/h over 30 min before")), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("over 18 min) after")), qPrintable(s));
    const QList<Figure> f = figures(s);
    QCOMPARE(f.size(), 2);
    QVERIFY2(std::abs(f[0].rate - fixed.before.bytesPerHour) <= 0.05 * MiB, qPrintable(s));
    QVERIFY2(std::abs(f[0].half - (fixed.before.highBytesPerHour - fixed.before.lowBytesPerHour) / 2)
            <= 0.05 * MiB,
        qPrintable(s));
    QVERIFY2(std::abs(f[1].rate) < LeakAnalysis::kGrowthThresholdBytesPerHour, qPrintable(s));
    QVERIFY2(
        f[1].half > 0 && f[1].rate + f[1].half < LeakAnalysis::kGrowthThresholdBytesPerHour, qPrintable(s));

    const LeakVerdict still = LeakAnalysis::judge(growth(2 * MiB, 30).points(), growth(2 * MiB, 20).points());
    QVERIFY2(still.sentence().contains(QStringLiteral("leak not fixed")), qPrintable(still.sentence()));
    QVERIFY2(still.sentence().contains(QStringLiteral("over 20 min after")), qPrintable(still.sentence()));

    const LeakVerdict noLeak = LeakAnalysis::judge(flat(20).points(), flat(20).points());
    QVERIFY2(noLeak.sentence().contains(QStringLiteral("archive_mode off")), qPrintable(noLeak.sentence()));
    QVERIFY2(
        noLeak.sentence().contains(QStringLiteral("cannot be shown to fix")), qPrintable(noLeak.sentence()));

    Series shortFlat = growth(0, 2, 2000);
    const LeakVerdict wait = LeakAnalysis::judge(sandboxLeak(180).points(), shortFlat.points());
    const QString w = wait.sentence();
    QCOMPARE(wait.kind, LeakVerdictKind::NotEnoughData);
    QVERIFY2(w.contains(QStringLiteral("keep sampling after the upgrade for about %1 min")
                            .arg((wait.waitSeconds + 30) / 60)),
        qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("not conclusive yet (0 ± ")), qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral(" KiB/h over 2 min) after")), qPrintable(w));
    // The sandbox's 2.0.1 leak: ~130 MiB/h, shown as such.
    const QList<Figure> g = figures(w);
    QCOMPARE(g.size(), 2);
    QVERIFY2(std::abs(g[0].rate - 38400.0 * 3600) < 0.02 * 38400 * 3600, qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral(" MiB/h over 3 min before")), qPrintable(w));

    const LeakVerdict one = LeakAnalysis::judge(growth(2 * MiB, 30).points());
    QVERIFY2(one.sentence().endsWith(QStringLiteral(": growing")), qPrintable(one.sentence()));
    QVERIFY2(!one.sentence().contains(QStringLiteral("before")), qPrintable(one.sentence()));
}

void Tst_LeakVerdict::rateText_data()
{
    QTest::addColumn<double>("perHour");
    QTest::addColumn<double>("half");
    QTest::addColumn<QString>("text");
    QTest::newRow("MiB") << 2.4 * MiB << 0.1 * MiB << "2.4 ± 0.1 MiB/h";
    QTest::newRow("sandbox speed: two significant digits") << 131.81 * MiB << 0.004 * MiB << "132 ± 0 MiB/h";
    QTest::newRow("half-width shown to its first digit") << 130.2 * MiB << 2.6 * MiB << "130 ± 3 MiB/h";
    QTest::newRow("no minus zero") << -0.3 << 20.0 << "0 ± 20 B/h";
    QTest::newRow("flat: the unit from the half-width") << 0.0 << 51 * KiB << "0 ± 51 KiB/h";
    QTest::newRow("KiB") << 100 * KiB << 10 * KiB << "100 ± 10 KiB/h";
    QTest::newRow("bytes") << 500.0 << 20.0 << "500 ± 20 B/h";
    QTest::newRow("negative") << -3 * KiB << 1.5 * KiB << "-3 ± 2 KiB/h";
    QTest::newRow("GiB") << 1.5 * MiB * KiB << 0.3 * MiB * KiB << "1.5 ± 0.3 GiB/h";
}

void Tst_LeakVerdict::rateText()
{
    QFETCH(double, perHour);
    QFETCH(double, half);
    QFETCH(QString, text);
    QCOMPARE(LeakAnalysis::rateText(perHour, half), text);
}

void Tst_LeakVerdict::kindNames()
{
    const QList<QPair<LeakVerdictKind, QString>> names {
        { LeakVerdictKind::NotEnoughData, QStringLiteral("not-enough-data") },
        { LeakVerdictKind::LeakFixed, QStringLiteral("leak-fixed") },
        { LeakVerdictKind::StillGrowing, QStringLiteral("still-growing") },
        { LeakVerdictKind::NoLeakBefore, QStringLiteral("no-leak-before") },
        { LeakVerdictKind::Growing, QStringLiteral("growing") },
        { LeakVerdictKind::NoGrowth, QStringLiteral("no-growth") },
    };
    for (const auto& [kind, name] : names) {
        LeakVerdict v;
        v.kind = kind;
        QCOMPARE(v.kindName(), name);
    }
}

QTEST_GUILESS_MAIN(Tst_LeakVerdict)
#include "tst_leakverdict.moc"
