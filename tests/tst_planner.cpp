#include "Plan.h"
#include "Planner.h"
#include "Profile.h"
#include "ShellQuote.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace MogUp;

namespace {

const QString kPackage = QStringLiteral("/srv/pkg/MogDB-2.0.3-CentOS-x86_64.tar.gz");

// node1..nodeN; the node at primaryIndex has role primary, the others standby.
ClusterProfile makeProfile(InstallMethod install, bool mogha, int nodeCount, int primaryIndex = 0)
{
    ClusterProfile p;
    p.name = QStringLiteral("test-cluster");
    p.transport = Transport::Local;
    p.installMethod = install;
    p.mogha = mogha;
    p.dbUser = QStringLiteral("omm");
    p.package.file = kPackage;
    p.unpackDir = QStringLiteral("/opt/mogdb203");
    p.stopSettleSeconds = 7;
    for (int i = 0; i < nodeCount; ++i) {
        NodeProfile n;
        n.name = QStringLiteral("node%1").arg(i + 1);
        n.host = QStringLiteral("10.0.0.%1").arg(i + 11);
        n.gausshome = QStringLiteral("/opt/mogdb/app");
        n.pgdata = QStringLiteral("/opt/mogdb/data");
        n.role = i == primaryIndex ? NodeRole::Primary : NodeRole::Standby;
        p.nodes << n;
    }
    return p;
}

QStringList ids(const Plan& plan)
{
    QStringList out;
    for (const Step& s : plan.steps)
        out << s.id;
    return out;
}

int indexOf(const Plan& plan, const QString& id)
{
    for (int i = 0; i < plan.steps.size(); ++i) {
        if (plan.steps.at(i).id == id)
            return i;
    }
    return -1;
}

bool isStop(StepKind k)
{
    return k == StepKind::StopDb || k == StepKind::StopCluster || k == StepKind::StopMogha;
}

bool isDbStart(StepKind k)
{
    return k == StepKind::StartDb || k == StepKind::StartCluster || k == StepKind::Switchover;
}

// Compares every field, so a field that toJson writes but fromJson forgets (or the reverse) fails.
bool sameCheck(const Check& a, const Check& b)
{
    return a.kind == b.kind && a.command == b.command && a.expectRole == b.expectRole
        && a.expectVersion == b.expectVersion && a.expectNodes == b.expectNodes && a.paths == b.paths
        && a.timeoutMs == b.timeoutMs && a.intervalMs == b.intervalMs && a.settleMs == b.settleMs;
}

bool sameStep(const Step& a, const Step& b)
{
    return a.id == b.id && a.kind == b.kind && a.node == b.node && a.titleSource == b.titleSource
        && a.titleArgs == b.titleArgs && a.command == b.command && a.runAs == b.runAs
        && sameCheck(a.check, b.check) && a.undoCommand == b.undoCommand && a.undoNode == b.undoNode
        && a.undoTitleSource == b.undoTitleSource && a.undoTitleArgs == b.undoTitleArgs
        && a.timeoutMs == b.timeoutMs && a.effectDetectable == b.effectDetectable;
}

struct ShellRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// POSIX sh (dash on Debian), not bash: the plan's commands must not rely on bash extensions.
ShellRun runSh(const QString& command, const QString& workDir = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
    ShellRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

bool writeText(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(data) == data.size();
}

QByteArray readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString currentUser()
{
    return runSh(QStringLiteral("id -un")).out.trimmed();
}

} // namespace

class Tst_planner : public QObject
{
    Q_OBJECT

private slots:
    void enumNames();
    void titleArguments();
    void packageNames_data();
    void packageNames();
    void exactOrder_data();
    void exactOrder();
    void exactCommands();
    void invariants_data();
    void invariants();
    void quoting_data();
    void quoting();
    void commandsRunInPosixShell();
    void swapUndoesOnlyWhatThisPlanDid();
    void unpackChecksum();
    void sshHostsMarked();
    void uploadWhenThePackageIsHere_data();
    void uploadWhenThePackageIsHere();
    void errors_data();
    void errors();
};

void Tst_planner::enumNames()
{
    const QList<QPair<StepKind, QString>> steps {
        { StepKind::StopMogha, QStringLiteral("stop-mogha") },
        { StepKind::StopDb, QStringLiteral("stop-db") },
        { StepKind::StopCluster, QStringLiteral("stop-cluster") },
        { StepKind::Unpack, QStringLiteral("unpack") },
        { StepKind::SwapBin, QStringLiteral("swap-bin") },
        { StepKind::SwapLib, QStringLiteral("swap-lib") },
        { StepKind::CopyOmFiles, QStringLiteral("copy-om-files") },
        { StepKind::StartDb, QStringLiteral("start-db") },
        { StepKind::StartCluster, QStringLiteral("start-cluster") },
        { StepKind::WaitCatchup, QStringLiteral("wait-catchup") },
        { StepKind::Switchover, QStringLiteral("switchover") },
        { StepKind::RefreshConf, QStringLiteral("refreshconf") },
        { StepKind::StartMogha, QStringLiteral("start-mogha") },
        { StepKind::Verify, QStringLiteral("verify") },
    };
    for (const auto& [kind, name] : steps) {
        QCOMPARE(stepKindName(kind), name);
        StepKind back = StepKind::Verify;
        QVERIFY(stepKindFromName(name, &back));
        QCOMPARE(back, kind);
    }
    const QList<CheckKind> checks { CheckKind::None, CheckKind::MoghaStopped, CheckKind::MoghaRunning,
        CheckKind::DbStopped, CheckKind::DbRunning, CheckKind::CaughtUp, CheckKind::SwitchedOver,
        CheckKind::PathsPresent, CheckKind::BinaryVersion, CheckKind::RunningVersion,
        CheckKind::ClusterStopped, CheckKind::ClusterNormal };
    QSet<QString> seen;
    static const QRegularExpression kebab(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
    for (CheckKind k : checks) {
        const QString name = checkKindName(k);
        QVERIFY2(kebab.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        CheckKind back = CheckKind::None;
        QVERIFY(checkKindFromName(name, &back));
        QCOMPARE(back, k);
    }
    QCOMPARE(checkKindName(CheckKind::DbRunning), QStringLiteral("db-running"));
    QCOMPARE(upgradeModeName(UpgradeMode::Offline), QStringLiteral("offline"));
    QCOMPARE(upgradeModeName(UpgradeMode::Rolling), QStringLiteral("rolling"));
    StepKind dummy;
    QVERIFY(!stepKindFromName(QStringLiteral("stop_db"), &dummy));
}

void Tst_planner::titleArguments()
{
    Step s;
    s.titleSource = QStringLiteral("Replace bin on %1 (the old one is kept as %2)");
    // An argument that itself contains "%2" must come out as written, not be expanded again.
    s.titleArgs = QStringList { QStringLiteral("n%2x"), QStringLiteral("bin_201") };
    QCOMPARE(s.title(), QStringLiteral("Replace bin on n%2x (the old one is kept as bin_201)"));
    s.undoTitleSource = QStringLiteral("Stop MogHA on %1");
    s.undoTitleArgs = QStringList { QStringLiteral("node9") };
    QCOMPARE(s.undoTitle(), QStringLiteral("Stop MogHA on node9"));
    QCOMPARE(Step().title(), QString());
}

void Tst_planner::packageNames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("checksum");

    QTest::newRow("x86_64 with dir") << kPackage << true << QStringLiteral("2.0.3")
                                     << QStringLiteral("MogDB-2.0.3-CentOS-64bit.tar.bz2")
                                     << QStringLiteral("MogDB-2.0.3-CentOS-64bit.sha256");
    QTest::newRow("aarch64 bare") << QStringLiteral("MogDB-2.0.3-openEuler-aarch64.tar.gz") << true
                                  << QStringLiteral("2.0.3")
                                  << QStringLiteral("MogDB-2.0.3-openEuler-64bit.tar.bz2")
                                  << QStringLiteral("MogDB-2.0.3-openEuler-64bit.sha256");
    QTest::newRow("other version") << QStringLiteral("/x y/MogDB-2.0.4-Kylin-x86_64.tar.gz") << true
                                   << QStringLiteral("2.0.4")
                                   << QStringLiteral("MogDB-2.0.4-Kylin-64bit.tar.bz2")
                                   << QStringLiteral("MogDB-2.0.4-Kylin-64bit.sha256");
    const QString none;
    QTest::newRow("empty") << QString() << false << none << none << none;
    QTest::newRow("inner bz2 given") << QStringLiteral("MogDB-2.0.3-CentOS-64bit.tar.bz2") << false << none
                                     << none << none;
    QTest::newRow("i386") << QStringLiteral("MogDB-2.0.3-CentOS-i386.tar.gz") << false << none << none
                          << none;
    QTest::newRow("lowercase") << QStringLiteral("mogdb-2.0.3-CentOS-x86_64.tar.gz") << false << none << none
                               << none;
    QTest::newRow("openGauss") << QStringLiteral("openGauss-2.0.3-CentOS-x86_64.tar.gz") << false << none
                               << none << none;
    QTest::newRow("no os") << QStringLiteral("MogDB-2.0.3-x86_64.tar.gz") << false << none << none << none;
    QTest::newRow("two-part version")
        << QStringLiteral("MogDB-2.0-CentOS-x86_64.tar.gz") << false << none << none << none;
    QTest::newRow("trailing junk") << QStringLiteral("MogDB-2.0.3-CentOS-x86_64.tar.gz.part") << false << none
                                   << none << none;
}

void Tst_planner::packageNames()
{
    QFETCH(QString, file);
    QFETCH(bool, ok);
    Planner::PackageNames names;
    QString error;
    QCOMPARE(Planner::packageNames(file, &names, &error), ok);
    if (ok) {
        QVERIFY(error.isEmpty());
        QTEST(names.version, "version");
        QTEST(names.inner, "inner");
        QTEST(names.checksum, "checksum");
        QCOMPARE(names.outer, QFileInfo(file).fileName());
    } else {
        QVERIFY2(error.contains(QStringLiteral("package.file")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("MogDB-<version>-<os>-<x86_64|aarch64>.tar.gz")),
            qPrintable(error));
        QVERIFY(names.version.isEmpty());
    }
}

void Tst_planner::exactOrder_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("install");
    QTest::addColumn<bool>("mogha");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("primaryIndex");
    QTest::addColumn<QString>("primaryOption");
    QTest::addColumn<bool>("switchBack");
    QTest::addColumn<QStringList>("expected");

    const int offline = int(UpgradeMode::Offline);
    const int rolling = int(UpgradeMode::Rolling);
    const int om = int(InstallMethod::Om);
    const int manual = int(InstallMethod::Manual);
    auto list = [](const char* spaceSeparated) {
        return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };

    QTest::newRow("offline om mogha 2")
        << offline << om << true << 2 << 0 << QString() << true
        << list("node1-unpack node2-unpack node2-stop-mogha node1-stop-mogha "
                "node1-stop-cluster node1-swap-bin node1-swap-lib node1-copy-om-files "
                "node2-swap-bin node2-swap-lib node2-copy-om-files node1-start-cluster "
                "node1-start-mogha node2-start-mogha node1-verify node2-verify "
                "node1-verify-cluster");
    QTest::newRow("offline manual 3")
        << offline << manual << false << 3 << 0 << QString() << true
        << list("node1-unpack node2-unpack node3-unpack node2-stop-db node3-stop-db "
                "node1-stop-db node1-swap-bin node1-swap-lib node2-swap-bin "
                "node2-swap-lib node3-swap-bin node3-swap-lib node1-start-db "
                "node2-start-db node2-wait-catchup node3-start-db node3-wait-catchup "
                "node1-verify node2-verify node3-verify node1-verify-cluster");
    QTest::newRow("offline manual mogha, primary from options")
        << offline << manual << true << 2 << 0 << QStringLiteral("node2") << true
        << list("node1-unpack node2-unpack node1-stop-mogha node2-stop-mogha node1-stop-db node2-stop-db "
                "node1-swap-bin node1-swap-lib node2-swap-bin node2-swap-lib node2-start-db node1-start-db "
                "node1-wait-catchup node2-start-mogha node1-start-mogha node1-verify node2-verify "
                "node2-verify-cluster");
    QTest::newRow("rolling om mogha 3 back")
        << rolling << om << true << 3 << 0 << QString() << true
        << list("node1-unpack node2-unpack node3-unpack node2-stop-mogha node3-stop-mogha node1-stop-mogha "
                "node2-stop-db node2-swap-bin node2-swap-lib node2-copy-om-files node2-start-db "
                "node2-wait-catchup "
                "node3-stop-db node3-swap-bin node3-swap-lib node3-copy-om-files node3-start-db "
                "node3-wait-catchup "
                "node2-switchover node2-refreshconf "
                "node1-stop-db node1-swap-bin node1-swap-lib node1-copy-om-files node1-start-db "
                "node1-wait-catchup "
                "node1-switchover-back node1-refreshconf-back "
                "node1-start-mogha node2-start-mogha node3-start-mogha "
                "node1-verify node2-verify node3-verify node1-verify-cluster");
    QTest::newRow("rolling manual 2 no back")
        << rolling << manual << false << 2 << 0 << QString() << false
        << list("node1-unpack node2-unpack node2-stop-db node2-swap-bin node2-swap-lib node2-start-db "
                "node2-wait-catchup node2-switchover node1-stop-db node1-swap-bin node1-swap-lib "
                "node1-start-db "
                "node1-wait-catchup node1-verify node2-verify node2-verify-cluster");
    QTest::newRow("rolling om mogha 2, primary is node2, no back")
        << rolling << om << true << 2 << 1 << QString() << false
        << list("node1-unpack node2-unpack node1-stop-mogha node2-stop-mogha node1-stop-db node1-swap-bin "
                "node1-swap-lib node1-copy-om-files node1-start-db node1-wait-catchup node1-switchover "
                "node1-refreshconf node2-stop-db node2-swap-bin node2-swap-lib node2-copy-om-files "
                "node2-start-db "
                "node2-wait-catchup node1-start-mogha node2-start-mogha node1-verify node2-verify "
                "node1-verify-cluster");
}

void Tst_planner::exactOrder()
{
    QFETCH(int, mode);
    QFETCH(int, install);
    QFETCH(bool, mogha);
    QFETCH(int, nodes);
    QFETCH(int, primaryIndex);
    QFETCH(QString, primaryOption);
    QFETCH(bool, switchBack);
    QFETCH(QStringList, expected);

    const ClusterProfile profile = makeProfile(InstallMethod(install), mogha, nodes, primaryIndex);
    PlannerOptions options;
    options.mode = UpgradeMode(mode);
    options.switchBack = switchBack;
    options.primaryNode = primaryOption;
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    QCOMPARE(ids(plan), expected);
    QCOMPARE(plan.mode, UpgradeMode(mode));
    QCOMPARE(plan.fromVersion, QStringLiteral("2.0.1"));
    QCOMPARE(plan.toVersion, QStringLiteral("2.0.3"));
    QCOMPARE(plan.profileName, QStringLiteral("test-cluster"));
}

// The commands of one plan, letter for letter, against the vendor procedure (mogdb-tools.md §0).
void Tst_planner::exactCommands()
{
    const ClusterProfile profile = makeProfile(InstallMethod::Om, true, 2);
    PlannerOptions options;
    options.mode = UpgradeMode::Rolling;
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    auto step = [&](const char* id) {
        const int i = indexOf(plan, QString::fromLatin1(id));
        return i < 0 ? Step() : plan.steps.at(i);
    };

    const Step unpack = step("node2-unpack");
    QCOMPARE(unpack.command,
        QStringLiteral(
            "mkdir -p /opt/mogdb203 && tar -xvf /srv/pkg/MogDB-2.0.3-CentOS-x86_64.tar.gz -C /opt/mogdb203"
            " && cd /opt/mogdb203 && expected=$(cut -d ' ' -f 1 < MogDB-2.0.3-CentOS-64bit.sha256 | tr -d "
            "'[:space:]') && got=$(sha256sum MogDB-2.0.3-CentOS-64bit.tar.bz2 | cut -d ' ' -f 1) && if [ "
            "\"$expected\" != \"$got\" ]; then printf 'checksum mismatch for %s: expected %s, got %s\\n' "
            "MogDB-2.0.3-CentOS-64bit.tar.bz2 \"$expected\" \"$got\" >&2; exit 1; fi && tar -xvf "
            "MogDB-2.0.3-CentOS-64bit.tar.bz2 && chown -R omm: /opt/mogdb203"));
    QCOMPARE(unpack.check.kind, CheckKind::BinaryVersion);
    QCOMPARE(unpack.check.command, QStringLiteral("/opt/mogdb203/bin/gaussdb -V"));
    QCOMPARE(unpack.check.expectVersion, QStringLiteral("2.0.3"));
    QCOMPARE(unpack.timeoutMs, 600000);
    QVERIFY(unpack.undoCommand.isEmpty());

    const Step stopMogha = step("node1-stop-mogha");
    QCOMPARE(stopMogha.command, QStringLiteral("systemctl stop mogha"));
    QCOMPARE(stopMogha.runAs, RunAs::Root);
    QCOMPARE(stopMogha.check.kind, CheckKind::MoghaStopped);
    QCOMPARE(stopMogha.check.command, QStringLiteral("systemctl is-active mogha"));
    QCOMPARE(stopMogha.undoCommand, QStringLiteral("systemctl start mogha"));

    const Step stopDb = step("node2-stop-db");
    QCOMPARE(stopDb.command, QStringLiteral("/opt/mogdb/app/bin/gs_ctl stop -D /opt/mogdb/data"));
    QCOMPARE(stopDb.check.kind, CheckKind::DbStopped);
    QCOMPARE(stopDb.check.command, QStringLiteral("/opt/mogdb/app/bin/gs_ctl query -D /opt/mogdb/data"));
    QCOMPARE(stopDb.check.settleMs, 7000);
    QCOMPARE(
        stopDb.undoCommand, QStringLiteral("/opt/mogdb/app/bin/gs_ctl start -D /opt/mogdb/data -M standby"));
    QCOMPARE(stopDb.timeoutMs, 180000);

    // Every plan has its own id; the swap steps write it into their marker before they move bin/lib away
    // and their undo puts the backup back only when the marker holds it (this plan made the backup).
    const QString id = plan.id;
    QVERIFY(QUuid::fromString(id).isNull() == false);
    const Step swapBin = step("node2-swap-bin");
    QCOMPARE(swapBin.command,
        QStringLiteral(
            "cd /opt/mogdb/app && if test -e bin_201; then printf '%s\\n' 'MogUp: bin_201 exists already "
            "(left "
            "by an earlier attempt or made by hand): bin was not replaced and nothing was changed. Check "
            "what bin_201 holds and move it away before upgrading.' >&2; exit 1; fi && printf '%s\\n' ")
            + id
            + QStringLiteral(
                " > .mogup-swap-bin && if mv bin bin_201; then cp -r /opt/mogdb203/bin .; else rm -f "
                ".mogup-swap-bin; exit 1; fi"));
    QCOMPARE(swapBin.check.kind, CheckKind::BinaryVersion);
    QCOMPARE(swapBin.check.command, QStringLiteral("/opt/mogdb/app/bin/gaussdb -V"));
    QCOMPARE(swapBin.effectCheck.kind, CheckKind::PathsPresent);
    QCOMPARE(swapBin.effectCheck.command,
        QStringLiteral("cd /opt/mogdb/app && test \"$(cat .mogup-swap-bin 2>/dev/null)\" = ") + id
            + QStringLiteral(" && test -d bin_201"));
    QCOMPARE(swapBin.effectCheck.paths,
        QStringList(
            { QStringLiteral("/opt/mogdb/app/.mogup-swap-bin"), QStringLiteral("/opt/mogdb/app/bin_201") }));
    QCOMPARE(swapBin.undoCommand,
        QStringLiteral("cd /opt/mogdb/app && if test \"$(cat .mogup-swap-bin 2>/dev/null)\" = ") + id
            + QStringLiteral(
                " && test -d bin_201; then rm -rf bin && mv bin_201 bin && rm -f .mogup-swap-bin; else "
                "printf '%s\\n' 'MogUp: not putting bin_201 back: .mogup-swap-bin does not hold this "
                "plan'\\''s id (")
            + id
            + QStringLiteral(
                "), so this plan did not make bin_201 (an earlier attempt or a copy made by hand did). bin "
                "and bin_201 were left as they are.' >&2; exit 1; fi"));

    const Step swapLib = step("node2-swap-lib");
    QCOMPARE(swapLib.command,
        QStringLiteral(
            "cd /opt/mogdb/app && if test -e lib_201; then printf '%s\\n' 'MogUp: lib_201 exists already "
            "(left "
            "by an earlier attempt or made by hand): lib was not replaced and nothing was changed. Check "
            "what lib_201 holds and move it away before upgrading.' >&2; exit 1; fi && printf '%s\\n' ")
            + id
            + QStringLiteral(
                " > .mogup-swap-lib && if mv lib lib_201; then cp -r /opt/mogdb203/lib .; else rm -f "
                ".mogup-swap-lib; exit 1; fi"));
    QCOMPARE(swapLib.effectCheck.command,
        QStringLiteral("cd /opt/mogdb/app && test \"$(cat .mogup-swap-lib 2>/dev/null)\" = ") + id
            + QStringLiteral(" && test -d lib_201"));
    QCOMPARE(swapLib.undoCommand,
        QStringLiteral("cd /opt/mogdb/app && if test \"$(cat .mogup-swap-lib 2>/dev/null)\" = ") + id
            + QStringLiteral(
                " && test -d lib_201; then rm -rf lib && mv lib_201 lib && rm -f .mogup-swap-lib; else "
                "printf '%s\\n' 'MogUp: not putting lib_201 back: .mogup-swap-lib does not hold this "
                "plan'\\''s id (")
            + id
            + QStringLiteral(
                "), so this plan did not make lib_201 (an earlier attempt or a copy made by hand did). lib "
                "and lib_201 were left as they are.' >&2; exit 1; fi"));
    QCOMPARE(swapLib.check.kind, CheckKind::PathsPresent);
    QCOMPARE(swapLib.check.paths,
        QStringList({ QStringLiteral("/opt/mogdb/app/lib"), QStringLiteral("/opt/mogdb/app/lib_201") }));
    QCOMPARE(swapLib.check.command,
        QStringLiteral("test -e /opt/mogdb/app/lib && test -e /opt/mogdb/app/lib_201"));

    const Step copy = step("node2-copy-om-files");
    // The two files the vendor's procedure copies, then what else the OM keeps in bin/, when present.
    QCOMPARE(copy.command,
        QStringLiteral(
            "cd /opt/mogdb/app && cp -p bin_201/cluster_static_config bin/ && cp -p bin_201/upgrade_version bin/"
            " && if test -e bin_201/cluster_dynamic_config; then cp -p bin_201/cluster_dynamic_config bin/; fi"
            " && if test -e bin_201/cluster_dnrole_config; then cp -p bin_201/cluster_dnrole_config bin/; fi"
            " && if test -e bin_201/alarmItem.conf; then cp -p bin_201/alarmItem.conf bin/; fi"
            " && if test -e bin_201/script; then cp -rp bin_201/script bin/; fi"
            " && if test -e bin_201/logic_cluster_name.txt; then cp -p bin_201/logic_cluster_name.txt bin/; fi"
            " && if test -e bin_201/server.key.cipher; then cp -p bin_201/server.key.cipher bin/; fi"
            " && if test -e bin_201/server.key.rand; then cp -p bin_201/server.key.rand bin/; fi"
            " && if test -e bin_201/datasource.key.cipher; then cp -p bin_201/datasource.key.cipher bin/; fi"
            " && if test -e bin_201/datasource.key.rand; then cp -p bin_201/datasource.key.rand bin/; fi"));
    // Each carried file is explained in the plan.
    QCOMPARE(copy.notes.size(), 11);
    QVERIFY(copy.noteTexts().first().startsWith(QStringLiteral("cluster_static_config: gs_om reads")));
    QVERIFY(copy.noteTexts().at(5).startsWith(QStringLiteral("script/ (if present)")));
    // Notes survive plan.json.
    QCOMPARE(Step::fromJson(copy.toJson()).noteTexts(), copy.noteTexts());
    QCOMPARE(copy.check.paths,
        QStringList({ QStringLiteral("/opt/mogdb/app/bin/cluster_static_config"),
            QStringLiteral("/opt/mogdb/app/bin/upgrade_version") }));
    // The undo takes back only what the step copied: in the bin/ this plan put there, what is still
    // identical to bin_201's copy; the package's own copy (alarmItem.conf) comes back.
    QVERIFY2(
        copy.undoCommand.startsWith(QStringLiteral("cd /opt/mogdb/app && if test \"$(cat .mogup-swap-bin "
                                                   "2>/dev/null)\" = ")
            + id
            + QStringLiteral(" && test -d bin_201; then if cmp -s bin_201/cluster_static_config "
                             "bin/cluster_static_config; then rm -f bin/cluster_static_config && if test -e "
                             "/opt/mogdb203/bin/cluster_static_config; then cp -p "
                             "/opt/mogdb203/bin/cluster_static_config bin/; fi; fi && ")),
        qPrintable(copy.undoCommand));
    QVERIFY2(copy.undoCommand.contains(
                 QStringLiteral(" && if diff -r bin_201/script bin/script >/dev/null 2>&1; then rm "
                                "-rf bin/script && if test -e /opt/mogdb203/bin/script; then "
                                "cp -rp /opt/mogdb203/bin/script bin/; fi; fi && ")),
        qPrintable(copy.undoCommand));
    QVERIFY(copy.undoCommand.endsWith(
        QStringLiteral("so this plan did not put that bin there. Nothing was changed.' "
                       ">&2; exit 1; fi")));
    QVERIFY(!copy.undoCommand.contains(QStringLiteral("rm -f bin/cluster_static_config bin/")));
    QCOMPARE(copy.effectCheck.kind, CheckKind::None); // its own check (PathsPresent) tells

    const Step start = step("node2-start-db");
    QCOMPARE(start.command, QStringLiteral("/opt/mogdb/app/bin/gs_ctl start -D /opt/mogdb/data -M standby"));
    QCOMPARE(start.check.kind, CheckKind::DbRunning);
    QCOMPARE(start.check.expectRole, QStringLiteral("Standby"));
    QCOMPARE(start.check.timeoutMs, 120000);

    const Step catchup = step("node2-wait-catchup");
    QCOMPARE(catchup.check.kind, CheckKind::CaughtUp);
    QCOMPARE(catchup.check.timeoutMs, 300000);
    // The profile's lag allowance (default one WAL segment) reaches the check and plan.json.
    QCOMPARE(catchup.check.maxLagBytes, Q_INT64_C(16777216));
    QCOMPARE(Check::fromJson(catchup.check.toJson()).maxLagBytes, Q_INT64_C(16777216));

    const Step sw = step("node2-switchover");
    QCOMPARE(sw.command, QStringLiteral("/opt/mogdb/app/bin/gs_ctl switchover -D /opt/mogdb/data"));
    QCOMPARE(sw.check.kind, CheckKind::SwitchedOver);
    QCOMPARE(sw.check.command, QStringLiteral("/opt/mogdb/app/bin/gs_ctl query -D /opt/mogdb/data"));
    QCOMPARE(sw.undoNode, QStringLiteral("node1"));
    QCOMPARE(sw.undoCommand,
        QStringLiteral(
            "/opt/mogdb/app/bin/gs_ctl switchover -D /opt/mogdb/data && gs_om -t refreshconf"));
    QCOMPARE(sw.timeoutMs, 180000);

    const Step refresh = step("node2-refreshconf");
    // gs_om is not in GAUSSHOME/bin on a real OM install: it is called by name from the env file's PATH.
    QCOMPARE(refresh.command, QStringLiteral("gs_om -t refreshconf"));
    QCOMPARE(refresh.check.kind, CheckKind::ClusterNormal);
    QCOMPARE(refresh.check.command, QStringLiteral("gs_om -t status --detail"));
    QCOMPARE(refresh.check.expectNodes, 2);

    // The old primary is a standby when it is stopped: undoing its stop must not start a second primary.
    QCOMPARE(step("node1-stop-db").undoCommand,
        QStringLiteral("/opt/mogdb/app/bin/gs_ctl start -D /opt/mogdb/data -M standby"));
    QCOMPARE(step("node1-switchover-back").undoNode, QStringLiteral("node2"));

    const Step verify = step("node1-verify");
    QCOMPARE(verify.command,
        QStringLiteral("/opt/mogdb/app/bin/gsql -d postgres -p 26000 -A -t -c 'select version()'"));
    QCOMPARE(verify.check.kind, CheckKind::RunningVersion);
    QCOMPARE(verify.check.expectVersion, QStringLiteral("2.0.3"));
    const Step cluster = step("node1-verify-cluster");
    QCOMPARE(cluster.check.kind, CheckKind::ClusterNormal);
    QCOMPARE(cluster.check.command, QStringLiteral("gs_om -t status --detail"));

    // Offline: gs_om stop / start from the primary, and the manual verify on the primary's gs_ctl query.
    options.mode = UpgradeMode::Offline;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    const Step stopCluster = step("node1-stop-cluster");
    QCOMPARE(stopCluster.command, QStringLiteral("gs_om -t stop"));
    QCOMPARE(stopCluster.check.kind, CheckKind::ClusterStopped);
    QCOMPARE(stopCluster.check.expectNodes, 2);
    QCOMPARE(stopCluster.check.settleMs, 7000);
    QCOMPARE(stopCluster.undoCommand, QStringLiteral("gs_om -t start"));
    QCOMPARE(step("node1-start-cluster").command, QStringLiteral("gs_om -t start"));

    const ClusterProfile manual = makeProfile(InstallMethod::Manual, false, 3);
    QVERIFY2(Planner::build(manual, options, &plan, &error), qPrintable(error));
    QCOMPARE(step("node1-start-db").command,
        QStringLiteral("/opt/mogdb/app/bin/gs_ctl start -D /opt/mogdb/data -M primary"));
    QCOMPARE(step("node1-start-db").check.expectRole, QStringLiteral("Primary"));
    QCOMPARE(step("node1-stop-db").undoCommand,
        QStringLiteral("/opt/mogdb/app/bin/gs_ctl start -D /opt/mogdb/data -M primary"));
    QCOMPARE(step("node1-verify-cluster").check.command,
        QStringLiteral("/opt/mogdb/app/bin/gs_ctl query -D /opt/mogdb/data"));
    QCOMPARE(step("node1-verify-cluster").check.expectNodes, 3);
}

void Tst_planner::invariants_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("install");
    QTest::addColumn<bool>("mogha");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<bool>("switchBack");
    QTest::addColumn<int>("primaryIndex");

    for (UpgradeMode mode : { UpgradeMode::Offline, UpgradeMode::Rolling }) {
        for (InstallMethod install : { InstallMethod::Om, InstallMethod::Manual }) {
            for (bool mogha : { false, true }) {
                for (int nodes : { 2, 3 }) {
                    for (bool back : { false, true }) {
                        for (int primaryIndex : { 0, nodes - 1 }) {
                            const QString name
                                = QStringLiteral("%1 %2 mogha=%3 nodes=%4 back=%5 primary=node%6")
                                      .arg(upgradeModeName(mode), installMethodName(install))
                                      .arg(mogha)
                                      .arg(nodes)
                                      .arg(back)
                                      .arg(primaryIndex + 1);
                            QTest::newRow(qPrintable(name))
                                << int(mode) << int(install) << mogha << nodes << back << primaryIndex;
                        }
                    }
                }
            }
        }
    }
}

void Tst_planner::invariants()
{
    QFETCH(int, mode);
    QFETCH(int, install);
    QFETCH(bool, mogha);
    QFETCH(int, nodes);
    QFETCH(bool, switchBack);
    QFETCH(int, primaryIndex);

    const ClusterProfile profile = makeProfile(InstallMethod(install), mogha, nodes, primaryIndex);
    const bool om = profile.installMethod == InstallMethod::Om;
    const bool rolling = UpgradeMode(mode) == UpgradeMode::Rolling;
    PlannerOptions options;
    options.mode = UpgradeMode(mode);
    options.switchBack = switchBack;
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    QVERIFY(!plan.steps.isEmpty());

    const QString primary = profile.nodes.at(primaryIndex).name;
    QStringList standbys;
    for (const NodeProfile& n : profile.nodes) {
        if (n.name != primary)
            standbys << n.name;
    }
    const QString expectedPrimary = (!rolling || switchBack) ? primary : standbys.first();

    // Step ids unique, and of the form <node>-<kind>[-suffix].
    QSet<QString> seenIds;
    for (const Step& s : plan.steps) {
        QVERIFY2(!seenIds.contains(s.id), qPrintable(s.id));
        seenIds.insert(s.id);
        QVERIFY2(s.id.startsWith(s.node + QLatin1Char('-') + stepKindName(s.kind)), qPrintable(s.id));
    }

    // Per-step data: commands, checks, undo, timeouts, titles.
    for (const Step& s : plan.steps) {
        const QByteArray what = s.id.toUtf8();
        QVERIFY2(!s.command.isEmpty(), what.constData());
        QVERIFY2(s.check.kind != CheckKind::None, what.constData());
        QVERIFY2(!s.check.command.isEmpty(), what.constData());
        QCOMPARE(s.check.intervalMs, 500);
        QVERIFY2(!s.title().isEmpty() && !s.title().contains(QLatin1Char('%')), what.constData());
        const bool readOnly = s.kind == StepKind::Verify || s.kind == StepKind::WaitCatchup
            || s.kind == StepKind::Unpack || s.kind == StepKind::RefreshConf;
        QVERIFY2(s.undoCommand.isEmpty() == readOnly, what.constData());
        if (!s.undoCommand.isEmpty())
            QVERIFY2(!s.undoTitle().isEmpty() && !s.undoTitle().contains(QLatin1Char('%')), what.constData());
        // MogHA's unit and the unpacking under /opt (mkdir, tar, chown) need root, as in the vendor's
        // procedure; everything else runs as the database user.
        QCOMPARE(s.runAs,
            (s.kind == StepKind::StopMogha || s.kind == StepKind::StartMogha || s.kind == StepKind::Unpack)
                ? RunAs::Root
                : RunAs::DbUser);

        int timeout = 60000;
        switch (s.kind) {
        case StepKind::Unpack:
            timeout = 600000;
            break;
        case StepKind::StopDb:
        case StepKind::StartDb:
        case StepKind::StopCluster:
        case StepKind::StartCluster:
        case StepKind::StopMogha:
        case StepKind::StartMogha:
        case StepKind::Switchover:
            timeout = 180000;
            break;
        default:
            break;
        }
        QVERIFY2(s.timeoutMs == timeout, what.constData());
        int checkTimeout = 30000;
        switch (s.check.kind) {
        case CheckKind::DbRunning:
        case CheckKind::ClusterNormal:
        case CheckKind::SwitchedOver:
            checkTimeout = 120000;
            break;
        case CheckKind::CaughtUp:
            checkTimeout = 300000;
            break;
        default:
            break;
        }
        if (s.check.kind == CheckKind::DbStopped || s.check.kind == CheckKind::ClusterStopped) {
            QCOMPARE(s.check.settleMs, profile.stopSettleSeconds * 1000);
            checkTimeout += s.check.settleMs;
        }
        QVERIFY2(s.check.timeoutMs == checkTimeout, what.constData());
        const bool detectable = s.kind == StepKind::SwapBin || s.kind == StepKind::SwapLib
            || s.kind == StepKind::CopyOmFiles || s.kind == StepKind::StopDb || s.kind == StepKind::StartDb
            || s.kind == StepKind::StopCluster || s.kind == StepKind::StartCluster
            || s.kind == StepKind::StopMogha || s.kind == StepKind::StartMogha
            || s.kind == StepKind::Switchover;
        QVERIFY2(s.effectDetectable == detectable, what.constData());
    }

    // Unpack on every node, before anything is stopped or swapped.
    int lastUnpack = -1;
    int firstTouch = int(plan.steps.size());
    QSet<QString> unpacked;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& s = plan.steps.at(i);
        if (s.kind == StepKind::Unpack) {
            unpacked.insert(s.node);
            lastUnpack = i;
        } else if (isStop(s.kind) || s.kind == StepKind::SwapBin || s.kind == StepKind::SwapLib) {
            firstTouch = qMin(firstTouch, i);
        }
    }
    QCOMPARE(unpacked.size(), nodes);
    QVERIFY(lastUnpack < firstTouch);

    // MogHA: stopped on every node before any database stops, started on every node after every start.
    int lastMoghaStop = -1, firstDbStop = int(plan.steps.size()), firstMoghaStart = int(plan.steps.size()),
        lastDbStart = -1;
    QSet<QString> moghaStopped, moghaStarted;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& s = plan.steps.at(i);
        if (s.kind == StepKind::StopMogha) {
            moghaStopped.insert(s.node);
            lastMoghaStop = i;
        } else if (s.kind == StepKind::StartMogha) {
            moghaStarted.insert(s.node);
            firstMoghaStart = qMin(firstMoghaStart, i);
        } else if (s.kind == StepKind::StopDb || s.kind == StepKind::StopCluster) {
            firstDbStop = qMin(firstDbStop, i);
        } else if (isDbStart(s.kind) || s.kind == StepKind::WaitCatchup || s.kind == StepKind::RefreshConf) {
            lastDbStart = i;
        }
    }
    QCOMPARE(moghaStopped.size(), mogha ? nodes : 0);
    QCOMPARE(moghaStarted.size(), mogha ? nodes : 0);
    if (mogha) {
        QVERIFY(lastMoghaStop < firstDbStop);
        QVERIFY(lastDbStart < firstMoghaStart);
        // The primary's MogHA stops last and starts first.
        QCOMPARE(plan.steps.at(lastMoghaStop).node, primary);
        QCOMPARE(plan.steps.at(firstMoghaStart).node, expectedPrimary);
    }

    // Simulate the cluster through the plan: which nodes run, in which role, on which binaries.
    struct NodeState
    {
        bool running = true;
        QString role;
        bool bin = false, lib = false, omFiles = false;
    };
    QMap<QString, NodeState> state;
    for (const NodeProfile& n : profile.nodes)
        state[n.name].role = n.name == primary ? QStringLiteral("primary") : QStringLiteral("standby");
    auto runningPrimaries = [&]() {
        int count = 0;
        for (const NodeState& st : std::as_const(state))
            count += (st.running && st.role == QLatin1String("primary")) ? 1 : 0;
        return count;
    };
    auto upgraded = [&](const NodeState& st) { return st.bin && st.lib && (st.omFiles || !om); };
    static const QRegularExpression modeRe(QStringLiteral("-M (\\S+)$"));
    int switchoverIndex = -1;
    int switchovers = 0;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& s = plan.steps.at(i);
        const QByteArray what = s.id.toUtf8();
        QVERIFY2(state.contains(s.node), what.constData());
        NodeState& st = state[s.node];
        switch (s.kind) {
        case StepKind::StopDb:
            QVERIFY2(st.running, what.constData());
            st.running = false;
            // Undo restarts the node in the role it has right now.
            QVERIFY2(s.undoCommand.endsWith(QStringLiteral("-M ") + st.role), what.constData());
            break;
        case StepKind::StopCluster:
            for (NodeState& other : state)
                other.running = false;
            break;
        case StepKind::SwapBin:
            QVERIFY2(!st.running, what.constData());
            QVERIFY2(!st.bin, what.constData());
            st.bin = true;
            break;
        case StepKind::SwapLib:
            QVERIFY2(!st.running && st.bin && !st.lib, what.constData());
            st.lib = true;
            break;
        case StepKind::CopyOmFiles:
            QVERIFY2(om, what.constData());
            QVERIFY2(!st.running && st.bin && !st.omFiles, what.constData());
            st.omFiles = true;
            break;
        case StepKind::StartDb: {
            QVERIFY2(!st.running && upgraded(st), what.constData());
            const QRegularExpressionMatch m = modeRe.match(s.command);
            QVERIFY2(m.hasMatch(), what.constData());
            st.role = m.captured(1);
            QCOMPARE(s.check.expectRole,
                st.role == QLatin1String("primary") ? QStringLiteral("Primary") : QStringLiteral("Standby"));
            st.running = true;
            // A standby is always followed by its catch-up wait.
            if (st.role == QLatin1String("standby")) {
                QVERIFY2(i + 1 < plan.steps.size(), what.constData());
                QCOMPARE(plan.steps.at(i + 1).kind, StepKind::WaitCatchup);
                QCOMPARE(plan.steps.at(i + 1).node, s.node);
            }
            break;
        }
        case StepKind::StartCluster:
            QVERIFY(om);
            for (NodeState& other : state) {
                QVERIFY2(!other.running && upgraded(other), what.constData());
                other.running = true;
            }
            break;
        case StepKind::WaitCatchup:
            QVERIFY2(st.running && st.role == QLatin1String("standby"), what.constData());
            break;
        case StepKind::Switchover: {
            QVERIFY2(rolling, what.constData());
            QVERIFY2(st.running && st.role == QLatin1String("standby") && upgraded(st), what.constData());
            QString oldPrimary;
            for (auto it = state.begin(); it != state.end(); ++it) {
                if (it->running && it->role == QLatin1String("primary"))
                    oldPrimary = it.key();
            }
            QVERIFY2(!oldPrimary.isEmpty(), what.constData());
            QCOMPARE(s.undoNode, oldPrimary);
            state[oldPrimary].role = QStringLiteral("standby");
            st.role = QStringLiteral("primary");
            if (switchovers++ == 0)
                switchoverIndex = i;
            QCOMPARE(s.id.endsWith(QLatin1String("-back")), switchovers == 2);
            // Every switchover is recorded with refreshconf on om installs, on the new primary.
            if (om) {
                QVERIFY2(i + 1 < plan.steps.size(), what.constData());
                QCOMPARE(plan.steps.at(i + 1).kind, StepKind::RefreshConf);
                QCOMPARE(plan.steps.at(i + 1).node, s.node);
            }
            break;
        }
        case StepKind::RefreshConf:
            QVERIFY2(om && st.role == QLatin1String("primary"), what.constData());
            break;
        case StepKind::Verify:
            QVERIFY2(st.running && upgraded(st), what.constData());
            break;
        default:
            break;
        }
        // Never two primaries, at any point of the plan.
        QVERIFY2(runningPrimaries() <= 1, what.constData());
        if (rolling) {
            // Rolling keeps the service up: at most one node down at a time, never the primary.
            int down = 0;
            for (const NodeState& other : std::as_const(state))
                down += other.running ? 0 : 1;
            QVERIFY2(down <= 1, what.constData());
            QVERIFY2(runningPrimaries() == 1, what.constData());
        }
    }
    QCOMPARE(switchovers, rolling ? (switchBack ? 2 : 1) : 0);
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        QVERIFY2(it->running && upgraded(*it), qPrintable(it.key()));
        QCOMPARE(it->role == QLatin1String("primary"), it.key() == expectedPrimary);
    }

    // Rolling: the primary is touched only after the first switchover.
    if (rolling) {
        QVERIFY(switchoverIndex >= 0);
        QCOMPARE(plan.steps.at(switchoverIndex).node, standbys.first());
        for (int i = 0; i < switchoverIndex; ++i) {
            const Step& s = plan.steps.at(i);
            if (s.node == primary) {
                QVERIFY2(s.kind == StepKind::Unpack || s.kind == StepKind::StopMogha, qPrintable(s.id));
            }
        }
    }

    // Verify: every node's running version, then the cluster, on the expected primary, last.
    const Step& last = plan.steps.last();
    QCOMPARE(last.kind, StepKind::Verify);
    QCOMPARE(last.check.kind, CheckKind::ClusterNormal);
    QCOMPARE(last.node, expectedPrimary);
    QCOMPARE(last.check.expectNodes, nodes);
    int versionChecks = 0;
    for (const Step& s : plan.steps)
        versionChecks += s.check.kind == CheckKind::RunningVersion ? 1 : 0;
    QCOMPARE(versionChecks, nodes);

    // JSON round trip, through the bytes on disk.
    const QByteArray bytes = QJsonDocument(plan.toJson()).toJson();
    const Plan back = Plan::fromJson(QJsonDocument::fromJson(bytes).object());
    QCOMPARE(back.mode, plan.mode);
    QCOMPARE(back.profileName, plan.profileName);
    QCOMPARE(back.fromVersion, plan.fromVersion);
    QCOMPARE(back.toVersion, plan.toVersion);
    QCOMPARE(back.nodeHosts, plan.nodeHosts);
    QCOMPARE(back.steps.size(), plan.steps.size());
    for (int i = 0; i < plan.steps.size(); ++i)
        QVERIFY2(sameStep(back.steps.at(i), plan.steps.at(i)), qPrintable(plan.steps.at(i).id));
    QCOMPARE(back.toJson(), plan.toJson());

    // The shell script: every command in plan order, with its check and undo, and valid sh syntax.
    const QString script = plan.toShellScript();
    QVERIFY(script.startsWith(QStringLiteral("#!/bin/sh\n")));
    QVERIFY(script.contains(
        QStringLiteral("generated by MogUp; every command below is exactly what MogUp runs")));
    QVERIFY(script.contains(QStringLiteral("MogDB 2.0.1 -> 2.0.3")));
    qsizetype pos = 0;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& s = plan.steps.at(i);
        const QString header = QStringLiteral("# [%1/%2] %3 (node %4, ")
                                   .arg(i + 1)
                                   .arg(plan.steps.size())
                                   .arg(s.title(), s.node);
        const qsizetype at = script.indexOf(header, pos);
        QVERIFY2(at >= 0, qPrintable(header));
        const qsizetype cmd = script.indexOf(QLatin1Char('\n') + s.command + QLatin1Char('\n'), at);
        QVERIFY2(cmd >= 0, qPrintable(s.id));
        QVERIFY2(script.indexOf(QStringLiteral("# check: ") + s.check.command + QLatin1Char('\n'), cmd) >= 0,
            qPrintable(s.id));
        if (!s.undoCommand.isEmpty()) {
            QVERIFY2(script.indexOf(QStringLiteral("# undo: ") + s.undoCommand + QLatin1Char('\n'), cmd) >= 0,
                qPrintable(s.id));
        }
        pos = cmd;
    }
    QVERIFY(!script.contains(QStringLiteral("ON ANOTHER HOST"))); // transport local: all on this machine
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scriptPath = dir.filePath(QStringLiteral("plan.sh"));
    QVERIFY(writeText(scriptPath, script.toUtf8()));
    const ShellRun syntax = runSh(QStringLiteral("sh -n ") + shellQuote(scriptPath));
    QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.err));
}

void Tst_planner::quoting_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("install");
    for (UpgradeMode mode : { UpgradeMode::Offline, UpgradeMode::Rolling }) {
        for (InstallMethod install : { InstallMethod::Om, InstallMethod::Manual }) {
            QTest::newRow(qPrintable(upgradeModeName(mode) + QLatin1Char(' ') + installMethodName(install)))
                << int(mode) << int(install);
        }
    }
}

// Paths with a space and a single quote: every command must carry them shell-quoted, never bare.
void Tst_planner::quoting()
{
    QFETCH(int, mode);
    QFETCH(int, install);
    ClusterProfile profile = makeProfile(InstallMethod(install), true, 3);
    profile.package.file = QStringLiteral("/srv/my pkgs/MogDB-2.0.3-CentOS-x86_64.tar.gz");
    profile.unpackDir = QStringLiteral("/opt/mog db/o'neil 203");
    for (NodeProfile& n : profile.nodes) {
        n.gausshome = QStringLiteral("/opt/mog db/app's home");
        n.pgdata = QStringLiteral("/data/pg data/dn'1");
        n.envFile = QStringLiteral("/home/omm/my env's.sh");
    }
    // One node overrides the unpack dir: its commands must use its own.
    profile.nodes[2].unpackDir = QStringLiteral("/srv/node 3's unpack");

    PlannerOptions options;
    options.mode = UpgradeMode(mode);
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));

    const QString home = shellQuote(profile.nodes[0].gausshome);
    // Guard against a shellQuote that quietly stopped quoting: the test would pass on bare paths.
    QCOMPARE(home, QStringLiteral("'/opt/mog db/app'\\''s home'"));
    const QString pgdata = shellQuote(profile.nodes[0].pgdata);
    const QString env = QStringLiteral(". ") + shellQuote(profile.nodes[0].envFile) + QStringLiteral(" && ");
    const QStringList bare { QStringLiteral("/opt/mog db"), QStringLiteral("/data/pg data"),
        QStringLiteral("/srv/my pkgs"), QStringLiteral("/srv/node 3") };

    for (const Step& s : plan.steps) {
        const QByteArray what = s.id.toUtf8();
        const NodeProfile* node = profile.node(s.node);
        QVERIFY(node);
        const QString unpackDir = profile.unpackDirFor(*node);
        QStringList texts { s.command, s.check.command };
        if (!s.undoCommand.isEmpty())
            texts << s.undoCommand;
        for (const QString& text : texts) {
            // A bare path with a space would be split into two words by the shell.
            for (const QString& b : bare) {
                QVERIFY2(!text.contains(QLatin1Char(' ') + b) && !text.startsWith(b), qPrintable(text));
            }
            if (s.runAs == RunAs::DbUser)
                QVERIFY2(text.startsWith(env), qPrintable(text));
        }
        switch (s.kind) {
        case StepKind::Unpack:
            QVERIFY2(s.command.contains(
                         QStringLiteral("mkdir -p ") + shellQuote(unpackDir) + QStringLiteral(" && ")),
                what.constData());
            QVERIFY2(s.command.contains(QStringLiteral("tar -xvf ") + shellQuote(profile.package.file)
                         + QStringLiteral(" -C ") + shellQuote(unpackDir)),
                what.constData());
            QVERIFY2(s.command.contains(QStringLiteral("chown -R omm: ") + shellQuote(unpackDir)),
                what.constData());
            QVERIFY2(s.check.command.contains(
                         shellQuote(unpackDir + QStringLiteral("/bin/gaussdb")) + QStringLiteral(" -V")),
                what.constData());
            break;
        case StepKind::SwapBin:
            QVERIFY2(
                s.command.contains(QStringLiteral("cd ") + home + QStringLiteral(" && ")), what.constData());
            QVERIFY2(s.command.contains(QStringLiteral("cp -r ")
                         + shellQuote(unpackDir + QStringLiteral("/bin")) + QStringLiteral(" .")),
                what.constData());
            QVERIFY2(s.undoCommand.contains(QStringLiteral("cd ") + home + QStringLiteral(" && ")),
                what.constData());
            QVERIFY2(s.check.command.contains(
                         shellQuote(profile.nodes[0].gausshome + QStringLiteral("/bin/gaussdb"))),
                what.constData());
            break;
        case StepKind::SwapLib:
            QVERIFY2(s.command.contains(QStringLiteral("cp -r ")
                         + shellQuote(unpackDir + QStringLiteral("/lib")) + QStringLiteral(" .")),
                what.constData());
            QVERIFY2(s.check.command.contains(QStringLiteral("test -e ")
                         + shellQuote(profile.nodes[0].gausshome + QStringLiteral("/lib_201"))),
                what.constData());
            break;
        case StepKind::CopyOmFiles:
            QVERIFY2(s.command.contains(QStringLiteral("cd ") + home + QStringLiteral(" && cp -p ")),
                what.constData());
            QVERIFY2(s.check.command.contains(
                         shellQuote(profile.nodes[0].gausshome + QStringLiteral("/bin/upgrade_version"))),
                what.constData());
            break;
        case StepKind::StopDb:
        case StepKind::StartDb:
        case StepKind::Switchover:
        case StepKind::WaitCatchup:
            QVERIFY2(s.command.contains(QStringLiteral(" -D ") + pgdata), what.constData());
            QVERIFY2(
                s.command.contains(shellQuote(profile.nodes[0].gausshome + QStringLiteral("/bin/gs_ctl"))),
                what.constData());
            break;
        case StepKind::StopCluster:
        case StepKind::StartCluster:
        case StepKind::RefreshConf:
            // By name from the env file's PATH, after sourcing it; never from GAUSSHOME/bin.
            QVERIFY2(s.command.contains(QStringLiteral("gs_om -t ")), what.constData());
            QVERIFY2(!s.command.contains(QStringLiteral("/bin/gs_om")), what.constData());
            break;
        default:
            break;
        }
    }
    // The node with its own unpack dir really uses it.
    const Step unpack3 = plan.steps.at(indexOf(plan, QStringLiteral("node3-unpack")));
    QVERIFY(unpack3.command.contains(QStringLiteral("'/srv/node 3'\\''s unpack'")));

    const QString script = plan.toShellScript();
    for (const Step& s : plan.steps)
        QVERIFY2(script.contains(s.command), qPrintable(s.id));
    QTemporaryDir dir;
    const QString scriptPath = dir.filePath(QStringLiteral("plan.sh"));
    QVERIFY(writeText(scriptPath, script.toUtf8()));
    const ShellRun syntax = runSh(QStringLiteral("sh -n ") + shellQuote(scriptPath));
    QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.err));
}

// Runs the swap, copy and undo commands for real, in directories whose names need quoting.
void Tst_planner::commandsRunInPosixShell()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.path() + QStringLiteral("/it's a dir");
    const QString home = root + QStringLiteral("/app home");
    const QString unpack = root + QStringLiteral("/unpack 203");
    QVERIFY(QDir().mkpath(home + QStringLiteral("/bin")));
    QVERIFY(QDir().mkpath(home + QStringLiteral("/lib")));
    QVERIFY(QDir().mkpath(unpack + QStringLiteral("/bin")));
    QVERIFY(QDir().mkpath(unpack + QStringLiteral("/lib")));
    QVERIFY(writeText(home + QStringLiteral("/bin/gaussdb"), "old"));
    QVERIFY(writeText(home + QStringLiteral("/bin/cluster_static_config"), "static"));
    QVERIFY(writeText(home + QStringLiteral("/bin/upgrade_version"), "2.0.1\n92.299\nf892ccb7\n"));
    QVERIFY(writeText(home + QStringLiteral("/lib/libpq.so"), "oldlib"));
    QVERIFY(writeText(unpack + QStringLiteral("/bin/gaussdb"), "new"));
    QVERIFY(writeText(unpack + QStringLiteral("/lib/libpq.so"), "newlib"));
    const QString envFile = root + QStringLiteral("/env 'file'.sh");
    QVERIFY(writeText(envFile, "MOGUP_ENV_SOURCED=1\n"));

    ClusterProfile profile = makeProfile(InstallMethod::Om, false, 2);
    profile.unpackDir = unpack;
    for (NodeProfile& n : profile.nodes) {
        n.gausshome = home;
        n.envFile = envFile;
    }
    PlannerOptions options;
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    const Step swapBin = plan.steps.at(indexOf(plan, QStringLiteral("node1-swap-bin")));
    const Step swapLib = plan.steps.at(indexOf(plan, QStringLiteral("node1-swap-lib")));
    const Step copy = plan.steps.at(indexOf(plan, QStringLiteral("node1-copy-om-files")));

    // Work from somewhere else: the commands must not depend on the current directory.
    const QString elsewhere = tmp.path();
    ShellRun r = runSh(swapBin.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/bin/gaussdb")), QByteArray("new"));
    QCOMPARE(readText(home + QStringLiteral("/bin_201/gaussdb")), QByteArray("old"));

    // A second run must refuse: the backup holds the only copy of the old binaries.
    r = runSh(swapBin.command, elsewhere);
    QVERIFY(r.exitCode != 0);
    QCOMPARE(readText(home + QStringLiteral("/bin_201/gaussdb")), QByteArray("old"));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin_201/bin")));

    r = runSh(swapLib.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/lib/libpq.so")), QByteArray("newlib"));
    r = runSh(swapLib.check.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // Without cluster_dynamic_config the copy still succeeds; with it, it is carried over.
    QVERIFY(runSh(copy.check.command, elsewhere).exitCode != 0);
    r = runSh(copy.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(runSh(copy.check.command, elsewhere).exitCode == 0);
    QCOMPARE(
        readText(home + QStringLiteral("/bin/upgrade_version")), QByteArray("2.0.1\n92.299\nf892ccb7\n"));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin/cluster_dynamic_config")));
    QVERIFY(writeText(home + QStringLiteral("/bin_201/cluster_dynamic_config"), "roles"));
    r = runSh(copy.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/bin/cluster_dynamic_config")), QByteArray("roles"));

    // Undo in reverse order restores the old state exactly.
    r = runSh(copy.undoCommand, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin/cluster_static_config")));
    r = runSh(swapLib.undoCommand, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/lib/libpq.so")), QByteArray("oldlib"));
    QVERIFY(!QFile::exists(home + QStringLiteral("/lib_201")));
    r = runSh(swapBin.undoCommand, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/bin/gaussdb")), QByteArray("old"));
    QCOMPARE(readText(home + QStringLiteral("/bin/cluster_static_config")), QByteArray("static"));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin_201")));

    // Undo with no backup must fail without deleting the only bin.
    r = runSh(swapBin.undoCommand, elsewhere);
    QVERIFY(r.exitCode != 0);
    QCOMPARE(readText(home + QStringLiteral("/bin/gaussdb")), QByteArray("old"));
}

// The swap and copy steps and their undos for real: a backup this plan did not make (left over, or from
// another plan) is never put back, a swap that stopped before or after its mv is told apart by the
// marker, and the copy's undo removes only what it copied.
void Tst_planner::swapUndoesOnlyWhatThisPlanDid()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.path() + QStringLiteral("/it's a dir");
    const QString home = root + QStringLiteral("/app home");
    const QString unpack = root + QStringLiteral("/unpack 203");
    for (const QString& d : QStringList { home + QStringLiteral("/bin"), home + QStringLiteral("/lib"),
             unpack + QStringLiteral("/bin"), unpack + QStringLiteral("/lib") })
        QVERIFY(QDir().mkpath(d));
    QVERIFY(writeText(home + QStringLiteral("/bin/gaussdb"), "old"));
    QVERIFY(writeText(home + QStringLiteral("/bin/cluster_static_config"), "static"));
    QVERIFY(writeText(home + QStringLiteral("/bin/upgrade_version"), "2.0.1\n"));
    QVERIFY(writeText(home + QStringLiteral("/bin/cluster_dynamic_config"), "roles"));
    QVERIFY(writeText(home + QStringLiteral("/bin/alarmItem.conf"), "alarm_component=/opt/x"));
    QVERIFY(writeText(home + QStringLiteral("/lib/libpq.so"), "oldlib"));
    QVERIFY(writeText(unpack + QStringLiteral("/bin/gaussdb"), "new"));
    QVERIFY(writeText(unpack + QStringLiteral("/bin/alarmItem.conf"), "default"));
    QVERIFY(writeText(unpack + QStringLiteral("/lib/libpq.so"), "newlib"));

    ClusterProfile profile = makeProfile(InstallMethod::Om, false, 2);
    profile.unpackDir = unpack;
    for (NodeProfile& n : profile.nodes)
        n.gausshome = home;
    PlannerOptions options;
    Plan plan;
    Plan other; // a second plan for the same cluster: an earlier attempt, say
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    QVERIFY2(Planner::build(profile, options, &other, &error), qPrintable(error));
    QVERIFY(!plan.id.isEmpty() && plan.id != other.id);
    const auto stepOf
        = [](const Plan& p, const char* id) { return p.steps.at(indexOf(p, QString::fromLatin1(id))); };
    const Step swapBin = stepOf(plan, "node1-swap-bin");
    const Step swapLib = stepOf(plan, "node1-swap-lib");
    const Step copy = stepOf(plan, "node1-copy-om-files");
    const Step otherSwapBin = stepOf(other, "node1-swap-bin");
    const Step otherCopy = stepOf(other, "node1-copy-om-files");
    const QString elsewhere = tmp.path();
    const QString marker = home + QStringLiteral("/.mogup-swap-bin");

    // 1. A stale bin_201 (a copy made by hand, with other content): the swap stops at its guard, says
    //    why, writes no marker and changes nothing; its undo refuses and changes nothing either.
    QVERIFY(QDir().mkpath(home + QStringLiteral("/bin_201")));
    QVERIFY(writeText(home + QStringLiteral("/bin_201/gaussdb"), "stale"));
    ShellRun r = runSh(swapBin.command, elsewhere);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("MogUp: bin_201 exists already")), qPrintable(r.err));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(runSh(swapBin.effectCheck.command, elsewhere).exitCode != 0);
    r = runSh(swapBin.undoCommand, elsewhere);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("MogUp: not putting bin_201 back")), qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/bin/gaussdb")), QByteArray("old"));
    QCOMPARE(readText(home + QStringLiteral("/bin_201/gaussdb")), QByteArray("stale"));
    QVERIFY(QDir(home + QStringLiteral("/bin_201")).removeRecursively());

    // 2. The mv fails (here: no bin at all): the marker it wrote first is gone again.
    QVERIFY(QDir(home).rename(QStringLiteral("bin"), QStringLiteral("bin.away")));
    r = runSh(swapBin.command, elsewhere);
    QVERIFY(r.exitCode != 0);
    QVERIFY(!QFile::exists(marker));
    QVERIFY(runSh(swapBin.effectCheck.command, elsewhere).exitCode != 0);
    QVERIFY(QDir(home).rename(QStringLiteral("bin.away"), QStringLiteral("bin")));

    // 3. The copy fails after the mv (the unpacked bin is missing): the marker proves the mv, and the
    //    undo puts the old bin back.
    QVERIFY(QDir(unpack).rename(QStringLiteral("bin"), QStringLiteral("bin.away")));
    r = runSh(swapBin.command, elsewhere);
    QVERIFY(r.exitCode != 0);
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin")));
    QVERIFY2(runSh(swapBin.effectCheck.command, elsewhere).exitCode == 0, "the marker shows the mv happened");
    // Another plan's undo does not touch it: that plan did not make this bin_201.
    r = runSh(otherSwapBin.undoCommand, elsewhere);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QFile::exists(home + QStringLiteral("/bin_201/gaussdb")));
    QVERIFY(runSh(otherSwapBin.effectCheck.command, elsewhere).exitCode != 0);
    r = runSh(swapBin.undoCommand, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/bin/gaussdb")), QByteArray("old"));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin_201")));
    QVERIFY(!QFile::exists(marker)); // removed with the undo: nothing left to take back
    QVERIFY(QDir(unpack).rename(QStringLiteral("bin.away"), QStringLiteral("bin")));

    // 4. A full swap and copy; refreshconf rewrites cluster_dynamic_config afterwards. The copy's undo
    //    removes what it copied, keeps the newer file, brings back the package's alarmItem.conf, and
    //    another plan's copy undo refuses.
    r = runSh(swapBin.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(marker).trimmed(), plan.id.toUtf8());
    QVERIFY(runSh(swapLib.command, elsewhere).exitCode == 0);
    r = runSh(copy.command, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(home + QStringLiteral("/bin/alarmItem.conf")), QByteArray("alarm_component=/opt/x"));
    QVERIFY(writeText(home + QStringLiteral("/bin/cluster_dynamic_config"), "roles after switchover"));
    r = runSh(otherCopy.undoCommand, elsewhere);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("MogUp: not removing gs_om files")), qPrintable(r.err));
    QVERIFY(QFile::exists(home + QStringLiteral("/bin/cluster_static_config")));
    r = runSh(copy.undoCommand, elsewhere);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin/cluster_static_config")));
    QVERIFY(!QFile::exists(home + QStringLiteral("/bin/upgrade_version")));
    QCOMPARE(
        readText(home + QStringLiteral("/bin/cluster_dynamic_config")), QByteArray("roles after switchover"));
    QCOMPARE(readText(home + QStringLiteral("/bin/alarmItem.conf")), QByteArray("default"));
    QCOMPARE(readText(home + QStringLiteral("/bin/gaussdb")), QByteArray("new"));

    // 5. The lib swap's undo likewise; then the bin's: the old bin/ exactly as it was.
    QVERIFY(runSh(swapLib.undoCommand, elsewhere).exitCode == 0);
    QCOMPARE(readText(home + QStringLiteral("/lib/libpq.so")), QByteArray("oldlib"));
    QVERIFY(!QFile::exists(home + QStringLiteral("/.mogup-swap-lib")));
    QVERIFY(runSh(swapBin.undoCommand, elsewhere).exitCode == 0);
    QCOMPARE(readText(home + QStringLiteral("/bin/cluster_dynamic_config")), QByteArray("roles"));
    QCOMPARE(readText(home + QStringLiteral("/bin/alarmItem.conf")), QByteArray("alarm_component=/opt/x"));
    QCOMPARE(QDir(home + QStringLiteral("/bin")).entryList(QDir::Files | QDir::Hidden).size(), 5);
}

// The unpack command for real: a package built like MogDB's, then one with a wrong checksum.
void Tst_planner::unpackChecksum()
{
    if (QStandardPaths::findExecutable(QStringLiteral("bzip2")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("sha256sum")).isEmpty())
        MOGUP_SKIP_OR_FAIL(QStringLiteral("needs bzip2 and sha256sum (scripts/setup.sh installs them)"));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString build = tmp.path() + QStringLiteral("/build");
    const QString pkgDir = tmp.path() + QStringLiteral("/pkg dir");
    QVERIFY(QDir().mkpath(build + QStringLiteral("/bin")));
    QVERIFY(QDir().mkpath(build + QStringLiteral("/lib")));
    QVERIFY(QDir().mkpath(pkgDir));
    QVERIFY(writeText(
        build + QStringLiteral("/bin/gaussdb"), "#!/bin/sh\necho 'gaussdb (MogDB 2.0.3 build x)'\n"));
    QVERIFY(writeText(build + QStringLiteral("/lib/libpq.so"), "lib"));
    const QString inner = QStringLiteral("MogDB-2.0.3-CentOS-64bit.tar.bz2");
    const QString outer = pkgDir + QStringLiteral("/MogDB-2.0.3-CentOS-x86_64.tar.gz");
    ShellRun r = runSh(QStringLiteral("tar -cjf ") + shellQuote(tmp.path() + QLatin1Char('/') + inner)
            + QStringLiteral(" bin lib && cd ") + shellQuote(tmp.path()) + QStringLiteral(" && sha256sum ")
            + inner + QStringLiteral(" | cut -d ' ' -f 1 > MogDB-2.0.3-CentOS-64bit.sha256 && tar -czf ")
            + shellQuote(outer) + QLatin1Char(' ') + inner
            + QStringLiteral(" MogDB-2.0.3-CentOS-64bit.sha256"),
        build);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    ClusterProfile profile = makeProfile(InstallMethod::Manual, false, 2);
    profile.package.file = outer;
    profile.dbUser = currentUser();
    QVERIFY(!profile.dbUser.isEmpty());
    profile.unpackDir = tmp.path() + QStringLiteral("/un pack 'ok'");
    PlannerOptions options;
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    const Step unpack = plan.steps.first();
    QCOMPARE(unpack.kind, StepKind::Unpack);
    r = runSh(unpack.command, tmp.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readText(profile.unpackDir + QStringLiteral("/lib/libpq.so")), QByteArray("lib"));
    QVERIFY(QFile::exists(profile.unpackDir + QStringLiteral("/bin/gaussdb")));

    // A .sha256 in "digest  file" form (sha256sum's own output) is accepted too.
    r = runSh(QStringLiteral("cd ") + shellQuote(tmp.path()) + QStringLiteral(" && sha256sum ") + inner
        + QStringLiteral(" > MogDB-2.0.3-CentOS-64bit.sha256 && tar -czf ") + shellQuote(outer)
        + QLatin1Char(' ') + inner + QStringLiteral(" MogDB-2.0.3-CentOS-64bit.sha256"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    profile.unpackDir = tmp.path() + QStringLiteral("/unpack2");
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    r = runSh(plan.steps.first().command, tmp.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // A wrong digest: the command fails, says so on stderr, and the inner tarball is not unpacked.
    const QByteArray wrong(64, 'a');
    r = runSh(QStringLiteral("cd ") + shellQuote(tmp.path()) + QStringLiteral(" && echo ")
        + QString::fromLatin1(wrong) + QStringLiteral(" > MogDB-2.0.3-CentOS-64bit.sha256 && tar -czf ")
        + shellQuote(outer) + QLatin1Char(' ') + inner + QStringLiteral(" MogDB-2.0.3-CentOS-64bit.sha256"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    profile.unpackDir = tmp.path() + QStringLiteral("/bad unpack");
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    r = runSh(plan.steps.first().command, tmp.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains(QStringLiteral("checksum mismatch for MogDB-2.0.3-CentOS-64bit.tar.bz2: expected ")
            + QString::fromLatin1(wrong) + QStringLiteral(", got ")),
        qPrintable(r.err));
    QVERIFY(!QFile::exists(profile.unpackDir + QStringLiteral("/bin")));
}

void Tst_planner::sshHostsMarked()
{
    ClusterProfile profile = makeProfile(InstallMethod::Om, false, 2);
    profile.transport = Transport::Ssh;
    PlannerOptions options;
    options.mode = UpgradeMode::Rolling;
    Plan plan;
    QString error;
    QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    QCOMPARE(plan.nodeHosts.value(QStringLiteral("node1")), QStringLiteral("10.0.0.11"));
    QCOMPARE(plan.nodeHosts.value(QStringLiteral("node2")), QStringLiteral("10.0.0.12"));
    const QString script = plan.toShellScript();
    const QString mark2 = QStringLiteral("# ON ANOTHER HOST: node node2, host 10.0.0.12\n");
    // Every node2 step carries the mark right before its command.
    for (const Step& s : plan.steps) {
        if (s.kind == StepKind::UploadPackage)
            continue; // runs from this machine (see uploadWhenThePackageIsHere)
        const QString mark = QStringLiteral("# ON ANOTHER HOST: node %1, host %2\n(\n%3\n)")
                                 .arg(s.node, plan.nodeHosts.value(s.node), s.command);
        QVERIFY2(script.contains(mark), qPrintable(s.id));
    }
    QVERIFY(script.count(mark2) >= 5);
    // The switchover's undo runs on the other node, and the script says so.
    QVERIFY(script.contains(QStringLiteral("(the undo runs on node node1)")));
}

void Tst_planner::uploadWhenThePackageIsHere_data()
{
    QTest::addColumn<bool>("ssh");
    QTest::addColumn<bool>("onNodes");
    QTest::addColumn<bool>("upload");
    QTest::newRow("ssh, package here") << true << false << true;
    QTest::newRow("ssh, package on the nodes") << true << true << false;
    QTest::newRow("local") << false << false << false;
}

void Tst_planner::uploadWhenThePackageIsHere()
{
    QFETCH(bool, ssh);
    QFETCH(bool, onNodes);
    QFETCH(bool, upload);
    ClusterProfile profile = makeProfile(InstallMethod::Om, true, 3);
    profile.transport = ssh ? Transport::Ssh : Transport::Local;
    profile.package.onNodes = onNodes;
    for (int mode = 0; mode < 2; ++mode) {
        PlannerOptions options;
        options.mode = mode ? UpgradeMode::Rolling : UpgradeMode::Offline;
        Plan plan;
        QString error;
        QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
        QCOMPARE(plan.steps.first().kind == StepKind::UploadPackage, upload);
        int uploads = 0;
        for (const Step& s : plan.steps)
            uploads += s.kind == StepKind::UploadPackage ? 1 : 0;
        QCOMPARE(uploads, upload ? 1 : 0);
        const QString outer = QFileInfo(profile.package.file).fileName();
        for (const Step& s : plan.steps) {
            if (s.kind != StepKind::Unpack)
                continue;
            const NodeProfile* n = profile.node(s.node);
            const QString where = upload ? profile.unpackDirFor(*n) + QLatin1Char('/') + outer : profile.package.file;
            QVERIFY2(s.command.contains(QStringLiteral("tar -xvf ") + shellQuote(where) + QStringLiteral(" -C ")),
                qPrintable(s.command));
        }
        if (upload) {
            const Step& u = plan.steps.first();
            QCOMPARE(u.targets, QStringList({ QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3") }));
            QCOMPARE(u.localFile, profile.package.file);
            QCOMPARE(u.command.count(QStringLiteral("scp -P 22 ")), 3);
            const Plan back = Plan::fromJson(plan.toJson());
            QCOMPARE(back.steps.first().targets, u.targets);
            QCOMPARE(back.steps.first().localFile, u.localFile);
        }
    }
}

void Tst_planner::errors_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("primaryOption");
    QTest::addColumn<int>("roles"); // 0: node1 primary; 1: no primary; 2: two primaries; 3: node2 cascade
    QTest::addColumn<QString>("emptyField");
    QTest::addColumn<QStringList>("mustContain");

    const int offline = int(UpgradeMode::Offline);
    const int rolling = int(UpgradeMode::Rolling);
    QTest::newRow("no primary") << offline << 2 << kPackage << QString() << 1 << QString()
                                << QStringList { QStringLiteral("role"), QStringLiteral("primary"),
                                       QStringLiteral("Fix") };
    QTest::newRow("two primaries") << rolling << 3 << kPackage << QString() << 2 << QString()
                                   << QStringList { QStringLiteral("role"), QStringLiteral("node1, node2") };
    QTest::newRow("primary option unknown")
        << offline << 2 << kPackage << QStringLiteral("node9") << 0 << QString()
        << QStringList { QStringLiteral("node9"), QStringLiteral("node1, node2") };
    QTest::newRow("rolling with 1 node") << rolling << 1 << kPackage << QString() << 0 << QString()
                                         << QStringList { QStringLiteral("nodes"), QStringLiteral("standby"),
                                                QStringLiteral("node1"), QStringLiteral("offline") };
    QTest::newRow("rolling, only a cascade standby")
        << rolling << 2 << kPackage << QString() << 3 << QString()
        << QStringList { QStringLiteral("nodes"), QStringLiteral("cascade") };
    QTest::newRow("bad package name")
        << offline << 2 << QStringLiteral("/tmp/mogdb.tar.gz") << QString() << 0 << QString()
        << QStringList { QStringLiteral("package.file"), QStringLiteral("/tmp/mogdb.tar.gz"),
               QStringLiteral("MogDB-2.0.3-CentOS-x86_64.tar.gz") };
    QTest::newRow("bad package, rolling")
        << rolling << 3 << QStringLiteral("MogDB-2.0.3-CentOS-sparc.tar.gz") << QString() << 0 << QString()
        << QStringList { QStringLiteral("package.file") };
    QTest::newRow("package is the running version")
        << offline << 2 << QStringLiteral("MogDB-2.0.1-CentOS-x86_64.tar.gz") << QString() << 0 << QString()
        << QStringList { QStringLiteral("package.file"), QStringLiteral("2.0.1") };
    QTest::newRow("empty gausshome") << offline << 2 << kPackage << QString() << 0
                                     << QStringLiteral("gausshome")
                                     << QStringList { QStringLiteral("nodes[1].gausshome"),
                                            QStringLiteral("node2") };
    QTest::newRow("empty pgdata") << rolling << 2 << kPackage << QString() << 0 << QStringLiteral("pgdata")
                                  << QStringList { QStringLiteral("nodes[1].pgdata"),
                                         QStringLiteral("node2") };
    QTest::newRow("empty unpack dir")
        << offline << 2 << kPackage << QString() << 0 << QStringLiteral("unpack_dir")
        << QStringList { QStringLiteral("unpack_dir"), QStringLiteral("node1") };
}

void Tst_planner::errors()
{
    QFETCH(int, mode);
    QFETCH(int, nodes);
    QFETCH(QString, package);
    QFETCH(QString, primaryOption);
    QFETCH(int, roles);
    QFETCH(QString, emptyField);
    QFETCH(QStringList, mustContain);

    ClusterProfile profile = makeProfile(InstallMethod::Om, false, nodes);
    profile.package.file = package;
    if (roles == 1)
        profile.nodes[0].role = NodeRole::Unspecified;
    if (roles == 2)
        profile.nodes[1].role = NodeRole::Primary;
    if (roles == 3)
        profile.nodes[1].role = NodeRole::CascadeStandby;
    if (emptyField == QLatin1String("gausshome"))
        profile.nodes[1].gausshome.clear();
    if (emptyField == QLatin1String("pgdata"))
        profile.nodes[1].pgdata.clear();
    if (emptyField == QLatin1String("unpack_dir"))
        profile.unpackDir.clear();
    PlannerOptions options;
    options.mode = UpgradeMode(mode);
    options.primaryNode = primaryOption;

    Plan plan;
    plan.profileName = QStringLiteral("untouched");
    QString error;
    QVERIFY(!Planner::build(profile, options, &plan, &error));
    QVERIFY(!error.isEmpty());
    for (const QString& part : mustContain)
        QVERIFY2(error.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, error)));
    QCOMPARE(plan.profileName, QStringLiteral("untouched"));
    QVERIFY(plan.steps.isEmpty());

    // The same profile in the other mode: errors that are not about the mode stay errors; the rolling
    // ones go away offline (so the rows above really test what they name).
    if (mode == int(UpgradeMode::Rolling) && (nodes == 1 || roles == 3)) {
        options.mode = UpgradeMode::Offline;
        QVERIFY2(Planner::build(profile, options, &plan, &error), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(Tst_planner)
#include "tst_planner.moc"
