// The cluster half of the sandbox: SandboxBuilder, gs_om, systemctl + the MogHA stand-in, shims.
// Every sandbox lives in a TestSupport::Sandbox (stopped in its destructor, also when a check fails).
#include "TestSupport.h"

#include "FaultInjector.h"
#include "SandboxBuilder.h"
#include "SimClusterUtil.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

using TestSupport::ProcessResult;
using TestSupport::Sandbox;

namespace {

Sim::SandboxOptions options(const QString& install, int nodes, bool mogha)
{
    Sim::SandboxOptions o;
    o.install = install;
    o.nodes = nodes;
    o.mogha = mogha;
    o.speed = 60.0;
    return o;
}

const Sim::SandboxNode& node(const Sandbox& sb, int i)
{
    return sb.config().nodes.at(i);
}

ProcessResult tool(
    const Sandbox& sb, int i, const QString& name, const QStringList& args, int timeoutMs = 60000)
{
    const Sim::SandboxNode& n = node(sb, i);
    return TestSupport::run(
        n.gausshome + QStringLiteral("/bin/") + name, args, timeoutMs, sb.nodeEnv(n.name));
}

// The environment a command on node i gets from its env file (GAUSSHOME, PGDATA, PATH with the OM tool
// directory on OM installs), on top of the sandbox's (DIR/bin first, MOGUP_SIM_NODE).
QProcessEnvironment envFileEnv(const Sandbox& sb, int i)
{
    return Sim::nodeEnvironment(sb.config(), node(sb, i), sb.nodeEnv(node(sb, i).name));
}

// gs_om lives in the OM tool directory ($GPHOME/script) and reads $GAUSSHOME/bin (mogdb-tools.md,
// Corrections).
ProcessResult gsOm(const Sandbox& sb, int i, const QStringList& args, const QProcessEnvironment& env = {})
{
    return TestSupport::run(Sim::omToolDir(node(sb, i)) + QStringLiteral("/script/gs_om"), args, 90000,
        env.isEmpty() ? envFileEnv(sb, i) : env);
}

ProcessResult gsCtl(const Sandbox& sb, int i, const QStringList& args)
{
    return tool(sb, i, QStringLiteral("gs_ctl"), args);
}

ProcessResult systemctl(const Sandbox& sb, int i, const QStringList& args)
{
    return TestSupport::run(
        sb.dir() + QStringLiteral("/bin/systemctl"), args, 30000, sb.nodeEnv(node(sb, i).name));
}

QString localRole(const Sandbox& sb, int i)
{
    const ProcessResult r
        = gsCtl(sb, i, { QStringLiteral("query"), QStringLiteral("-D"), node(sb, i).pgdata });
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("local_role\\s*:\\s*(\\w+)")).match(r.out);
    return r.exitCode == 0 && m.hasMatch() ? m.captured(1) : QString();
}

int streamingSenders(const Sandbox& sb, int i)
{
    const ProcessResult r
        = gsCtl(sb, i, { QStringLiteral("query"), QStringLiteral("-D"), node(sb, i).pgdata });
    int n = 0;
    auto it = QRegularExpression(
        QStringLiteral("^\\s*state\\s*:\\s*Streaming\\s*$"), QRegularExpression::MultilineOption)
                  .globalMatch(r.out);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

qint64 postmasterPid(const Sandbox& sb, int i)
{
    return TestSupport::readFile(node(sb, i).pgdata + QStringLiteral("/postmaster.pid"))
        .section(QLatin1Char('\n'), 0, 0)
        .trimmed()
        .toLongLong();
}

bool dbRunning(const Sandbox& sb, int i)
{
    const qint64 pid = postmasterPid(sb, i);
    return pid > 0 && Sim::processAlive(pid);
}

QString clusterState(const QString& statusOut)
{
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("cluster_state\\s*:\\s*(\\w+)")).match(statusOut);
    return m.hasMatch() ? m.captured(1) : QString();
}

// The datanode rows of `gs_om -t status --detail` in the OM 2.0.1 layout: one line, " | " between nodes.
QStringList detailRows201(const QString& out)
{
    const QStringList lines = out.split(QLatin1Char('\n'));
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i).startsWith(QLatin1String("-----")) && i > 0
            && lines.at(i - 1).startsWith(QLatin1String("node ")))
            return lines.at(i + 1).split(QStringLiteral(" | "));
    }
    return {};
}

void checkNoSandboxLeft(const QString& dir, const QList<Sim::SandboxNode>& nodes)
{
    QString error;
    QVERIFY2(Sim::SandboxBuilder::stop(dir, &error), qPrintable(error));
    QVERIFY(Sim::SandboxBuilder::sandboxProcesses(dir).isEmpty());
    for (const Sim::SandboxNode& n : nodes) {
        QVERIFY2(!QFileInfo::exists(n.pgdata + QStringLiteral("/postmaster.pid")), qPrintable(n.pgdata));
        QVERIFY(!QFileInfo::exists(n.root + QStringLiteral("/mogha/mogha.pid")));
    }
}

} // namespace

class Tst_sim_cluster : public QObject
{
    Q_OBJECT
private slots:
    void refusesForeignDirectory();
    void cluster_data();
    void cluster();
    void omSwitchoverRefreshconf();
    void mogha();
    void shims();
    void sideBySide();
    void stderrNoise_data();
    void stderrNoise();
    void cleanupTestCase();

private:
    std::unique_ptr<Sandbox> m_noiseSandbox;
};

void Tst_sim_cluster::refusesForeignDirectory()
{
    QTemporaryDir dir;
    QVERIFY(TestSupport::writeFile(dir.filePath(QStringLiteral("precious.txt")), "keep me\n"));
    Sim::SandboxOptions o = options(QStringLiteral("om"), 2, false);
    o.dir = dir.path();
    o.simBinDir = TestSupport::binDir();
    Sim::SandboxConfig config;
    QString error;
    QVERIFY(!Sim::SandboxBuilder::init(o, &config, &error));
    QVERIFY2(error.contains(QLatin1String("not a sandbox")), qPrintable(error));
    QCOMPARE(
        TestSupport::readFile(dir.filePath(QStringLiteral("precious.txt"))), QStringLiteral("keep me\n"));
}

void Tst_sim_cluster::cluster_data()
{
    QTest::addColumn<QString>("install");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<QString>("transport");
    QTest::newRow("om-2") << QStringLiteral("om") << 2 << QStringLiteral("local");
    QTest::newRow("om-3") << QStringLiteral("om") << 3 << QStringLiteral("local");
    QTest::newRow("manual-2") << QStringLiteral("manual") << 2 << QStringLiteral("local");
    QTest::newRow("manual-3") << QStringLiteral("manual") << 3 << QStringLiteral("local");
    QTest::newRow("om-3-ssh-hosts") << QStringLiteral("om") << 3 << QStringLiteral("ssh");
}

void Tst_sim_cluster::cluster()
{
    QFETCH(QString, install);
    QFETCH(int, nodes);
    QFETCH(QString, transport);
    Sim::SandboxOptions o = options(install, nodes, false);
    o.transport = transport;
    Sandbox sb(o);
    QVERIFY2(sb.ok(), qPrintable(sb.error()));
    QCOMPARE(sb.config().nodes.size(), nodes);
    QVERIFY(QFileInfo::exists(sb.dir() + QStringLiteral("/sandbox.json")));

    // Layout.
    for (int i = 0; i < nodes; ++i) {
        const Sim::SandboxNode& n = node(sb, i);
        QCOMPARE(n.initialRole, i == 0 ? QStringLiteral("primary") : QStringLiteral("standby"));
        QCOMPARE(n.host,
            transport == QLatin1String("ssh") ? QStringLiteral("127.0.0.%1").arg(i + 1)
                                              : QStringLiteral("127.0.0.1"));
        QCOMPARE(QFile::symLinkTarget(n.gausshome + QStringLiteral("/bin/gs_ctl")),
            n.gausshome + QStringLiteral("/bin/gaussdb"));
        QCOMPARE(TestSupport::readFile(n.gausshome + QStringLiteral("/lib/libpq.so.5.5")).trimmed(),
            QStringLiteral("MogDB 2.0.1 build f892ccb7"));
        const QString conf = TestSupport::readFile(n.pgdata + QStringLiteral("/postgresql.conf"));
        QVERIFY(conf.contains(QStringLiteral("port = %1\n").arg(n.dbPort)));
        QCOMPARE(conf.count(QRegularExpression(
                     QStringLiteral("^replconninfo\\d+ = "), QRegularExpression::MultilineOption)),
            nodes - 1);
        QCOMPARE(conf.contains(QLatin1String("archive_mode = on")), i > 0);
        QCOMPARE(QFileInfo::exists(n.gausshome + QStringLiteral("/bin/upgrade_version")),
            install == QLatin1String("om"));
        QCOMPARE(QFileInfo::exists(n.gausshome + QStringLiteral("/bin/cluster_static_config")),
            install == QLatin1String("om"));
        QVERIFY(TestSupport::readFile(n.root + QStringLiteral("/home/.bashrc"))
                    .contains(QLatin1String("export GAUSSHOME=")));
    }
    QCOMPARE(streamingSenders(sb, 0), nodes - 1);

    // The vendor-shaped package.
    const QString pkg = sb.dir() + QStringLiteral("/packages/MogDB-2.0.3-CentOS-x86_64.tar.gz");
    ProcessResult r = TestSupport::run(QStringLiteral("tar"), { QStringLiteral("-tzf"), pkg });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("MogDB-2.0.3-CentOS-64bit.tar.bz2")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("MogDB-2.0.3-CentOS-64bit.sha256")));

    if (install == QLatin1String("manual")) {
        // No OM on a manual install: gs_om is nowhere on the node's PATH.
        QVERIFY(!QFileInfo::exists(node(sb, 0).gausshome + QStringLiteral("/bin/gs_om")));
        QVERIFY(!QFileInfo::exists(Sim::omToolDir(node(sb, 0))));
        r = TestSupport::run(QStringLiteral("/bin/bash"),
            { QStringLiteral("-c"), QStringLiteral("gs_om -t status") }, 30000, envFileEnv(sb, 0));
        QCOMPARE(r.exitCode, 127);
        QVERIFY2(r.err.contains(QLatin1String("gs_om: command not found")), qPrintable(r.err));
        checkNoSandboxLeft(sb.dir(), sb.config().nodes);
        return;
    }

    // gs_om status --detail: Normal, one Primary, OM 2.0.1 one-line layout.
    r = gsOm(sb, nodes - 1, { QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(clusterState(r.out), QStringLiteral("Normal"));
    QVERIFY(r.out.contains(QLatin1String("[   Cluster State   ]")));
    QStringList rows = detailRows201(r.out);
    QCOMPARE(rows.size(), nodes);
    QCOMPARE(r.out.count(QStringLiteral(" P Primary Normal")), 1);
    QCOMPARE(r.out.count(QStringLiteral(" S Standby Normal")), nodes - 1);
    QVERIFY2(
        rows.at(1).startsWith(QStringLiteral("2  node2 %1 6002 ").arg(node(sb, 1).host.leftJustified(15))),
        qPrintable(rows.at(1)));
    QVERIFY2(rows.at(0).startsWith(QLatin1String("1  node1 127.0.0.1       6001 ")), qPrintable(rows.at(0)));

    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("cluster_name    : ")));
    QCOMPARE(clusterState(r.out), QStringLiteral("Normal"));

    r = gsOm(sb, 0,
        { QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("-h"), QStringLiteral("node2") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("node_name                 : node2\n")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("instance_role             : Standby\n")));
    QVERIFY(r.out.contains(QLatin1String("HA_state                  : Streaming\n")));
    QVERIFY(!r.out.contains(QLatin1String("node_name                 : node1\n")));

    // The server package carries no OM tools: its bin/ has no gs_om. The OM of the install (2.0.1, in
    // $GPHOME) reads whatever $GAUSSHOME/bin holds, so the new bin/ needs the two files the vendor copies.
    {
        const QString unpack = node(sb, 0).root + QStringLiteral("/mogdb203");
        const QString oldBin = node(sb, 0).gausshome + QStringLiteral("/bin");
        r = TestSupport::sh(
            QStringLiteral("cd '%1' && tar -xzf '%2/packages/MogDB-2.0.3-CentOS-x86_64.tar.gz' && "
                           "tar -xjf MogDB-2.0.3-CentOS-64bit.tar.bz2")
                .arg(unpack, sb.dir()),
            30000, sb.nodeEnv(QStringLiteral("node1")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(unpack + QStringLiteral("/bin/gs_om")));
        QProcessEnvironment newHome = envFileEnv(sb, 0);
        newHome.insert(QStringLiteral("GAUSSHOME"), unpack);
        r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status") }, newHome);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
            QStringLiteral("[GAUSS-50201] : The %1/bin/upgrade_version does not exist.\n").arg(unpack));
        r = TestSupport::sh(QStringLiteral("cp '%1/cluster_static_config' '%1/upgrade_version' '%2/bin/'")
                                .arg(oldBin, unpack),
            30000, sb.nodeEnv(QStringLiteral("node1")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = gsOm(sb, 0, { QStringLiteral("-V") }, newHome);
        QCOMPARE(r.out,
            QStringLiteral(
                "gs_om (MogDB OM 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr\n"));
        r = gsOm(
            sb, 0, { QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") }, newHome);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(clusterState(r.out), QStringLiteral("Normal"));
        QCOMPARE(detailRows201(r.out).size(), nodes);
    }

    // A fault rule on gs_om hits once.
    sb.addFault(QString(), QStringLiteral("gs_om"), QStringLiteral("status"), QStringLiteral("fail"));
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status") });
    QCOMPARE(r.exitCode, 1);
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status") });
    QCOMPARE(r.exitCode, 0);

    // stop / start round trip.
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("stop") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("Stopping cluster.\n=========================================\n")));
    QVERIFY(r.out.contains(QLatin1String(
        "Successfully stopped cluster.\n=========================================\nEnd stop cluster.\n")));
    for (int i = 0; i < nodes; ++i)
        QVERIFY(!dbRunning(sb, i));
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") });
    QCOMPARE(clusterState(r.out), QStringLiteral("Unavailable"));
    QCOMPARE(r.out.count(QStringLiteral("Down    Manually stopped")), nodes);

    r = gsOm(sb, 1, { QStringLiteral("-t"), QStringLiteral("start") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY(
        r.out.startsWith(QLatin1String("Starting cluster.\n=========================================\n")));
    QVERIFY(
        r.out.endsWith(QLatin1String("=========================================\nSuccessfully started.\n")));
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") });
    QCOMPARE(clusterState(r.out), QStringLiteral("Normal"));
    QCOMPARE(r.out.count(QStringLiteral(" P Primary Normal")), 1);

    // Without upgrade_version next to it, gs_om refuses (why the vendor copies it into the new bin/).
    const QString uv = node(sb, 0).gausshome + QStringLiteral("/bin/upgrade_version");
    QVERIFY(QFile::rename(uv, uv + QStringLiteral(".bak")));
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status") });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QStringLiteral("[GAUSS-50201] : The %1 does not exist.\n").arg(uv));
    QVERIFY(QFile::rename(uv + QStringLiteral(".bak"), uv));

    checkNoSandboxLeft(sb.dir(), sb.config().nodes);
}

void Tst_sim_cluster::omSwitchoverRefreshconf()
{
    Sandbox sb(options(QStringLiteral("om"), 2, false));
    QVERIFY2(sb.ok(), qPrintable(sb.error()));
    ProcessResult r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("refreshconf") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        QStringLiteral("Generating dynamic configuration file for all nodes.\n"
                       "Successfully generated dynamic configuration file.\n"));

    r = gsCtl(sb, 1, { QStringLiteral("switchover"), QStringLiteral("-D"), node(sb, 1).pgdata });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY(TestSupport::waitFor([&] { return localRole(sb, 1) == QLatin1String("Primary"); }, 30000));
    QVERIFY(TestSupport::waitFor([&] { return localRole(sb, 0) == QLatin1String("Standby"); }, 30000));

    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("refreshconf") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    for (int i = 0; i < 2; ++i)
        QVERIFY(QFileInfo::exists(node(sb, i).gausshome + QStringLiteral("/bin/cluster_dynamic_config")));

    // The install-time letter stays, the current role follows the switchover.
    QVERIFY(TestSupport::waitFor(
        [&] {
            const ProcessResult s
                = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") });
            return clusterState(s.out) == QLatin1String("Normal")
                && s.out.contains(QLatin1String(" P Standby Normal"))
                && s.out.contains(QLatin1String(" S Primary Normal"));
        },
        30000));

    // Restart through gs_om: roles come from the dynamic config now.
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("stop") });
    QCOMPARE(r.exitCode, 0);
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("start") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QCOMPARE(localRole(sb, 1), QStringLiteral("Primary"));
    QCOMPARE(localRole(sb, 0), QStringLiteral("Standby"));

    // Two primaries: refreshconf refuses.
    r = gsCtl(sb, 0, { QStringLiteral("stop"), QStringLiteral("-D"), node(sb, 0).pgdata });
    QCOMPARE(r.exitCode, 0);
    r = gsCtl(sb, 0,
        { QStringLiteral("start"), QStringLiteral("-D"), node(sb, 0).pgdata, QStringLiteral("-M"),
            QStringLiteral("primary") });
    QCOMPARE(r.exitCode, 0);
    r = gsOm(sb, 0, { QStringLiteral("-t"), QStringLiteral("refreshconf") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("[GAUSS-51230] : The number of master dn must equal to 1.")),
        qPrintable(r.out));
}

void Tst_sim_cluster::mogha()
{
    Sandbox sb(options(QStringLiteral("om"), 2, true));
    QVERIFY2(sb.ok(), qPrintable(sb.error()));

    for (int i = 0; i < 2; ++i) {
        ProcessResult r = systemctl(sb, i, { QStringLiteral("is-active"), QStringLiteral("mogha") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("active\n"));
        r = systemctl(sb, i, { QStringLiteral("status"), QStringLiteral("mogha") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("\u25cf mogha.service - MogHA High Available Service\n")));
        QVERIFY2(r.out.contains(QLatin1String("   Active: active (running) since ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String(" Main PID: ")));
    }
    ProcessResult r = systemctl(sb, 0, { QStringLiteral("status"), QStringLiteral("nosuch") });
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(r.err, QStringLiteral("Unit nosuch.service could not be found.\n"));
    r = systemctl(sb, 0, { QStringLiteral("start"), QStringLiteral("nosuch") });
    QCOMPARE(r.exitCode, 5);
    sb.addFault(
        QStringLiteral("node1"), QStringLiteral("systemctl"), QStringLiteral("stop"), QStringLiteral("fail"));
    r = systemctl(sb, 0, { QStringLiteral("stop"), QStringLiteral("mogha") });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(systemctl(sb, 0, { QStringLiteral("is-active"), QStringLiteral("mogha") }).exitCode, 0);
    // start is idempotent
    const QString pidBefore = TestSupport::readFile(node(sb, 0).root + QStringLiteral("/mogha/mogha.pid"));
    QCOMPARE(systemctl(sb, 0, { QStringLiteral("start"), QStringLiteral("mogha") }).exitCode, 0);
    QCOMPARE(TestSupport::readFile(node(sb, 0).root + QStringLiteral("/mogha/mogha.pid")), pidBefore);

    // Heartbeat lines as MogHA writes them.
    const QString hbLog = node(sb, 0).root + QStringLiteral("/mogha/mogha_heartbeat.log");
    const QRegularExpression beat(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO \\[__init__\\.py:86\\]: local "
                       "instance is alive Primary, state: Normal$"),
        QRegularExpression::MultilineOption);
    QVERIFY(TestSupport::waitFor([&] { return beat.match(TestSupport::readFile(hbLog)).hasMatch(); }, 10000));

    // MogHA brings a stopped standby back, with its role.
    const qint64 oldPid = postmasterPid(sb, 1);
    QVERIFY(oldPid > 0);
    r = gsCtl(sb, 1, { QStringLiteral("stop"), QStringLiteral("-D"), node(sb, 1).pgdata });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY(TestSupport::waitFor(
        [&] {
            const qint64 pid = postmasterPid(sb, 1);
            return pid > 0 && pid != oldPid && Sim::processAlive(pid);
        },
        15000));
    QVERIFY(TestSupport::waitFor([&] { return localRole(sb, 1) == QLatin1String("Standby"); }, 15000));
    QVERIFY(TestSupport::readFile(node(sb, 1).root + QStringLiteral("/mogha/mogha_heartbeat.log"))
                .contains(QLatin1String("try to restart local instance as standby")));

    // After `systemctl stop mogha` a stopped database stays stopped: the daemon that would restart it is
    // gone.
    const qint64 moghaPid = TestSupport::readFile(node(sb, 1).root + QStringLiteral("/mogha/mogha.pid"))
                                .section(QLatin1Char('\n'), 0, 0)
                                .toLongLong();
    QVERIFY(Sim::processAlive(moghaPid));
    r = systemctl(sb, 1, { QStringLiteral("stop"), QStringLiteral("mogha") });
    QCOMPARE(r.exitCode, 0);
    r = systemctl(sb, 1, { QStringLiteral("is-active"), QStringLiteral("mogha") });
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.out, QStringLiteral("inactive\n"));
    r = systemctl(sb, 1, { QStringLiteral("status"), QStringLiteral("mogha") });
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.contains(QLatin1String("   Active: inactive (dead)")));
    QVERIFY(!Sim::processAlive(moghaPid));
    QVERIFY(TestSupport::readFile(node(sb, 1).root + QStringLiteral("/mogha/mogha_heartbeat.log"))
                .trimmed()
                .endsWith(QLatin1String("mogha heartbeat received SIGTERM, exit")));
    r = gsCtl(sb, 1, { QStringLiteral("stop"), QStringLiteral("-D"), node(sb, 1).pgdata });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    QVERIFY(!dbRunning(sb, 1));
    QVERIFY(!QFileInfo::exists(node(sb, 1).root + QStringLiteral("/mogha/mogha.pid")));

    // Stopping the sandbox with MogHA still running on node1 leaves nothing behind.
    QVERIFY(systemctl(sb, 0, { QStringLiteral("is-active"), QStringLiteral("mogha") }).exitCode == 0);
    checkNoSandboxLeft(sb.dir(), sb.config().nodes);
}

void Tst_sim_cluster::shims()
{
    Sandbox sb(options(QStringLiteral("manual"), 2, false));
    QVERIFY2(sb.ok(), qPrintable(sb.error()));
    const QString bin = sb.dir() + QStringLiteral("/bin/");
    for (const char* name : { "tar", "cp", "mv", "mkdir", "chown", "sha256sum", "rm" })
        QVERIFY2(QFileInfo::exists(bin + QLatin1String(name)), name);

    // Transparent: output, exit codes, stdin.
    ProcessResult r = TestSupport::run(bin + QStringLiteral("tar"), { QStringLiteral("--version") }, 30000,
        sb.nodeEnv(QStringLiteral("node1")));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("tar")));
    const ProcessResult real
        = TestSupport::run(QStringLiteral("/usr/bin/tar"), { QStringLiteral("--version") });
    QCOMPARE(r.out, real.out);
    r = TestSupport::run(bin + QStringLiteral("mkdir"), { sb.dir() + QStringLiteral("/no/such/parent/x") },
        30000, sb.nodeEnv(QStringLiteral("node1")));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("No such file or directory")));
    r = TestSupport::sh(
        QStringLiteral("printf hello | sha256sum"), 30000, sb.nodeEnv(QStringLiteral("node1")));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(
        r.out.startsWith(QLatin1String("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")));

    // A fault rule on tar for node2 hits node2 only.
    sb.addFault(QStringLiteral("node2"), QStringLiteral("tar"), QString(), QStringLiteral("fail"), 0);
    r = TestSupport::sh(QStringLiteral("tar --version"), 30000, sb.nodeEnv(QStringLiteral("node2")));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("tar: injected fault")));
    r = TestSupport::sh(QStringLiteral("tar --version"), 30000, sb.nodeEnv(QStringLiteral("node2")));
    QCOMPARE(r.exitCode, 1);
    r = TestSupport::sh(QStringLiteral("tar --version"), 30000, sb.nodeEnv(QStringLiteral("node1")));
    QCOMPARE(r.exitCode, 0);
    r = TestSupport::sh(QStringLiteral("cp --version"), 30000, sb.nodeEnv(QStringLiteral("node2")));
    QCOMPARE(r.exitCode, 0);

    // The vendor's unpack steps work through the shims.
    const QString unpack = node(sb, 1).root + QStringLiteral("/mogdb203");
    r = TestSupport::sh(
        QStringLiteral("cd '%1' && /usr/bin/tar -xzf '%2/packages/MogDB-2.0.3-CentOS-x86_64.tar.gz' && "
                       "/usr/bin/tar -xjf MogDB-2.0.3-CentOS-64bit.tar.bz2 && "
                       "sha256sum MogDB-2.0.3-CentOS-64bit.tar.bz2 | cut -d' ' -f1 | diff - "
                       "MogDB-2.0.3-CentOS-64bit.sha256 && "
                       "bin/gaussdb -V && cat lib/libpq.so.5.5 version.cfg")
            .arg(unpack, sb.dir()),
        30000, sb.nodeEnv(QStringLiteral("node1")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("gaussdb (MogDB 2.0.3 build b5bc5bc4)")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("MogDB 2.0.3 build b5bc5bc4\nMogDB-2.0.3\n92.300\nb5bc5bc4\n")));
}

void Tst_sim_cluster::sideBySide()
{
    std::unique_ptr<Sandbox> a;
    std::unique_ptr<Sandbox> b;
    a = std::make_unique<Sandbox>(options(QStringLiteral("manual"), 2, false));
    b = std::make_unique<Sandbox>(options(QStringLiteral("manual"), 2, false));
    QVERIFY2(a->ok(), qPrintable(a->error()));
    QVERIFY2(b->ok(), qPrintable(b->error()));
    QSet<int> ports;
    for (const Sandbox* sb : { a.get(), b.get() }) {
        for (const Sim::SandboxNode& n : sb->config().nodes) {
            QVERIFY(!ports.contains(n.dbPort) && !ports.contains(n.dbPort + 1));
            ports << n.dbPort << n.dbPort + 1;
        }
    }
    QCOMPARE(streamingSenders(*a, 0), 1);
    QCOMPARE(streamingSenders(*b, 0), 1);

    // Re-initialising an old sandbox stops it and replaces it.
    const QList<qint64> before = Sim::SandboxBuilder::sandboxProcesses(a->dir());
    QVERIFY(!before.isEmpty());
    Sim::SandboxOptions o = options(QStringLiteral("manual"), 2, false);
    o.dir = a->dir();
    o.simBinDir = TestSupport::binDir();
    Sim::SandboxConfig config;
    QString error;
    QVERIFY2(Sim::SandboxBuilder::init(o, &config, &error), qPrintable(error));
    for (qint64 pid : before)
        QVERIFY(!Sim::processAlive(pid));
    QCOMPARE(streamingSenders(*b, 0), 1);
    checkNoSandboxLeft(a->dir(), config.nodes);
    checkNoSandboxLeft(b->dir(), b->config().nodes);
}

void Tst_sim_cluster::stderrNoise_data()
{
    QTest::addColumn<QString>(
        "program"); // @BIN = DIR/bin, @OM = node1's $GPHOME/script, @APP = node1's GAUSSHOME/bin
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("noiseNode");
    QTest::addColumn<bool>("noisy");
    QTest::addColumn<QString>("toolNoise");

    const QString python = QStringLiteral(
        "/usr/lib64/python3.6/site-packages/paramiko/transport.py:32: CryptographyDeprecationWarning: Python "
        "3.6 is no longer supported by the "
        "Python core team. Therefore, support for it is deprecated in cryptography. The next release of "
        "cryptography (40.0) will be the last "
        "to support Python 3.6.\n  from cryptography.hazmat.backends import default_backend\n");
    QTest::newRow("systemctl-is-active")
        << QStringLiteral("@BIN/systemctl")
        << QStringList { QStringLiteral("is-active"), QStringLiteral("mogha") } << QStringLiteral("node1")
        << true << QString();
    QTest::newRow("systemctl-status") << QStringLiteral("@BIN/systemctl")
                                      << QStringList { QStringLiteral("status"), QStringLiteral("mogha") }
                                      << QStringLiteral("*") << true << QString();
    QTest::newRow("shim-tar") << QStringLiteral("@BIN/tar") << QStringList { QStringLiteral("--version") }
                              << QStringLiteral("node1") << true << QString();
    QTest::newRow("gs_om-status") << QStringLiteral("@OM/gs_om")
                                  << QStringList { QStringLiteral("-t"), QStringLiteral("status"),
                                         QStringLiteral("--detail") }
                                  << QStringLiteral("*") << true << python;
    QTest::newRow("gaussdb-V") << QStringLiteral("@APP/gaussdb") << QStringList { QStringLiteral("-V") }
                               << QStringLiteral("node1") << true << QString();
    QTest::newRow("other-node-quiet") << QStringLiteral("@BIN/systemctl")
                                      << QStringList { QStringLiteral("is-active"), QStringLiteral("mogha") }
                                      << QStringLiteral("node2") << false << QString();
}

// Every tool of a node with "stderr-noise" on warns on stderr first; stdout and the exit code stay its own.
void Tst_sim_cluster::stderrNoise()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(QString, noiseNode);
    QFETCH(bool, noisy);
    QFETCH(QString, toolNoise);
    if (!m_noiseSandbox) {
        m_noiseSandbox = std::make_unique<Sandbox>(options(QStringLiteral("om"), 2, true));
        QVERIFY2(m_noiseSandbox->ok(), qPrintable(m_noiseSandbox->error()));
    }
    const Sandbox& sb = *m_noiseSandbox;
    program.replace(QStringLiteral("@BIN"), sb.dir() + QStringLiteral("/bin"))
        .replace(QStringLiteral("@OM"), Sim::omToolDir(node(sb, 0)) + QStringLiteral("/script"))
        .replace(QStringLiteral("@APP"), node(sb, 0).gausshome + QStringLiteral("/bin"));
    const ProcessResult quiet = TestSupport::run(program, args, 90000, envFileEnv(sb, 0));
    QVERIFY(quiet.finished);
    QCOMPARE(quiet.err, QString());
    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::stderrNoiseKind(), noiseNode, true));
    const ProcessResult r = TestSupport::run(program, args, 90000, envFileEnv(sb, 0));
    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::stderrNoiseKind(), noiseNode, false));
    QCOMPARE(r.exitCode, quiet.exitCode);
    // Times in systemctl's "since ...; Ns ago" move on; everything else is the same text.
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    QCOMPARE(QString(r.out).replace(digits, QStringLiteral("N")),
        QString(quiet.out).replace(digits, QStringLiteral("N")));
    QCOMPARE(r.err,
        noisy ? QStringLiteral("sudo: unable to resolve host node1: Name or service not known\n"
                               "bash: warning: setlocale: LC_ALL: cannot change locale (zh_CN.UTF-8)\n")
                + toolNoise
              : QString());
}

void Tst_sim_cluster::cleanupTestCase()
{
    m_noiseSandbox.reset();
}

QTEST_GUILESS_MAIN(Tst_sim_cluster)
#include "tst_sim_cluster.moc"
