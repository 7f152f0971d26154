#include "NodeCommands.h"
#include "TestSupport.h"

#include <QtTest>

#include <unistd.h>

using namespace MogUp;

// The exact commands MogUp shows and runs: who they run as, and that quoting survives the wrappers.
class Tst_NodeCommands : public QObject
{
    Q_OBJECT

    static ClusterProfile profile(Transport t, const QString& sshUser, const QString& become)
    {
        ClusterProfile p;
        p.transport = t;
        p.dbUser = QStringLiteral("omm");
        NodeProfile n;
        n.name = QStringLiteral("node1");
        n.sshUser = sshUser;
        n.become = become;
        n.gausshome = QStringLiteral("/opt/mog db/app");
        n.pgdata = QStringLiteral("/opt/mogdb/data");
        n.envFile = QStringLiteral("/home/omm/.bashrc");
        p.nodes = { n };
        return p;
    }

private slots:
    void wrappers_data()
    {
        QTest::addColumn<bool>("ssh");
        QTest::addColumn<QString>("sshUser");
        QTest::addColumn<QString>("become");
        QTest::addColumn<QString>("dbCommand");
        QTest::addColumn<QString>("rootCommand");
        const QString inner = QStringLiteral(". /home/omm/.bashrc && '/opt/mog db/app/bin/gs_ctl' stop -D /opt/mogdb/data");
        QTest::newRow("local: as is") << false << "root" << "auto" << inner << "systemctl stop mogha";
        QTest::newRow("ssh as omm: no switch") << true << "omm" << "auto" << inner << "sudo -n -- bash -c 'systemctl stop mogha'";
        QTest::newRow("ssh as root: su") << true << "root" << "auto"
                                         << QStringLiteral("su - omm -c '. /home/omm/.bashrc && '\\''/opt/mog db/app/bin/gs_ctl'\\'' stop -D /opt/mogdb/data'")
                                         << "systemctl stop mogha";
        QTest::newRow("ssh as admin: sudo -n") << true << "admin" << "auto"
                                               << QStringLiteral("sudo -n -H -u omm -- bash -c '. /home/omm/.bashrc && '\\''/opt/mog db/app/bin/gs_ctl'\\'' stop -D /opt/mogdb/data'")
                                               << "sudo -n -- bash -c 'systemctl stop mogha'";
        QTest::newRow("ssh as admin: sudo with password")
            << true << "admin" << "sudo-password"
            << QStringLiteral("sudo -S -p '' -H -u omm -- bash -c 'exec 0</dev/null; . /home/omm/.bashrc && '\\''/opt/mog db/app/bin/gs_ctl'\\'' stop -D /opt/mogdb/data'")
            << "sudo -S -p '' -- bash -c 'exec 0</dev/null; systemctl stop mogha'";
        QTest::newRow("ssh as admin: none") << true << "admin" << "none" << inner << "systemctl stop mogha";
    }
    void wrappers()
    {
        QFETCH(bool, ssh);
        QFETCH(QString, sshUser);
        QFETCH(QString, become);
        QFETCH(QString, dbCommand);
        QFETCH(QString, rootCommand);
        const ClusterProfile p = profile(ssh ? Transport::Ssh : Transport::Local, sshUser, become);
        const NodeCommands nc(p, p.nodes.first());
        QCOMPARE(nc.gsCtlStop(), dbCommand);
        QCOMPARE(nc.mogha(QStringLiteral("stop")), rootCommand);
        QCOMPARE(nc.gsCtlStop().startsWith(NodeCommands::sudoPasswordPrefix()), become == QStringLiteral("sudo-password"));
    }

    // The su wrapper really runs the command as the user, with every awkward byte intact.
    void suWrapperRunsUnchanged()
    {
        if (::geteuid() != 0)
            MOGUP_SKIP_OR_FAIL(QStringLiteral("su to another user needs root (CI runs as root)"));
        ClusterProfile p = profile(Transport::Ssh, QStringLiteral("root"), QStringLiteral("su"));
        p.dbUser = QStringLiteral("root");
        p.nodes[0].envFile.clear();
        const NodeCommands nc(p, p.nodes.first());
        const QString word = QStringLiteral("it's \"$(echo no)\" `echo no`; $HOME *");
        const auto r = TestSupport::sh(nc.asDbUser({ QStringLiteral("printf"), QStringLiteral("%s|%s"), word,
            QStringLiteral("x") }) + QStringLiteral("; echo; id -un"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, word + QStringLiteral("|x\nroot\n"));
    }
};

QTEST_GUILESS_MAIN(Tst_NodeCommands)
#include "tst_nodecommands.moc"
