#include "LocalExecutor.h"
#include "Prechecks.h"
#include "TestSupport.h"

#include <QtTest>

using namespace MogUp;

// The read-only checks before an upgrade, on the live sandbox: what passes, and what a DBA is told
// when MogHA is running against the profile, a standby is down, or the package is damaged.
class Tst_Prechecks : public QObject
{
    Q_OBJECT

    static PrecheckReport check(const ClusterProfile& profile)
    {
        LocalExecutor exec(profile);
        CancelToken cancel;
        return Prechecks(exec, profile).run(cancel);
    }
    static const PrecheckItem* find(const PrecheckReport& r, const QString& id)
    {
        for (const PrecheckItem& i : r.items) {
            if (i.id == id)
                return &i;
        }
        return nullptr;
    }
    static ClusterProfile load(const TestSupport::Sandbox& s)
    {
        ClusterProfile p;
        QList<ProfileError> errors;
        if (!ClusterProfile::load(s.profile(), &p, &errors))
            qWarning() << errors.value(0).toString();
        return p;
    }

private slots:
    void healthyClusterPasses()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const PrecheckReport r = check(load(sandbox));
        QVERIFY2(r.ok(), qPrintable(r.failures().join(QLatin1Char('\n'))));
        QVERIFY(!r.hasWarnings());
        QCOMPARE(r.primary, QStringLiteral("node1"));
        for (const QString& id : { QStringLiteral("reachable"), QStringLiteral("version-node1"), QStringLiteral("version-node3"),
                 QStringLiteral("one-primary"), QStringLiteral("cluster-normal"), QStringLiteral("standbys-streaming"),
                 QStringLiteral("mogha-node2"), QStringLiteral("package") }) {
            const PrecheckItem* i = find(r, id);
            QVERIFY2(i, qPrintable(id));
            QCOMPARE(i->severity, PrecheckSeverity::Pass);
        }
        QVERIFY(find(r, QStringLiteral("package"))->detail.contains(QStringLiteral("matches its .sha256")));
    }

    void moghaAgainstTheProfileFails()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile p = load(sandbox);
        p.mogha = false;
        const PrecheckReport r = check(p);
        QVERIFY(!r.ok());
        const PrecheckItem* i = find(r, QStringLiteral("mogha-node2"));
        QVERIFY(i);
        QCOMPARE(i->severity, PrecheckSeverity::Failure);
        QVERIFY(i->detail.contains(QStringLiteral("would restart the database")));
        QVERIFY(i->fix.contains(QStringLiteral("\"mogha\": true")));
    }

    void stoppedStandbyFails()
    {
        Sim::SandboxOptions o;
        o.mogha = false;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const auto stop = TestSupport::sh(QStringLiteral(". %1/node3/home/.bashrc && gs_ctl stop -D \"$PGDATA\"").arg(sandbox.dir()),
            60000, sandbox.nodeEnv(QStringLiteral("node3")));
        QCOMPARE(stop.exitCode, 0);
        const PrecheckReport r = check(load(sandbox));
        QVERIFY(!r.ok());
        QCOMPARE(find(r, QStringLiteral("cluster-normal"))->severity, PrecheckSeverity::Failure);
        // Named as down only because its env file, binaries and data directory were all found.
        QVERIFY2(find(r, QStringLiteral("cluster-normal"))->detail.contains(QStringLiteral("the database is down on node3")),
            qPrintable(find(r, QStringLiteral("cluster-normal"))->detail));
        QVERIFY(find(r, QStringLiteral("cluster-normal"))->fix.startsWith(QStringLiteral("start it")));
        QCOMPARE(find(r, QStringLiteral("environment-node3"))->severity, PrecheckSeverity::Pass);
        QCOMPARE(find(r, QStringLiteral("standbys-streaming"))->severity, PrecheckSeverity::Failure);
        QVERIFY(find(r, QStringLiteral("standbys-streaming"))->detail.startsWith(QStringLiteral("1 of 2 standbys")));
    }

    // A wrong diagnosis is dangerous: a node MogUp cannot read must be reported with the cause it saw,
    // never as "not running" with "start the node" (a DBA could restart a running database).
    void environmentProblemsAreNamed_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("fixSays");
        QTest::newRow("env file missing") << "env_file" << "the env file %1 does not exist" << "set env_file of node2";
        QTest::newRow("GAUSSHOME missing") << "gausshome" << "GAUSSHOME %1 does not exist" << "set gausshome of node2";
        QTest::newRow("data directory missing") << "pgdata" << "the data directory %1 does not exist" << "set pgdata of node2";
        QTest::newRow("gs_ctl missing") << "gs_ctl" << "tool not found: %1/bin/gs_ctl" << "check gausshome of node2";
        QTest::newRow("gs_ctl not executable") << "gs_ctl-mode" << "cannot run %1/bin/gs_ctl" << "check the owner and mode";
    }
    void environmentProblemsAreNamed()
    {
        QFETCH(QString, what);
        QFETCH(QString, says);
        QFETCH(QString, fixSays);
        Sim::SandboxOptions o;
        o.mogha = false;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile p = load(sandbox);
        NodeProfile& n = p.nodes[1];
        QString path;
        if (what == QStringLiteral("env_file")) {
            n.envFile = sandbox.dir() + QStringLiteral("/node2/home/.bashrc-missing");
            path = n.envFile;
        } else if (what == QStringLiteral("gausshome")) {
            n.gausshome = sandbox.dir() + QStringLiteral("/node2/no-such-app");
            path = n.gausshome;
        } else if (what == QStringLiteral("pgdata")) {
            n.pgdata = sandbox.dir() + QStringLiteral("/node2/no-such-data");
            path = n.pgdata;
        } else if (what == QStringLiteral("gs_ctl")) {
            QVERIFY(QFile::rename(n.gausshome + QStringLiteral("/bin/gs_ctl"), n.gausshome + QStringLiteral("/bin/gs_ctl.moved")));
            path = n.gausshome;
        } else {
            // A copy of gaussdb without the execute bits (root can run anything that has one).
            const QString tool = n.gausshome + QStringLiteral("/bin/gs_ctl");
            QVERIFY(QFile::remove(tool));
            QVERIFY(QFile::copy(n.gausshome + QStringLiteral("/bin/gaussdb"), tool));
            QVERIFY(QFile::setPermissions(tool, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            path = n.gausshome;
        }
        const PrecheckReport r = check(p);
        QVERIFY(!r.ok());
        const PrecheckItem* env = find(r, QStringLiteral("environment-node2"));
        QVERIFY(env);
        QCOMPARE(env->severity, PrecheckSeverity::Failure);
        QVERIFY2(env->detail.contains(says.arg(path)), qPrintable(env->detail));
        QVERIFY2(env->fix.contains(fixSays), qPrintable(env->fix));
        // Not taken for a stopped database anywhere in the report.
        for (const PrecheckItem& i : r.items) {
            QVERIFY2(!i.detail.contains(QStringLiteral("down on node2")), qPrintable(i.id + QStringLiteral(": ") + i.detail));
            QVERIFY2(!i.fix.startsWith(QStringLiteral("start")), qPrintable(i.id + QStringLiteral(": ") + i.fix));
        }
        QVERIFY2(find(r, QStringLiteral("cluster-normal"))->detail.contains(QStringLiteral("not read on node2")),
            qPrintable(find(r, QStringLiteral("cluster-normal"))->detail));
        // The other nodes are read as usual.
        QCOMPARE(find(r, QStringLiteral("environment-node1"))->severity, PrecheckSeverity::Pass);
        QCOMPARE(find(r, QStringLiteral("version-node1"))->severity, PrecheckSeverity::Pass);
    }

    // On an OM install gs_om lives in $GPHOME/script and is found only through the env file's PATH.
    void gsOmNotOnPathFails()
    {
        Sim::SandboxOptions o;
        o.mogha = false;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile p = load(sandbox);
        // The same env file without the lines gs_preinstall writes for the OM.
        const QString original = TestSupport::readFile(p.nodes[2].envFile);
        QStringList kept;
        for (const QString& line : original.split(QLatin1Char('\n'))) {
            if (!line.contains(QStringLiteral("GPHOME")))
                kept << line;
        }
        QVERIFY(kept.size() < original.split(QLatin1Char('\n')).size());
        const QString stripped = sandbox.dir() + QStringLiteral("/node3/home/env-without-om");
        QFile f(stripped);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kept.join(QLatin1Char('\n')).toUtf8());
        f.close();
        p.nodes[2].envFile = stripped;

        const PrecheckReport r = check(p);
        const PrecheckItem* om3 = find(r, QStringLiteral("gs_om-node3"));
        QVERIFY(om3);
        QCOMPARE(om3->severity, PrecheckSeverity::Failure);
        QVERIFY2(om3->detail.contains(QStringLiteral("gs_om is not found on the PATH after sourcing ") + stripped),
            qPrintable(om3->detail));
        QVERIFY(om3->fix.contains(QStringLiteral("$GPHOME/script")));
        // Where the others find it: the OM tool directory, not GAUSSHOME/bin.
        const PrecheckItem* om1 = find(r, QStringLiteral("gs_om-node1"));
        QCOMPARE(om1->severity, PrecheckSeverity::Pass);
        QCOMPARE(om1->detail, sandbox.dir() + QStringLiteral("/node1/om/script/gs_om"));
        QVERIFY(!QFileInfo::exists(p.nodes[0].gausshome + QStringLiteral("/bin/gs_om")));
        // A manual install has no gs_om and needs none.
        p.installMethod = InstallMethod::Manual;
        QVERIFY(!find(check(p), QStringLiteral("gs_om-node3")));
    }

    // A bin_201 left by an earlier attempt: the swap could not keep the current binaries under that
    // name, and a way back built on it would swap a stale copy in. The pre-checks stop the upgrade
    // before anything changes.
    void leftoverBackupFailsBeforeAnythingChanges_data()
    {
        QTest::addColumn<QString>("leftover");
        QTest::newRow("bin_201") << "bin_201";
        QTest::newRow("lib_201") << "lib_201";
    }
    void leftoverBackupFailsBeforeAnythingChanges()
    {
        QFETCH(QString, leftover);
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile p = load(sandbox);
        const QString home = p.nodes[1].gausshome;
        const QString source = home + QLatin1Char('/') + leftover.left(3);
        const auto copy = TestSupport::sh(QStringLiteral("cp -r '%1' '%2/%3' && echo stale > '%2/%3/stale-marker'")
                                              .arg(source, home, leftover));
        QCOMPARE(copy.exitCode, 0);
        const PrecheckReport r = check(p);
        QVERIFY(!r.ok());
        const PrecheckItem* i = find(r, QStringLiteral("leftover-node2"));
        QVERIFY(i);
        QCOMPARE(i->severity, PrecheckSeverity::Failure);
        QVERIFY2(i->detail.contains(QStringLiteral("found ") + home + QLatin1Char('/') + leftover), qPrintable(i->detail));
        QVERIFY2(i->fix.contains(QStringLiteral("mogup-cli undo")), qPrintable(i->fix));
        QVERIFY2(i->fix.contains(QStringLiteral("mv ") + home + QLatin1Char('/') + leftover), qPrintable(i->fix));
        QCOMPARE(find(r, QStringLiteral("leftover-node1"))->severity, PrecheckSeverity::Pass);

        // `mogup-cli upgrade` stops at the pre-checks: bin/ and lib/ of every node stay byte for byte.
        QMap<QString, QByteArray> before;
        for (const Sim::SandboxNode& n : sandbox.config().nodes)
            before[n.name] = TestSupport::sh(QStringLiteral("cd '%1' && find bin lib -type f | sort | xargs sha256sum").arg(n.gausshome)).out.toUtf8();
        const auto up = TestSupport::run(QStringLiteral(MOGUP_BIN_DIR) + QStringLiteral("/mogup-cli"),
            { QStringLiteral("upgrade"), QStringLiteral("--profile"), sandbox.profile(), QStringLiteral("--mode"),
                QStringLiteral("rolling"), QStringLiteral("--yes"), QStringLiteral("--run-dir"),
                sandbox.dir() + QStringLiteral("/run") },
            300000);
        QVERIFY2(up.exitCode != 0, qPrintable(up.out));
        const QString said = up.out + up.err;
        QVERIFY2(said.contains(QStringLiteral("found ") + home + QLatin1Char('/') + leftover), qPrintable(said));
        for (const Sim::SandboxNode& n : sandbox.config().nodes) {
            const QByteArray now = TestSupport::sh(QStringLiteral("cd '%1' && find bin lib -type f | sort | xargs sha256sum").arg(n.gausshome)).out.toUtf8();
            QCOMPARE(now, before.value(n.name));
        }
        QVERIFY(QFileInfo::exists(home + QLatin1Char('/') + leftover + QStringLiteral("/stale-marker")));
    }

    // Rolling mode stops one standby at a time: with synchronous replication and no other standby that
    // can confirm a commit, every commit on the primary waits until it is back.
    void syncReplicationInRollingMode_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("warns");
        QTest::newRow("2 nodes rolling") << 2 << "rolling" << true;
        QTest::newRow("2 nodes, mode not given") << 2 << "" << true;
        QTest::newRow("2 nodes offline") << 2 << "offline" << false;
        QTest::newRow("3 nodes rolling") << 3 << "rolling" << false;
    }
    void syncReplicationInRollingMode()
    {
        QFETCH(int, nodes);
        QFETCH(QString, mode);
        QFETCH(bool, warns);
        Sim::SandboxOptions o;
        o.nodes = nodes;
        o.mogha = false;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const ClusterProfile p = load(sandbox);
        LocalExecutor exec(p);
        CancelToken cancel;
        Prechecks prechecks(exec, p);
        if (mode == QStringLiteral("rolling"))
            prechecks.setMode(UpgradeMode::Rolling);
        else if (mode == QStringLiteral("offline"))
            prechecks.setMode(UpgradeMode::Offline);
        const PrecheckReport r = prechecks.run(cancel);
        const PrecheckItem* i = find(r, QStringLiteral("sync-rolling"));
        QVERIFY(i);
        if (!warns) {
            QCOMPARE(i->severity, PrecheckSeverity::Pass);
            QVERIFY2(!r.hasWarnings(), qPrintable(i->detail));
            return;
        }
        QCOMPARE(i->severity, PrecheckSeverity::Warning);
        // The settings as read from the primary, and the way out.
        QVERIFY2(i->detail.contains(QStringLiteral("synchronous_standby_names = '*'")), qPrintable(i->detail));
        QVERIFY2(i->detail.contains(QStringLiteral("most_available_sync = off")), qPrintable(i->detail));
        QVERIFY2(i->detail.contains(QStringLiteral("every commit on node1 waits")), qPrintable(i->detail));
        QVERIFY2(i->fix.contains(QStringLiteral("most_available_sync=on")), qPrintable(i->fix));
        QVERIFY2(i->fix.contains(QStringLiteral("offline mode")), qPrintable(i->fix));
    }

    void requiredSyncStandbys_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<int>("required");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("empty") << "" << 0 << QStringList();
        QTest::newRow("quoted empty") << "''" << 0 << QStringList();
        QTest::newRow("star") << "*" << 1 << QStringList { QStringLiteral("*") };
        QTest::newRow("plain list") << "dn_6002, dn_6003" << 1 << QStringList { QStringLiteral("dn_6002"), QStringLiteral("dn_6003") };
        QTest::newRow("count") << "2 (dn_6002, dn_6003)" << 2 << QStringList { QStringLiteral("dn_6002"), QStringLiteral("dn_6003") };
        QTest::newRow("FIRST") << "FIRST 1 (dn_6002,dn_6003)" << 1 << QStringList { QStringLiteral("dn_6002"), QStringLiteral("dn_6003") };
        QTest::newRow("ANY lower case") << "any 2(*)" << 2 << QStringList { QStringLiteral("*") };
    }
    void requiredSyncStandbys()
    {
        QFETCH(QString, setting);
        QFETCH(int, required);
        QFETCH(QStringList, names);
        QStringList got;
        QCOMPARE(Prechecks::requiredSyncStandbys(setting, &got), required);
        QCOMPARE(got, names);
    }

    void damagedPackageFails()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        // Repack the package with a .sha256 that does not match its tarball.
        const QString pkg = sandbox.dir() + QStringLiteral("/packages");
        const auto repack = TestSupport::sh(QStringLiteral(
            "cd %1 && mkdir x && tar -xf MogDB-2.0.3-CentOS-x86_64.tar.gz -C x && "
            "echo 0000000000000000000000000000000000000000000000000000000000000000 > x/MogDB-2.0.3-CentOS-64bit.sha256 && "
            "tar -czf MogDB-2.0.3-CentOS-x86_64.tar.gz -C x MogDB-2.0.3-CentOS-64bit.tar.bz2 MogDB-2.0.3-CentOS-64bit.sha256")
                                                .arg(pkg));
        QCOMPARE(repack.exitCode, 0);
        const PrecheckReport r = check(load(sandbox));
        QVERIFY(!r.ok());
        const PrecheckItem* i = find(r, QStringLiteral("package"));
        QCOMPARE(i->severity, PrecheckSeverity::Failure);
        QVERIFY2(i->detail.contains(QStringLiteral("checksum mismatch for MogDB-2.0.3-CentOS-64bit.tar.bz2: the .sha256 says 0000")),
            qPrintable(i->detail));
    }
};

QTEST_GUILESS_MAIN(Tst_Prechecks)
#include "tst_prechecks.moc"
