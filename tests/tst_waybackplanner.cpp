#include "Planner.h"
#include "WayBackPlanner.h"

#include <QtTest>

using namespace MogUp;

// The way back of a run, as a plan: the undo of every step that ran, most recent first, each proven
// by a check that reads the node (the database runs again in its old role, bin/ reports 2.0.1...).
class Tst_WayBackPlanner : public QObject
{
    Q_OBJECT

    static ClusterProfile profile()
    {
        ClusterProfile p;
        p.name = QStringLiteral("wb");
        p.installMethod = InstallMethod::Om;
        p.mogha = true;
        p.dbUser = QStringLiteral("omm");
        p.package.file = QStringLiteral("/pkg/MogDB-2.0.3-CentOS-x86_64.tar.gz");
        p.unpackDir = QStringLiteral("/opt/mogdb203");
        for (int i = 1; i <= 3; ++i) {
            NodeProfile n;
            n.name = QStringLiteral("node%1").arg(i);
            n.host = QStringLiteral("10.0.0.%1").arg(10 + i);
            n.gausshome = QStringLiteral("/opt/mogdb/app");
            n.pgdata = QStringLiteral("/opt/mogdb/data");
            n.role = i == 1 ? NodeRole::Primary : NodeRole::Standby;
            p.nodes.append(n);
        }
        return p;
    }
    static Plan rolling(const ClusterProfile& p)
    {
        PlannerOptions o;
        o.mode = UpgradeMode::Rolling;
        Plan plan;
        QString error;
        Planner::build(p, o, &plan, &error);
        return plan;
    }
    static QStringList ranUpTo(const Plan& plan, const QString& lastId)
    {
        QStringList ran;
        for (const Step& s : plan.steps) {
            ran << s.id;
            if (s.id == lastId)
                break;
        }
        return ran;
    }

private slots:
    void undoesWhatRanInReverse_data()
    {
        QTest::addColumn<QString>("failedAt");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("failed while swapping lib on node2")
            << "node2-swap-lib"
            << QStringList { QStringLiteral("node2-swap-lib-undo"), QStringLiteral("node2-swap-bin-undo"),
                   QStringLiteral("node2-stop-db-undo"), QStringLiteral("node1-stop-mogha-undo"),
                   QStringLiteral("node3-stop-mogha-undo"), QStringLiteral("node2-stop-mogha-undo") };
        QTest::newRow("failed before anything changed") << "node2-unpack" << QStringList {};
    }
    void undoesWhatRanInReverse()
    {
        QFETCH(QString, failedAt);
        QFETCH(QStringList, expected);
        const ClusterProfile p = profile();
        const Plan forward = rolling(p);
        QVERIFY(!forward.steps.isEmpty());
        const Plan back = WayBackPlanner::build(p, forward, ranUpTo(forward, failedAt));
        QStringList ids;
        for (const Step& s : back.steps)
            ids << s.id;
        QCOMPARE(ids, expected);
        QCOMPARE(back.fromVersion, QStringLiteral("2.0.3"));
        QCOMPARE(back.toVersion, QStringLiteral("2.0.1"));
    }

    void everyUndoIsChecked()
    {
        const ClusterProfile p = profile();
        const Plan forward = rolling(p);
        QStringList all;
        for (const Step& s : forward.steps)
            all << s.id;
        const Plan back = WayBackPlanner::build(p, forward, all);
        QVERIFY(!back.steps.isEmpty());
        for (const Step& u : back.steps) {
            const QByteArray what = u.id.toUtf8();
            QVERIFY2(!u.command.isEmpty(), what.constData());
            QVERIFY2(!u.title().isEmpty() && !u.title().contains(QLatin1Char('%')), what.constData());
            switch (u.kind) {
            case StepKind::SwapBin:
                QCOMPARE(u.check.kind, CheckKind::BinaryVersion);
                QCOMPARE(u.check.expectVersion, QStringLiteral("2.0.1"));
                break;
            case StepKind::StopDb:
                QCOMPARE(u.check.kind, CheckKind::DbRunning);
                QVERIFY(u.check.expectRole == QStringLiteral("Standby") || u.check.expectRole == QStringLiteral("Primary"));
                break;
            case StepKind::StartDb:
                QCOMPARE(u.check.kind, CheckKind::DbStopped);
                break;
            case StepKind::StopMogha:
                QCOMPARE(u.check.kind, CheckKind::MoghaRunning);
                break;
            case StepKind::StartMogha:
                QCOMPARE(u.check.kind, CheckKind::MoghaStopped);
                break;
            case StepKind::Switchover:
                // Undone on the node that was primary before it (node1; node2 for the switch back), and proven there.
                QCOMPARE(u.check.kind, CheckKind::SwitchedOver);
                QCOMPARE(u.node, u.id.contains(QStringLiteral("-back")) ? QStringLiteral("node2") : QStringLiteral("node1"));
                QVERIFY(u.check.command.contains(QStringLiteral("/opt/mogdb/app/bin/gs_ctl query")));
                QVERIFY(u.check.command.contains(QStringLiteral("gs_ctl")));
                QVERIFY(u.command.contains(QStringLiteral("refreshconf")));
                break;
            case StepKind::SwapLib:
                QCOMPARE(u.check.kind, CheckKind::PathsPresent);
                QVERIFY(u.check.command.contains(QStringLiteral("test ! -e /opt/mogdb/app/lib_201")));
                break;
            default:
                break;
            }
        }
    }
};

QTEST_GUILESS_MAIN(Tst_WayBackPlanner)
#include "tst_waybackplanner.moc"
