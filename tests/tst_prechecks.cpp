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
        QVERIFY(find(r, QStringLiteral("cluster-normal"))->detail.contains(QStringLiteral("node3 is not running")));
        QCOMPARE(find(r, QStringLiteral("standbys-streaming"))->severity, PrecheckSeverity::Failure);
        QVERIFY(find(r, QStringLiteral("standbys-streaming"))->detail.startsWith(QStringLiteral("1 of 2 standbys")));
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
