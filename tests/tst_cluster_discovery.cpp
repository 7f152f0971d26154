#include "ClusterDiscovery.h"
#include "LocalExecutor.h"
#include "TestSupport.h"

#include <QtTest>

using namespace MogUp;

// "Discover" on the live sandbox: from one node's row, the OM's view of the whole cluster (names, hosts,
// data directories, ports, live roles); a manual install and a damaged gs_om output give a clear error
// naming the node and what to do.
class Tst_ClusterDiscovery : public QObject
{
    Q_OBJECT

    static ClusterProfile load(const TestSupport::Sandbox& s)
    {
        ClusterProfile p;
        QList<ProfileError> errors;
        if (!ClusterProfile::load(s.profile(), &p, &errors))
            qWarning() << errors.value(0).toString();
        return p;
    }
    static DiscoveryResult discover(const ClusterProfile& profile, int fromIndex)
    {
        LocalExecutor exec(profile);
        CancelToken cancel;
        return ClusterDiscovery(exec, profile).discover(profile.nodes.at(fromIndex), cancel);
    }

private slots:
    void omInstallFindsEveryNode()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const ClusterProfile profile = load(sandbox);
        // Ask a standby: discovery must not depend on asking the primary.
        const DiscoveryResult d = discover(profile, 1);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.from, QStringLiteral("node2"));
        QCOMPARE(d.nodes.size(), 3);
        QCOMPARE(d.fromIndex, 1);
        QCOMPARE(d.clusterState, QStringLiteral("Normal"));
        for (int i = 0; i < 3; ++i) {
            const Sim::SandboxNode& expected = sandbox.config().nodes.at(i);
            const DiscoveredNode& n = d.nodes.at(i);
            QCOMPARE(n.name, expected.name);
            QCOMPARE(n.host, expected.host);
            QCOMPARE(n.pgdata, expected.pgdata);
            QCOMPARE(n.dbPort, expected.dbPort); // OM 2.0.1 prints no port: read from replconninfo
            QCOMPARE(n.role, i == 0 ? NodeRole::Primary : NodeRole::Standby);
            QCOMPARE(n.state, QStringLiteral("Normal"));
        }
        QVERIFY(d.portsDerived);
        QVERIFY2(d.notes.contains(QStringLiteral("node2")), qPrintable(d.notes));

        // Into profile rows: the node asked keeps its row; the others get their own directories (the sandbox
        // keeps each node under DIR/nodeN) and the login settings of the node asked.
        const QList<NodeProfile> rows = ClusterDiscovery::toNodeProfiles(d, profile.nodes.at(1));
        QCOMPARE(rows.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const NodeProfile& original = profile.nodes.at(i);
            QCOMPARE(rows.at(i).name, original.name);
            QCOMPARE(rows.at(i).host, original.host);
            QCOMPARE(rows.at(i).pgdata, original.pgdata);
            QCOMPARE(rows.at(i).gausshome, original.gausshome);
            QCOMPARE(rows.at(i).envFile, original.envFile);
            QCOMPARE(rows.at(i).unpackDir, original.unpackDir);
            QCOMPARE(rows.at(i).dbPort, original.dbPort);
            QCOMPARE(rows.at(i).role, original.role);
        }
        ClusterProfile rebuilt = profile;
        rebuilt.nodes = rows;
        QVERIFY(rebuilt.validate().isEmpty());
    }

    void manualInstallSaysWhatToDo()
    {
        Sim::SandboxOptions options;
        options.install = QStringLiteral("manual");
        options.nodes = 2;
        options.mogha = false;
        TestSupport::Sandbox sandbox(options);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile = load(sandbox);
        QCOMPARE(profile.installMethod, InstallMethod::Manual);
        DiscoveryResult d = discover(profile, 0);
        QVERIFY(!d.ok);
        QVERIFY(d.nodes.isEmpty());
        QVERIFY2(d.error.startsWith(QStringLiteral("node1: ")), qPrintable(d.error));
        QVERIFY2(d.error.contains(QStringLiteral("manual install")), qPrintable(d.error));
        QVERIFY2(d.error.contains(QStringLiteral("only OM installs have")), qPrintable(d.error));

        // A profile that wrongly says "om": a manual install has no OM tool directory, so its env file
        // puts no gs_om on PATH; same advice.
        profile.installMethod = InstallMethod::Om;
        d = discover(profile, 0);
        QVERIFY(!d.ok);
        QVERIFY2(d.error.contains(QStringLiteral("no usable gs_om on the PATH that ") + profile.nodes[0].envFile),
            qPrintable(d.error));
        QVERIFY2(d.error.contains(QStringLiteral("command not found")), qPrintable(d.error));
        QVERIFY2(d.error.contains(QStringLiteral("only OM installs have")), qPrintable(d.error));
    }

    void damagedOutputIsReported()
    {
        Sim::SandboxOptions options;
        options.nodes = 2;
        TestSupport::Sandbox sandbox(options);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const ClusterProfile profile = load(sandbox);
        sandbox.addFault(QStringLiteral("node1"), QStringLiteral("gs_om"), QStringLiteral("status"),
            QStringLiteral("garbage"));
        const DiscoveryResult d = discover(profile, 0);
        QVERIFY(!d.ok);
        QVERIFY(d.nodes.isEmpty());
        QVERIFY2(d.error.startsWith(
                     QStringLiteral("node1: gs_om -t status --detail printed something MogUp cannot read")),
            qPrintable(d.error));
        QVERIFY2(d.error.contains(QStringLiteral("as ") + profile.dbUser), qPrintable(d.error));

        // The fault was used up: the next discovery reads the cluster again.
        QVERIFY2(discover(profile, 0).ok, "discovery after the fault");
    }

    void nodeNotListedIsNamed()
    {
        Sim::SandboxOptions options;
        options.nodes = 2;
        TestSupport::Sandbox sandbox(options);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile = load(sandbox);
        // The operator typed another name and data directory; the OM lists every node on 127.0.0.1 here,
        // so nothing identifies the row.
        profile.nodes[0].name = QStringLiteral("db-a");
        profile.nodes[0].pgdata = sandbox.dir() + QStringLiteral("/elsewhere");
        const DiscoveryResult d = discover(profile, 0);
        QVERIFY(!d.ok);
        QVERIFY2(d.error.startsWith(QStringLiteral("db-a: its OM lists node1")), qPrintable(d.error));
        QVERIFY2(d.error.contains(QStringLiteral("Correct the name, host or PGDATA of db-a")),
            qPrintable(d.error));
    }
};

QTEST_GUILESS_MAIN(Tst_ClusterDiscovery)
#include "tst_cluster_discovery.moc"
