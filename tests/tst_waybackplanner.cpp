#include "Journal.h"
#include "Planner.h"
#include "WayBackPlanner.h"

#include <QJsonDocument>
#include <QTemporaryDir>
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

    // "a b! c?" -> outcomes: a ended ok, b failed, c started with no end (the last two characters: how).
    static QList<StepOutcome> outcomes(const QStringList& attempts)
    {
        QList<StepOutcome> out;
        for (const QString& a : attempts) {
            StepOutcome o;
            o.end = StepOutcome::End::Ok;
            o.stepId = a;
            if (a.endsWith(QLatin1Char('!')) || a.endsWith(QLatin1Char('?'))) {
                o.end = a.endsWith(QLatin1Char('!')) ? StepOutcome::End::Failed : StepOutcome::End::Unknown;
                o.stepId.chop(1);
            }
            out << o;
        }
        return out;
    }
    // Every step up to `lastId` ended ok, then the given attempts.
    static QStringList okUpTo(const Plan& plan, const QString& lastId)
    {
        QStringList out;
        for (const Step& s : plan.steps) {
            out << s.id;
            if (s.id == lastId)
                break;
        }
        return out;
    }
    // The way back in words: an undo that runs only when the undone step's effect shows is marked "?".
    static QStringList describe(const Plan& back)
    {
        QStringList out;
        for (const Step& u : back.steps)
            out << u.id + (u.onlyIf.kind != CheckKind::None ? QStringLiteral("?") : QString());
        return out;
    }

private slots:
    // What is undone depends on how each step ended (the journal's outcomes): a step that ended ok is
    // undone; one that did not is undone only when its effect shows on the node when the way back runs
    // (its marker, or its exit-code check), so a swap that stopped at its guard is never undone; an undo
    // that is harmless on an unchanged node (start/stop) is left to its own check.
    void undoesOnlyWhatHadAnEffect_data()
    {
        QTest::addColumn<QString>("okUpTo"); // every step up to this one ended ok ("" = none)
        QTest::addColumn<QStringList>("then"); // further attempts: "id" ok, "id!" failed, "id?" no end
        QTest::addColumn<QStringList>("expected");
        const QStringList moghaBack { QStringLiteral("node1-stop-mogha-undo"),
            QStringLiteral("node3-stop-mogha-undo"), QStringLiteral("node2-stop-mogha-undo") };
        QTest::newRow(
            "swap-bin stopped at its guard (bin_201 was there): its undo only if this plan's marker shows")
            << "node2-stop-db" << QStringList { QStringLiteral("node2-swap-bin!") }
            << QStringList { QStringLiteral("node2-swap-bin-undo?"), QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("swap-bin done: undone")
            << "node2-swap-bin" << QStringList {}
            << QStringList { QStringLiteral("node2-swap-bin-undo"), QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("swap-lib failed after swap-bin was done")
            << "node2-swap-bin" << QStringList { QStringLiteral("node2-swap-lib!") }
            << QStringList { QStringLiteral("node2-swap-lib-undo?"), QStringLiteral("node2-swap-bin-undo"),
                   QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("MogUp stopped during swap-lib (no end recorded)")
            << "node2-swap-bin" << QStringList { QStringLiteral("node2-swap-lib?") }
            << QStringList { QStringLiteral("node2-swap-lib-undo?"), QStringLiteral("node2-swap-bin-undo"),
                   QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("copy-om-files failed: undone only if its files are there (its check)")
            << "node2-swap-lib" << QStringList { QStringLiteral("node2-copy-om-files!") }
            << QStringList { QStringLiteral("node2-copy-om-files-undo?"),
                   QStringLiteral("node2-swap-lib-undo"), QStringLiteral("node2-swap-bin-undo"),
                   QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("start-db failed: its undo's own check decides (a stopped database needs no stop)")
            << "node2-copy-om-files" << QStringList { QStringLiteral("node2-start-db!") }
            << QStringList { QStringLiteral("node2-start-db-undo"),
                   QStringLiteral("node2-copy-om-files-undo"), QStringLiteral("node2-swap-lib-undo"),
                   QStringLiteral("node2-swap-bin-undo"), QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("swap-bin failed, then retried and done: undone once, as done")
            << "node2-stop-db"
            << QStringList { QStringLiteral("node2-swap-bin!"), QStringLiteral("node2-swap-bin") }
            << QStringList { QStringLiteral("node2-swap-bin-undo"), QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("swap-bin done, its retry stopped at the guard: the marker of this plan decides")
            << "node2-swap-bin" << QStringList { QStringLiteral("node2-swap-bin!") }
            << QStringList { QStringLiteral("node2-swap-bin-undo?"), QStringLiteral("node2-stop-db-undo") }
                + moghaBack;
        QTest::newRow("stop-mogha failed on the first node")
            << "node3-unpack" << QStringList { QStringLiteral("node2-stop-mogha!") }
            << QStringList { QStringLiteral("node2-stop-mogha-undo") };
        QTest::newRow("failed before anything changed")
            << "node1-unpack" << QStringList { QStringLiteral("node2-unpack!") } << QStringList {};
        QTest::newRow("nothing ran") << "" << QStringList {} << QStringList {};
    }
    void undoesOnlyWhatHadAnEffect()
    {
        QFETCH(QString, okUpTo);
        QFETCH(QStringList, then);
        QFETCH(QStringList, expected);
        const ClusterProfile p = profile();
        const Plan forward = rolling(p);
        QVERIFY(!forward.steps.isEmpty());
        const QStringList attempts
            = (okUpTo.isEmpty() ? QStringList {} : this->okUpTo(forward, okUpTo)) + then;
        const Plan back = WayBackPlanner::build(p, forward, outcomes(attempts));
        QCOMPARE(describe(back), expected);
        for (const Step& u : back.steps) {
            if (u.onlyIf.kind == CheckKind::None)
                continue;
            // The evidence is the forward step's marker, or its exit-code check, read on its node.
            const Step& s = forward.steps.at([&] {
                for (int i = 0; i < forward.steps.size(); ++i)
                    if (forward.steps.at(i).id + QStringLiteral("-undo") == u.id)
                        return i;
                return -1;
            }());
            QCOMPARE(u.node, s.node);
            QCOMPARE(u.onlyIf.kind, CheckKind::PathsPresent);
            if (s.kind == StepKind::SwapBin || s.kind == StepKind::SwapLib) {
                const QString marker = s.kind == StepKind::SwapBin ? QStringLiteral(".mogup-swap-bin")
                                                                   : QStringLiteral(".mogup-swap-lib");
                QVERIFY2(u.onlyIf.command.contains(QStringLiteral("test \"$(cat ") + marker
                             + QStringLiteral(" 2>/dev/null)\" = ") + forward.id),
                    qPrintable(u.onlyIf.command));
                QCOMPARE(u.onlyIf.command, s.effectCheck.command);
            } else {
                QCOMPARE(u.onlyIf.command, s.check.command);
            }
        }
        // The runner's report of the way back follows the same rule: the same steps, in the same order.
        QStringList reported;
        for (const WayBackPlanner::Entry& e : WayBackPlanner::stepsToUndo(forward, outcomes(attempts)))
            reported << e.step.id + QStringLiteral("-undo");
        QStringList ids;
        for (const Step& u : back.steps)
            ids << u.id;
        QCOMPARE(reported, ids);
    }

    // The rule itself.
    void undoWhen()
    {
        Step s;
        s.undoCommand = QStringLiteral("undo");
        QCOMPARE(WayBackPlanner::undoWhen(s, StepOutcome::End::Ok), WayBackPlanner::UndoWhen::Always);
        QCOMPARE(
            WayBackPlanner::undoWhen(s, StepOutcome::End::Failed), WayBackPlanner::UndoWhen::IfEffectShows);
        QCOMPARE(
            WayBackPlanner::undoWhen(s, StepOutcome::End::Unknown), WayBackPlanner::UndoWhen::IfEffectShows);
        s.undoCommand.clear();
        QCOMPARE(WayBackPlanner::undoWhen(s, StepOutcome::End::Ok), WayBackPlanner::UndoWhen::Never);
    }

    // The journal's record of every attempt, as the way back reads it: each start paired with its end,
    // a retry as a second attempt, a start without an end as Unknown.
    void outcomesFromTheJournal()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(QStringLiteral("journal.jsonl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"event":"run-start","steps":4}
{"event":"step-start","step":"a"}
{"event":"step-end","step":"a","status":"ok"}
{"event":"step-start","step":"b"}
{"event":"step-end","step":"b","status":"command-failed"}
{"event":"run-end","result":"failed"}
{"event":"run-start","steps":4,"first_step":1}
{"event":"step-start","step":"b"}
{"event":"step-end","step":"b","status":"ok"}
{"event":"step-start","step":"c"}
{"event":"step-end","step":"c","status":"check-failed"}
{"event":"step-start","step":"d"}
)");
        f.close();
        QString lastResult;
        const QList<StepOutcome> got = Journal::stepOutcomes(dir.path(), &lastResult);
        QStringList described;
        for (const StepOutcome& o : got)
            described << o.stepId
                    + (o.end == StepOutcome::End::Ok            ? QString()
                            : o.end == StepOutcome::End::Failed ? QStringLiteral("!")
                                                                : QStringLiteral("?"));
        QCOMPARE(described,
            QStringList({ QStringLiteral("a"), QStringLiteral("b!"), QStringLiteral("b"),
                QStringLiteral("c!"), QStringLiteral("d?") }));
        QCOMPARE(lastResult, QStringLiteral("failed"));
        QVERIFY(Journal::stepOutcomes(dir.filePath(QStringLiteral("none"))).isEmpty());
    }

    // plan.json keeps the plan id and the markers' checks; a plan.json written before they existed still
    // loads and still gives a way back (each failed step then judged by its own check).
    void planJsonOldAndNew()
    {
        const ClusterProfile p = profile();
        const Plan forward = rolling(p);
        const QJsonObject json = forward.toJson();
        const Plan again = Plan::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        QCOMPARE(again.id, forward.id);
        QCOMPARE(again.toJson(), json);
        const QStringList attempts = okUpTo(forward, QStringLiteral("node2-swap-bin"))
            + QStringList { QStringLiteral("node2-swap-lib!") };
        const Plan back = WayBackPlanner::build(p, forward, outcomes(attempts));
        const Plan backAgain = Plan::fromJson(back.toJson());
        QCOMPARE(backAgain.steps.first().onlyIf.command, back.steps.first().onlyIf.command);
        QCOMPARE(backAgain.steps.first().onlyIf.paths, back.steps.first().onlyIf.paths);
        QCOMPARE(backAgain.toJson(), back.toJson());

        // Without the new fields, as an older MogUp wrote it.
        QJsonObject old = json;
        old.remove(QStringLiteral("id"));
        QJsonArray steps = old.value(QStringLiteral("steps")).toArray();
        for (int i = 0; i < steps.size(); ++i) {
            QJsonObject s = steps.at(i).toObject();
            QVERIFY(!s.contains(QStringLiteral("only_if")));
            s.remove(QStringLiteral("effect_check"));
            steps[i] = s;
        }
        old.insert(QStringLiteral("steps"), steps);
        const Plan oldPlan = Plan::fromJson(old);
        QVERIFY(oldPlan.id.isEmpty());
        QCOMPARE(oldPlan.steps.size(), forward.steps.size());
        for (const Step& s : oldPlan.steps)
            QCOMPARE(s.effectCheck.kind, CheckKind::None);
        QCOMPARE(describe(WayBackPlanner::build(p, oldPlan, outcomes(attempts))),
            QStringList({ QStringLiteral("node2-swap-lib-undo?"), QStringLiteral("node2-swap-bin-undo"),
                QStringLiteral("node2-stop-db-undo"), QStringLiteral("node1-stop-mogha-undo"),
                QStringLiteral("node3-stop-mogha-undo"), QStringLiteral("node2-stop-mogha-undo") }));
    }

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
