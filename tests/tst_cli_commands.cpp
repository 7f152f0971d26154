// mogup-cli's commands run in-process (the mogup_cli library), with their output captured in strings:
// usage errors name the option and the fix, the read-only commands read a real sandbox, and an upgrade
// runs through the same UpgradeSession as the wizard's, leaving the run directory a report needs.
#include "CliCommands.h"
#include "MemorySampler.h"
#include "TestSupport.h"

#include <QtTest>

using namespace MogUp;

namespace {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& args, const QString& input = {})
{
    CliRun r;
    QString in = input;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    QTextStream inStream(&in);
    CliIo io { out, err, inStream, !input.isEmpty() };
    CliCommands cli(io);
    r.code = cli.run(QStringList { QStringLiteral("mogup-cli") } + args);
    out.flush();
    err.flush();
    return r;
}

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private slots:
    void usageErrors_data();
    void usageErrors();
    void readOnlyCommandsOnSandbox();
    void upgradeThroughTheSession();
};

void TestCliCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList {} << 2 << QStringLiteral("Usage: mogup-cli COMMAND");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") } << 2
                                     << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("plan without profile") << QStringList { QStringLiteral("plan"), QStringLiteral("--mode"), QStringLiteral("offline") }
                                          << 2 << QStringLiteral("--profile is required");
    QTest::newRow("missing profile file")
        << QStringList { QStringLiteral("status"), QStringLiteral("--profile"), QStringLiteral("/nonexistent/profile.json") } << 2
        << QStringLiteral("/nonexistent/profile.json");
    QTest::newRow("undo without run dir") << QStringList { QStringLiteral("undo") } << 2 << QStringLiteral("--run-dir");
    QTest::newRow("demo without dir") << QStringList { QStringLiteral("demo"), QStringLiteral("init") } << 2
                                      << QStringLiteral("demo init DIR");
}

void TestCliCommands::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const CliRun r = runCli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty() || code == 0, qPrintable(r.out));
}

void TestCliCommands::readOnlyCommandsOnSandbox()
{
    TestSupport::Sandbox sandbox;
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
    const QString profile = sandbox.profile();

    CliRun r = runCli({ QStringLiteral("status"), QStringLiteral("--profile"), profile, QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonArray nodes = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray();
    QCOMPARE(nodes.size(), 3);
    int primaries = 0;
    for (const QJsonValue& v : nodes) {
        QCOMPARE(v.toObject().value(QStringLiteral("version")).toString(), QStringLiteral("2.0.1"));
        primaries += v.toObject().value(QStringLiteral("role")).toString() == QStringLiteral("primary");
    }
    QCOMPARE(primaries, 1);

    r = runCli({ QStringLiteral("plan"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"), QStringLiteral("offline") });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("gs_om -t stop")), qPrintable(r.out));

    r = runCli({ QStringLiteral("precheck"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"), QStringLiteral("rolling") });
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("[PASS]")) && !r.out.contains(QStringLiteral("[FAIL]")), qPrintable(r.out));

    // Sampling on 2.0.1 shows the leak (the sandbox's 2.0.1 walsender grows while a standby archives).
    r = runCli({ QStringLiteral("monitor"), QStringLiteral("--profile"), profile, QStringLiteral("--duration"), QStringLiteral("20"),
        QStringLiteral("--json") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject monitored = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(monitored.value(QStringLiteral("verdict")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("growing"));
    QVERIFY(QFile::exists(monitored.value(QStringLiteral("samples_file")).toString()));
    QDir(QFileInfo(monitored.value(QStringLiteral("samples_file")).toString()).path()).removeRecursively();

    // Not asked, not run: without a person to answer, upgrade refuses before anything changes.
    r = runCli({ QStringLiteral("upgrade"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"), QStringLiteral("offline") });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
    // ... and the nodes say so: every node still runs 2.0.1.
    r = runCli({ QStringLiteral("status"), QStringLiteral("--profile"), profile, QStringLiteral("--json") });
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray())
        QCOMPARE(v.toObject().value(QStringLiteral("version")).toString(), QStringLiteral("2.0.1"));

    // A typed answer other than "yes" runs nothing either.
    r = runCli({ QStringLiteral("upgrade"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"), QStringLiteral("offline") },
        QStringLiteral("no\n"));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("Nothing was changed")), qPrintable(r.out));
}

void TestCliCommands::upgradeThroughTheSession()
{
    TestSupport::Sandbox sandbox;
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
    const QString runDir = sandbox.dir() + QStringLiteral("/run");
    const CliRun r = runCli({ QStringLiteral("upgrade"), QStringLiteral("--profile"), sandbox.profile(), QStringLiteral("--mode"),
        QStringLiteral("offline"), QStringLiteral("--yes"), QStringLiteral("--run-dir"), runDir });
    QVERIFY2(r.code == 0, qPrintable(r.out.right(3000) + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("UPGRADE COMPLETE")), qPrintable(r.out.right(2000)));
    // The verdict is the one rule's, with gs_om's own view of the cluster on this OM install.
    QVERIFY2(r.out.contains(QStringLiteral("Cluster state (gs_om -t status on ")), qPrintable(r.out.right(2000)));

    // The run directory is the session's record: the upgrade's window and the verification are in it.
    const QList<QJsonObject> events = TestSupport::readJournal(runDir);
    QStringList marks;
    QString verify;
    for (const QJsonObject& e : events) {
        if (e.value(QStringLiteral("event")).toString() == QStringLiteral("mark"))
            marks << e.value(QStringLiteral("mark")).toString();
        if (e.value(QStringLiteral("event")).toString() == QStringLiteral("verify"))
            verify = e.value(QStringLiteral("result")).toString();
    }
    QCOMPARE(marks, (QStringList { QStringLiteral("baseline-start"), QStringLiteral("baseline-end"), QStringLiteral("first-stop"),
                        QStringLiteral("last-start") }));
    QCOMPARE(verify, QStringLiteral("verified"));
    QVERIFY2(r.out.contains(QStringLiteral("Baseline: sampling the walsender memory for 10 s")), qPrintable(r.out.left(3000)));
    QVERIFY2(r.out.contains(QStringLiteral("Measured downtime: the cluster had no primary answering for ")), qPrintable(r.out.right(2000)));

    // Watching on after the upgrade continues the run's samples.csv: before against after, the leak is gone.
    const CliRun m = runCli({ QStringLiteral("monitor"), QStringLiteral("--run-dir"), runDir, QStringLiteral("--duration"), QStringLiteral("30") });
    QVERIFY2(m.code == 0, qPrintable(m.err));
    QVERIFY2(m.out.contains(QStringLiteral(": leak fixed")), qPrintable(m.out.right(1500)));
    QList<MemorySample> samples;
    QString error;
    QVERIFY2(MemorySampler::readCsv(runDir + QStringLiteral("/samples.csv"), &samples, &error), qPrintable(error));
    QSet<QString> phases;
    for (const MemorySample& sample : std::as_const(samples))
        phases << sample.phase;
    QCOMPARE(phases, (QSet<QString> { QStringLiteral("before"), QStringLiteral("upgrade"), QStringLiteral("after") }));
    // And the nodes themselves: every node's bin/ reports 2.0.3.
    for (const Sim::SandboxNode& n : sandbox.config().nodes) {
        const TestSupport::ProcessResult v = TestSupport::run(n.gausshome + QStringLiteral("/bin/gaussdb"), { QStringLiteral("-V") }, 30000,
            sandbox.nodeEnv(n.name));
        QVERIFY2(v.out.contains(QStringLiteral("2.0.3")), qPrintable(n.name + QStringLiteral(": ") + v.out));
    }
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
