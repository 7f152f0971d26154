#include "Journal.h"
#include "LocalExecutor.h"
#include "Planner.h"
#include "Runner.h"
#include "TestSupport.h"
#include "WayBackPlanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace MogUp;

namespace {

// A scripted executor: answers each command by its first matching rule; records what ran.
class ScriptedExecutor : public Executor
{
public:
    struct Rule
    {
        QString contains;
        int exitCode = 0;
        QStringList out;
        bool blockUntilCancel = false;
    };
    QList<Rule> rules;
    QStringList ran;
    QMutex mutex;

    ExecResult run(const NodeProfile& node, const QString& command, int, const CancelToken& cancel,
        const LineSink& sink) override
    {
        {
            QMutexLocker lock(&mutex);
            ran << node.name + QStringLiteral(": ") + command;
        }
        ExecResult r;
        r.started = true;
        r.exitCode = 0;
        for (const Rule& rule : rules) {
            if (!command.contains(rule.contains))
                continue;
            for (const QString& l : rule.out)
                sink(OutputLine { node.name, OutputStream::Stdout, QDateTime::currentDateTimeUtc(), l });
            if (rule.blockUntilCancel) {
                while (!cancel.isCancelled())
                    QThread::msleep(10);
                r.cancelled = true;
                return r;
            }
            r.exitCode = rule.exitCode;
            return r;
        }
        return r;
    }
};

Step makeStep(const QString& id, const QString& node, const QString& command, const QString& undo = {})
{
    Step s;
    s.id = id;
    s.kind = StepKind::SwapBin;
    s.node = node;
    s.titleSource = QStringLiteral("Step %1");
    s.titleArgs = { id };
    s.command = command;
    s.undoCommand = undo;
    s.check.kind = CheckKind::PathsPresent;
    s.check.command = QStringLiteral("check-") + id;
    s.check.paths = { QStringLiteral("/x/") + id };
    return s;
}

ClusterProfile twoNodes()
{
    ClusterProfile p;
    p.name = QStringLiteral("fake");
    for (const char* n : { "node1", "node2" }) {
        NodeProfile node;
        node.name = QString::fromLatin1(n);
        node.host = QStringLiteral("127.0.0.1");
        node.gausshome = QStringLiteral("/g/") + node.name;
        node.pgdata = QStringLiteral("/d/") + node.name;
        p.nodes.append(node);
    }
    return p;
}

QList<QJsonObject> readJournal(const QString& dir)
{
    QList<QJsonObject> events;
    for (const QString& line : TestSupport::readFile(dir + QStringLiteral("/journal.jsonl")).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        events << QJsonDocument::fromJson(line.toUtf8()).object();
    return events;
}

} // namespace

class Tst_Runner : public QObject
{
    Q_OBJECT

private slots:
    void runsEveryStepAndJournalsIt()
    {
        auto exec = std::make_shared<ScriptedExecutor>();
        exec->rules = { { QStringLiteral("do-a"), 0, { QStringLiteral("line from a") } } };
        Plan plan;
        plan.steps = { makeStep(QStringLiteral("a"), QStringLiteral("node1"), QStringLiteral("do-a")),
            makeStep(QStringLiteral("b"), QStringLiteral("node2"), QStringLiteral("do-b")) };
        QTemporaryDir dir;
        Runner runner(twoNodes(), plan, exec);
        Journal journal;
        QString error;
        QVERIFY2(journal.open(dir.filePath(QStringLiteral("run")), runner.profile(), plan, &error), qPrintable(error));
        journal.attach(&runner);
        QSignalSpy started(&runner, &Runner::stepStarted);
        QSignalSpy lines(&runner, &Runner::outputLine);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(TestSupport::waitForSignal(finished));
        const RunResult r = finished.first().first().value<RunResult>();
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.stepsDone, 2);
        QCOMPARE(started.size(), 2);
        QCOMPARE(lines.first().first().value<OutputLine>().text, QStringLiteral("line from a"));
        // Every step ran its command, then its check, in order.
        QCOMPARE(exec->ran.mid(0, 4), QStringList({ QStringLiteral("node1: do-a"), QStringLiteral("node1: check-a"),
                                          QStringLiteral("node2: do-b"), QStringLiteral("node2: check-b") }));
        const QList<QJsonObject> ev = readJournal(journal.runDir());
        QCOMPARE(ev.first().value(QStringLiteral("event")).toString(), QStringLiteral("run-start"));
        QCOMPARE(ev.last().value(QStringLiteral("event")).toString(), QStringLiteral("run-end"));
        QCOMPARE(ev.last().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QVERIFY(TestSupport::readFile(journal.runDir() + QStringLiteral("/log.txt")).contains(QStringLiteral("node1 out | line from a")));
        QVERIFY(QFile::exists(journal.runDir() + QStringLiteral("/plan.json")));
        QVERIFY(QFile::exists(journal.runDir() + QStringLiteral("/profile.json")));
    }

    void stopsAtFirstFailureAndOffersTheWayBack_data()
    {
        QTest::addColumn<QString>("failing");   // what fails: a command or a check
        QTest::addColumn<QString>("status");
        QTest::newRow("command fails") << "do-b" << "command-failed";
        QTest::newRow("check fails") << "check-b" << "check-failed";
    }
    void stopsAtFirstFailureAndOffersTheWayBack()
    {
        QFETCH(QString, failing);
        QFETCH(QString, status);
        auto exec = std::make_shared<ScriptedExecutor>();
        exec->rules = { { failing, 1, { QStringLiteral("boom") } } };
        Plan plan;
        plan.steps = { makeStep(QStringLiteral("a"), QStringLiteral("node1"), QStringLiteral("do-a"), QStringLiteral("undo-a")),
            makeStep(QStringLiteral("b"), QStringLiteral("node2"), QStringLiteral("do-b"), QStringLiteral("undo-b")),
            makeStep(QStringLiteral("c"), QStringLiteral("node1"), QStringLiteral("do-c"), QStringLiteral("undo-c")) };
        QTemporaryDir dir;
        Runner runner(twoNodes(), plan, exec);
        Journal journal;
        QString error;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("run")), runner.profile(), plan, &error));
        journal.attach(&runner);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(TestSupport::waitForSignal(finished));
        const RunResult r = finished.first().first().value<RunResult>();
        QVERIFY(!r.ok);
        QCOMPARE(r.failedStepId, QStringLiteral("b"));
        QCOMPARE(r.failedNode, QStringLiteral("node2"));
        QVERIFY(r.message.contains(QStringLiteral("node2")));
        QVERIFY(!exec->ran.contains(QStringLiteral("node1: do-c"))); // stopped: nothing after the failure ran
        // The way back: the failed step's undo, then the completed ones, most recent first.
        QCOMPARE(r.wayBack.size(), 2);
        QCOMPARE(r.wayBack.at(0).undoCommand, QStringLiteral("undo-b"));
        QCOMPARE(r.wayBack.at(1).undoCommand, QStringLiteral("undo-a"));
        QCOMPARE(r.nodes.size(), 2); // every node's state is read back
        const QList<QJsonObject> ev = readJournal(journal.runDir());
        QJsonObject end;
        for (const QJsonObject& e : ev) {
            if (e.value(QStringLiteral("event")) == QStringLiteral("step-end") && e.value(QStringLiteral("step")) == QStringLiteral("b"))
                end = e;
        }
        QCOMPARE(end.value(QStringLiteral("status")).toString(), status);
        QCOMPARE(end.value(QStringLiteral("node")).toString(), QStringLiteral("node2"));
        QCOMPARE(ev.last().value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(ev.last().value(QStringLiteral("failed_step")).toString(), QStringLiteral("b"));
    }

    // A retry (the wizard's "Retry step"): a new runner starts at the failed step, in the same journal; the
    // steps before it are not run again but stay on the way back; the journal holds every attempt, and
    // the way back built from it undoes a retried step once.
    void retryStartsAtTheFailedStepAndKeepsTheWholeWayBack()
    {
        auto exec = std::make_shared<ScriptedExecutor>();
        exec->rules = { { QStringLiteral("do-b"), 1, { QStringLiteral("boom") } } };
        Plan plan;
        plan.steps = { makeStep(QStringLiteral("a"), QStringLiteral("node1"), QStringLiteral("do-a"), QStringLiteral("undo-a")),
            makeStep(QStringLiteral("b"), QStringLiteral("node2"), QStringLiteral("do-b"), QStringLiteral("undo-b")),
            makeStep(QStringLiteral("c"), QStringLiteral("node1"), QStringLiteral("do-c"), QStringLiteral("undo-c")) };
        QTemporaryDir dir;
        Journal journal;
        QString error;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("run")), twoNodes(), plan, &error));
        RunResult first;
        {
            Runner runner(twoNodes(), plan, exec);
            journal.attach(&runner);
            QSignalSpy finished(&runner, &Runner::finished);
            runner.start();
            QVERIFY(TestSupport::waitForSignal(finished));
            first = finished.first().first().value<RunResult>();
        }
        QVERIFY(!first.ok);
        QCOMPARE(first.stepsDone, 1);

        // Fixed b; now c fails.
        {
            QMutexLocker lock(&exec->mutex);
            exec->rules = { { QStringLiteral("do-c"), 1, {} } };
            exec->ran.clear();
        }
        RunResult second;
        {
            Runner runner(twoNodes(), plan, exec);
            runner.setFirstStep(first.stepsDone);
            QCOMPARE(runner.firstStep(), 1);
            journal.attach(&runner);
            QSignalSpy started(&runner, &Runner::stepStarted);
            QSignalSpy progress(&runner, &Runner::progress);
            QSignalSpy finished(&runner, &Runner::finished);
            runner.start();
            QVERIFY(TestSupport::waitForSignal(finished));
            second = finished.first().first().value<RunResult>();
            QCOMPARE(started.first().first().toInt(), 1);
            QCOMPARE(progress.first().first().toInt(), 1); // the earlier attempt's steps count as done
        }
        QVERIFY(!second.ok);
        QCOMPARE(second.failedStepId, QStringLiteral("c"));
        QCOMPARE(second.stepsDone, 2);
        QVERIFY(!exec->ran.contains(QStringLiteral("node1: do-a"))); // not run again
        QVERIFY(exec->ran.contains(QStringLiteral("node2: do-b")));
        QStringList undo;
        for (const Step& s : second.wayBack)
            undo << s.undoCommand;
        QCOMPARE(undo, QStringList({ QStringLiteral("undo-c"), QStringLiteral("undo-b"), QStringLiteral("undo-a") }));

        // The journal: both attempts; the way back built from it (as `mogup-cli undo` does) undoes b once.
        QList<int> firstSteps;
        for (const QJsonObject& e : readJournal(journal.runDir())) {
            if (e.value(QStringLiteral("event")) == QStringLiteral("run-start"))
                firstSteps << e.value(QStringLiteral("first_step")).toInt();
        }
        QCOMPARE(firstSteps, QList<int>({ 0, 1 }));
        QString lastResult;
        const QStringList ran = Journal::startedStepIds(journal.runDir(), &lastResult);
        QCOMPARE(ran, QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("c") }));
        QCOMPARE(lastResult, QStringLiteral("failed"));
        const Plan back = WayBackPlanner::build(twoNodes(), plan, ran);
        QStringList backIds;
        for (const Step& s : back.steps)
            backIds << s.id;
        QCOMPARE(backIds, QStringList({ QStringLiteral("c-undo"), QStringLiteral("b-undo"), QStringLiteral("a-undo") }));

        // A third attempt with nothing failing finishes the plan: ok, every step done.
        {
            QMutexLocker lock(&exec->mutex);
            exec->rules.clear();
        }
        Runner runner(twoNodes(), plan, exec);
        runner.setFirstStep(second.stepsDone);
        journal.attach(&runner);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(TestSupport::waitForSignal(finished));
        const RunResult third = finished.first().first().value<RunResult>();
        QVERIFY2(third.ok, qPrintable(third.message));
        QCOMPARE(third.stepsDone, 3);
        QVERIFY(third.wayBack.isEmpty());
        Journal::startedStepIds(journal.runDir(), &lastResult);
        QCOMPARE(lastResult, QStringLiteral("ok"));
    }

    void cancelStopsTheRunningCommand()
    {
        auto exec = std::make_shared<ScriptedExecutor>();
        exec->rules = { { QStringLiteral("do-a"), 0, { QStringLiteral("working") }, true } };
        Plan plan;
        plan.steps = { makeStep(QStringLiteral("a"), QStringLiteral("node1"), QStringLiteral("do-a")),
            makeStep(QStringLiteral("b"), QStringLiteral("node2"), QStringLiteral("do-b")) };
        Runner runner(twoNodes(), plan, exec);
        QSignalSpy lines(&runner, &Runner::outputLine);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(TestSupport::waitForSignal(lines));
        runner.cancel();
        QVERIFY(TestSupport::waitForSignal(finished));
        const RunResult r = finished.first().first().value<RunResult>();
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(r.failedStepId, QStringLiteral("a"));
        QVERIFY(!exec->ran.contains(QStringLiteral("node2: do-b")));
    }
};

QTEST_GUILESS_MAIN(Tst_Runner)
#include "tst_runner.moc"
