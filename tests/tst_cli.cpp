#include "SandboxBuilder.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

// mogup-cli as a user runs it: real processes, the exit codes and output a user sees, the sandbox's
// real state afterwards.
class Tst_Cli : public QObject
{
    Q_OBJECT

    static QString cli() { return TestSupport::binDir() + QStringLiteral("/mogup-cli"); }

    // Stops the sandbox in DIR when the test ends, whatever happened.
    struct StopGuard
    {
        QString dir;
        ~StopGuard()
        {
            QString error;
            Sim::SandboxBuilder::stop(dir, &error);
        }
    };

    static QJsonObject statusJson(const QString& profile)
    {
        const auto r = TestSupport::run(cli(), { QStringLiteral("status"), QStringLiteral("--profile"), profile, QStringLiteral("--json") });
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private slots:
    void demoUpgrade_data()
    {
        QTest::addColumn<QStringList>("initArgs");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("om");
        QTest::newRow("rolling") << QStringList() << "rolling" << true;
        QTest::newRow("offline") << QStringList() << "offline" << true;
        QTest::newRow("rolling, manual install") << QStringList { QStringLiteral("--install"), QStringLiteral("manual") } << "rolling" << false;
        QTest::newRow("offline, manual install") << QStringList { QStringLiteral("--install"), QStringLiteral("manual") } << "offline" << false;
        QTest::newRow("rolling, no MogHA") << QStringList { QStringLiteral("--no-mogha") } << "rolling" << true;
        QTest::newRow("offline, no MogHA") << QStringList { QStringLiteral("--no-mogha") } << "offline" << true;
    }

    void demoUpgrade()
    {
        QFETCH(QStringList, initArgs);
        QFETCH(QString, mode);
        QFETCH(bool, om);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("demo"));
        StopGuard guard { dir };
        auto r = TestSupport::run(cli(), QStringList { QStringLiteral("demo"), QStringLiteral("init"), dir } + initArgs, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString profile = dir + QStringLiteral("/profile.json");
        QVERIFY(QFile::exists(profile));

        const QString runDir = tmp.filePath(QStringLiteral("run"));
        r = TestSupport::run(cli(), { QStringLiteral("upgrade"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"), mode,
                                        QStringLiteral("--yes"), QStringLiteral("--run-dir"), runDir },
            600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out.right(3000) + r.err));
        QVERIFY(r.out.contains(QStringLiteral("UPGRADE COMPLETE")));
        QVERIFY(r.out.contains(QStringLiteral("[node2] "))); // the live log, with node prefixes

        const QJsonArray nodes = statusJson(profile).value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 3);
        int primaries = 0, standbys = 0;
        for (const QJsonValue& v : nodes) {
            const QJsonObject n = v.toObject();
            QCOMPARE(n.value(QStringLiteral("version")).toString(), QStringLiteral("2.0.3"));
            QCOMPARE(n.value(QStringLiteral("running")).toBool(), true);
            if (n.value(QStringLiteral("role")) == QStringLiteral("primary"))
                ++primaries;
            if (n.value(QStringLiteral("role")) == QStringLiteral("standby")
                && n.value(QStringLiteral("state")) == QStringLiteral("Normal"))
                ++standbys;
        }
        QCOMPARE(primaries, 1);
        QCOMPARE(standbys, 2);
        for (const QString& node : { QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3") }) {
            const QString app = dir + QLatin1Char('/') + node + QStringLiteral("/app");
            QVERIFY(QFileInfo(app + QStringLiteral("/bin_201")).isDir());
            QVERIFY(QFileInfo(app + QStringLiteral("/lib_201")).isDir());
            if (om) {
                QCOMPARE(TestSupport::readFile(app + QStringLiteral("/bin/cluster_static_config")).toLatin1(),
                    TestSupport::readFile(app + QStringLiteral("/bin_201/cluster_static_config")).toLatin1());
                QCOMPARE(TestSupport::readFile(app + QStringLiteral("/bin/upgrade_version")),
                    TestSupport::readFile(app + QStringLiteral("/bin_201/upgrade_version")));
            }
        }
        QVERIFY(QFile::exists(runDir + QStringLiteral("/journal.jsonl")));
        QVERIFY(QFile::exists(runDir + QStringLiteral("/log.txt")));

        // demo stop leaves no process of the sandbox.
        r = TestSupport::run(cli(), { QStringLiteral("demo"), QStringLiteral("stop"), dir }, 60000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(Sim::SandboxBuilder::sandboxProcesses(dir).isEmpty());
        // And an independent look: pgrep (run directly, so no shell of ours matches) finds nothing.
        const auto ps = TestSupport::run(QStringLiteral("pgrep"), { QStringLiteral("-f"), QStringLiteral("--"), dir });
        QCOMPARE(ps.out.trimmed(), QString());
    }

    void faultMakesUpgradeFailNamingNodeAndStep()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("demo"));
        StopGuard guard { dir };
        auto r = TestSupport::run(cli(), { QStringLiteral("demo"), QStringLiteral("init"), dir }, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        TestSupport::writeFile(dir + QStringLiteral("/faults.json"),
            R"([{"node":"node3","tool":"gs_ctl","args":"start","action":"fail","times":0}])");
        const QString runDir = tmp.filePath(QStringLiteral("run"));
        r = TestSupport::run(cli(), { QStringLiteral("upgrade"), QStringLiteral("--profile"), dir + QStringLiteral("/profile.json"),
                                        QStringLiteral("--mode"), QStringLiteral("rolling"), QStringLiteral("--yes"),
                                        QStringLiteral("--run-dir"), runDir },
            600000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("UPGRADE FAILED")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("node3-start-db on node node3")));
        QVERIFY(r.err.contains(QStringLiteral("State of each node")));
        QVERIFY(r.err.contains(QStringLiteral("The way back")));
        QVERIFY(r.err.contains(QStringLiteral("mv bin_201 bin"))); // the undo of the bin swap is offered
        const QList<QJsonObject> ev = TestSupport::readJournal(runDir);
        QCOMPARE(ev.last().value(QStringLiteral("failed_step")).toString(), QStringLiteral("node3-start-db"));
        QCOMPARE(ev.last().value(QStringLiteral("failed_node")).toString(), QStringLiteral("node3"));

        // The way back, executed: the cause is gone, `undo` takes every node back to where it was.
        QFile::remove(dir + QStringLiteral("/faults.json"));
        r = TestSupport::run(cli(), { QStringLiteral("undo"), QStringLiteral("--run-dir"), runDir, QStringLiteral("--yes") }, 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out.right(3000)));
        QVERIFY(r.out.contains(QStringLiteral("UNDO COMPLETE")));
        QVERIFY(r.out.contains(QStringLiteral("already so, not run"))); // node3's failed start left nothing to stop
        const QJsonArray nodes = statusJson(dir + QStringLiteral("/profile.json")).value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 3);
        for (const QJsonValue& v : nodes) {
            const QJsonObject n = v.toObject();
            QCOMPARE(n.value(QStringLiteral("version")).toString(), QStringLiteral("2.0.1"));
            QCOMPARE(n.value(QStringLiteral("state")).toString(), QStringLiteral("Normal"));
            QCOMPARE(n.value(QStringLiteral("role")).toString(),
                n.value(QStringLiteral("name")) == QStringLiteral("node1") ? QStringLiteral("primary") : QStringLiteral("standby"));
        }
        for (const QString& node : { QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3") })
            QVERIFY(!QFileInfo::exists(dir + QLatin1Char('/') + node + QStringLiteral("/app/bin_201")));
    }

    void planAndGuardsTouchNothing()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("demo"));
        StopGuard guard { dir };
        auto r = TestSupport::run(cli(), { QStringLiteral("demo"), QStringLiteral("init"), dir, QStringLiteral("--nodes"), QStringLiteral("2") }, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString profile = dir + QStringLiteral("/profile.json");
        // The database processes, by their pid files: nothing may stop or restart them.
        auto postmasters = [&dir] {
            QStringList pids;
            for (const QString& node : { QStringLiteral("node1"), QStringLiteral("node2") })
                pids << TestSupport::readFile(dir + QLatin1Char('/') + node + QStringLiteral("/data/postmaster.pid")).section(QLatin1Char('\n'), 0, 0);
            return pids;
        };
        const QStringList before = postmasters();
        QVERIFY(!before.contains(QString()));

        r = TestSupport::run(cli(), { QStringLiteral("plan"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"),
                                        QStringLiteral("rolling"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(plan.value(QStringLiteral("steps")).toArray().size() > 10);
        r = TestSupport::run(cli(), { QStringLiteral("plan"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"),
                                        QStringLiteral("offline") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("gs_om -t stop")));

        // Two nodes, synchronous replication, most_available_sync off: rolling mode would block every
        // commit while the standby is down. The pre-checks warn, and a warning stops the upgrade unless
        // accepted.
        r = TestSupport::run(cli(), { QStringLiteral("upgrade"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"),
                                        QStringLiteral("rolling"), QStringLiteral("--yes") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("most_available_sync = off")), qPrintable(r.out));
        const QString said = r.out + r.err;
        QVERIFY2(said.contains(QStringLiteral("--accept-warnings")), qPrintable(said));

        // Without --yes and without a terminal to ask on, nothing runs.
        r = TestSupport::run(cli(), { QStringLiteral("upgrade"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"),
                                        QStringLiteral("rolling"), QStringLiteral("--accept-warnings") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--yes")));

        QCOMPARE(postmasters(), before); // same server processes: nothing was stopped or restarted
        const QJsonArray nodes = statusJson(profile).value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 2);
        for (const QJsonValue& v : nodes)
            QCOMPARE(v.toObject().value(QStringLiteral("version")).toString(), QStringLiteral("2.0.1"));
    }

    void badInputIsNamed_data()
    {
        QTest::addColumn<QByteArray>("profile");
        QTest::addColumn<QStringList>("expect");
        QTest::newRow("relative path and typo")
            << QByteArray(R"({"name":"x","transport":"local","install_method":"om","mogha":true,"db_user":"omm",
                 "package":{"file":"/p/MogDB-2.0.3-CentOS-x86_64.tar.gz","on_nodes":true},"unpack_dir":"/u",
                 "nodes":[{"name":"n1","host":"h","gausshome":"app","pgdata":"/d","db_port":26000,"db_prot":1}]})")
            << QStringList { QStringLiteral("node n1, nodes[0].gausshome"), QStringLiteral("relative path"),
                   QStringLiteral("nodes[0].db_prot"), QStringLiteral("did you mean \"db_port\"") };
        QTest::newRow("not JSON") << QByteArray("{ nodes: ") << QStringList { QStringLiteral("not valid JSON") };
    }
    void badInputIsNamed()
    {
        QFETCH(QByteArray, profile);
        QFETCH(QStringList, expect);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("p.json"));
        TestSupport::writeFile(path, profile);
        const QList<QStringList> commands = { { QStringLiteral("plan"), QStringLiteral("--mode"), QStringLiteral("rolling") },
            { QStringLiteral("upgrade"), QStringLiteral("--mode"), QStringLiteral("offline"), QStringLiteral("--yes") },
            { QStringLiteral("status") } };
        for (const QStringList& command : commands) {
            const QString cmd = command.first();
            const auto r = TestSupport::run(cli(), command + QStringList { QStringLiteral("--profile"), path });
            QCOMPARE(r.exitCode, 2);
            for (const QString& e : expect)
                QVERIFY2(r.err.contains(e), qPrintable(cmd + QStringLiteral(": ") + r.err));
        }
        const auto r = TestSupport::run(cli(), { QStringLiteral("plan"), QStringLiteral("--profile"), path, QStringLiteral("--mode"), QStringLiteral("sideways") });
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(Tst_Cli)
#include "tst_cli.moc"
