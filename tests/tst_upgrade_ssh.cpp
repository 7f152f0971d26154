#include "SandboxBuilder.h"
#include "SshdFixture.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

// The whole upgrade of the sandbox through a real OpenSSH sshd on 127.0.0.1-3, driven by mogup-cli:
// host keys checked against known_hosts, key login, the package uploaded over SFTP to every node.
class Tst_UpgradeSsh : public QObject
{
    Q_OBJECT

    static QString cli() { return TestSupport::binDir() + QStringLiteral("/mogup-cli"); }

    struct StopGuard
    {
        QString dir;
        ~StopGuard()
        {
            QString error;
            Sim::SandboxBuilder::stop(dir, &error);
        }
    };

private slots:
    void upgradeOverSsh_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("rolling") << "rolling";
        QTest::newRow("offline") << "offline";
    }

    void upgradeOverSsh()
    {
        QFETCH(QString, mode);
        TestSupport::SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QTemporaryDir tmp;
        const QString knownHosts = tmp.filePath(QStringLiteral("known_hosts"));
        QVERIFY(sshd.writeKnownHosts(knownHosts, true));
        const QString dir = tmp.filePath(QStringLiteral("demo"));
        StopGuard guard { dir };
        auto r = TestSupport::run(cli(),
            { QStringLiteral("demo"), QStringLiteral("init"), dir, QStringLiteral("--transport"), QStringLiteral("ssh"),
                QStringLiteral("--ssh-port"), QString::number(sshd.port()), QStringLiteral("--identity"),
                sshd.clientKey(TestSupport::SshdFixture::ClientKey::Ed25519), QStringLiteral("--known-hosts"), knownHosts },
            120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString profile = dir + QStringLiteral("/profile.json");
        const QJsonObject p = QJsonDocument::fromJson(TestSupport::readFile(profile).toUtf8()).object();
        QCOMPARE(p.value(QStringLiteral("transport")).toString(), QStringLiteral("ssh"));
        const QJsonArray nodes = p.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.at(1).toObject().value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.2"));

        const QString runDir = tmp.filePath(QStringLiteral("run"));
        r = TestSupport::run(cli(), { QStringLiteral("upgrade"), QStringLiteral("--profile"), profile, QStringLiteral("--mode"),
                                        mode, QStringLiteral("--yes"), QStringLiteral("--run-dir"), runDir },
            600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QStringLiteral("\n--- stdout tail:\n") + r.out.right(3000)));
        QVERIFY(r.out.contains(QStringLiteral("UPGRADE COMPLETE")));
        QVERIFY2(r.err.contains(QStringLiteral("node2: logged in")), qPrintable(r.err));
        // The package travelled over SFTP and was proven on each node.
        for (const QString& node : { QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3") })
            QVERIFY(QFile::exists(dir + QLatin1Char('/') + node + QStringLiteral("/mogdb203/MogDB-2.0.3-CentOS-x86_64.tar.gz")));
        QVERIFY(r.out.contains(QStringLiteral("verified on the node")));

        r = TestSupport::run(cli(), { QStringLiteral("status"), QStringLiteral("--profile"), profile, QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        int primaries = 0, standbys = 0;
        for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject n = v.toObject();
            QCOMPARE(n.value(QStringLiteral("version")).toString(), QStringLiteral("2.0.3"));
            primaries += n.value(QStringLiteral("role")) == QStringLiteral("primary");
            standbys += n.value(QStringLiteral("role")) == QStringLiteral("standby") && n.value(QStringLiteral("state")) == QStringLiteral("Normal");
        }
        QCOMPARE(primaries, 1);
        QCOMPARE(standbys, 2);
    }

    // A host whose key changed is refused before any command runs, with the fingerprint shown.
    void changedHostKeyIsRefused()
    {
        TestSupport::SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QTemporaryDir tmp;
        const QString knownHosts = tmp.filePath(QStringLiteral("known_hosts"));
        QVERIFY(sshd.writeKnownHosts(knownHosts, false));
        const QString dir = tmp.filePath(QStringLiteral("demo"));
        StopGuard guard { dir };
        auto r = TestSupport::run(cli(),
            { QStringLiteral("demo"), QStringLiteral("init"), dir, QStringLiteral("--nodes"), QStringLiteral("2"),
                QStringLiteral("--transport"), QStringLiteral("ssh"), QStringLiteral("--ssh-port"), QString::number(sshd.port()),
                QStringLiteral("--identity"), sshd.clientKey(TestSupport::SshdFixture::ClientKey::Ed25519),
                QStringLiteral("--known-hosts"), knownHosts },
            120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(sshd.restart(true));
        const QString runDir = tmp.filePath(QStringLiteral("run"));
        r = TestSupport::run(cli(), { QStringLiteral("upgrade"), QStringLiteral("--profile"), dir + QStringLiteral("/profile.json"),
                                        QStringLiteral("--mode"), QStringLiteral("rolling"), QStringLiteral("--yes"),
                                        QStringLiteral("--run-dir"), runDir },
            120000);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("CHANGED")), qPrintable(r.err));
        QVERIFY2(r.err.contains(sshd.hostFingerprint(QStringLiteral("ed25519")).section(QLatin1Char(' '), 1, 1)), qPrintable(r.err));
        QVERIFY(r.err.contains(knownHosts));
        QVERIFY(r.err.contains(QStringLiteral("Nothing was changed")));
        QVERIFY(!QFile::exists(runDir + QStringLiteral("/journal.jsonl"))); // no run started
    }
};

QTEST_GUILESS_MAIN(Tst_UpgradeSsh)
#include "tst_upgrade_ssh.moc"
