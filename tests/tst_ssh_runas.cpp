#include "NodeCommands.h"
#include "SshExecutor.h"
#include "SshdFixture.h"
#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>
#include <unistd.h>

using namespace MogUp;
using TestSupport::SshdFixture;

namespace {

class FixedSecrets : public SshInteraction
{
public:
    QString password;
    QString sudoPassword;
    QList<SecretRequest::Kind> asked;
    std::mutex mutex;
    std::optional<QString> secret(const SecretRequest& r) override
    {
        std::lock_guard<std::mutex> lock(mutex);
        asked << r.kind;
        if (r.retry)
            return std::nullopt;
        if (r.kind == SecretRequest::Kind::SudoPassword)
            return sudoPassword;
        return password;
    }
    bool acceptHostKey(const HostKeyInfo&) override { return false; }
};

// A sudoers rule for the test user, removed again when the test ends.
class SudoersRule
{
public:
    explicit SudoersRule(const QString& line)
        : m_path(QStringLiteral("/etc/sudoers.d/mogup-test-%1").arg(::getpid()))
    {
        QFile f(m_path);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(line.toUtf8() + '\n');
            f.close();
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        }
    }
    ~SudoersRule() { QFile::remove(m_path); }

private:
    QString m_path;
};

} // namespace

// Database commands run as db_user and MogHA's as root, whoever logs in: `su - omm -c` from root,
// `sudo -n` for a NOPASSWD account, `sudo -S` with the password fed on stdin otherwise. Through a real
// sshd, a real su and a real sudo; the commands are the ones the plan shows (NodeCommands).
class Tst_SshRunAs : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshdFixture> m_sshd;
    QTemporaryDir m_tmp;
    QString m_knownHosts;

    ClusterProfile profile(const QString& sshUser, const QString& auth, const QString& dbUser, const QString& become)
    {
        ClusterProfile p;
        p.name = QStringLiteral("runas");
        p.transport = Transport::Ssh;
        p.dbUser = dbUser;
        NodeProfile n;
        n.name = QStringLiteral("node2");
        n.host = QStringLiteral("127.0.0.2");
        n.sshPort = m_sshd->port();
        n.sshUser = sshUser;
        n.auth = auth;
        n.keyFile = m_sshd->clientKey(SshdFixture::ClientKey::Ed25519);
        n.become = become;
        n.gausshome = QStringLiteral("/opt/mogdb/app");
        n.pgdata = QStringLiteral("/opt/mogdb/data");
        p.nodes = { n };
        return p;
    }
    SshOptions options() const
    {
        SshOptions o;
        o.knownHostsFile = m_knownHosts;
        return o;
    }
    struct Out
    {
        ExecResult result;
        QString out;
        QString err;
    };
    static Out run(SshExecutor& exec, const NodeProfile& n, const QString& command)
    {
        Out o;
        CancelToken cancel;
        o.result = exec.run(n, command, 30000, cancel, [&o](const OutputLine& l) {
            (l.stream == OutputStream::Stdout ? o.out : o.err) += l.text + QLatin1Char('\n');
        });
        return o;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            MOGUP_SKIP_OR_FAIL(QStringLiteral("su/sudo to a test user needs root (CI runs as root)"));
        m_sshd = std::make_unique<SshdFixture>();
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
        QString why;
        QVERIFY2(m_sshd->ensureTestUser(&why), qPrintable(why));
        m_knownHosts = m_tmp.filePath(QStringLiteral("known_hosts"));
        QVERIFY(m_sshd->writeKnownHosts(m_knownHosts, false));
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/sudo")), "sudo is installed by scripts/setup.sh");
    }
    void cleanupTestCase() { m_sshd.reset(); }

    void suFromRoot()
    {
        const ClusterProfile p = profile(QStringLiteral("root"), QStringLiteral("key"), m_sshd->testUser(), QStringLiteral("auto"));
        const NodeCommands nc(p, p.nodes.first());
        QVERIFY(nc.asDbUser({ QStringLiteral("id") }).startsWith(QStringLiteral("su - ") + m_sshd->testUser() + QStringLiteral(" -c ")));
        auto ui = std::make_shared<FixedSecrets>();
        SshExecutor exec(p, options(), ui);
        const QString odd = QStringLiteral("a b 'c' \"$(d)\" `e`; f");
        const Out o = run(exec, p.nodes.first(), nc.asDbUser({ QStringLiteral("printf"), QStringLiteral("%s|%s\\n"), odd,
                                                      QStringLiteral("x") })
                + QStringLiteral(" && ") + nc.asDbUser({ QStringLiteral("id"), QStringLiteral("-un") }));
        QVERIFY2(o.result.ok(), qPrintable(o.result.error + o.err));
        QCOMPARE(o.out, odd + QStringLiteral("|x\n") + m_sshd->testUser() + QLatin1Char('\n'));
        // Root commands need no switch when root logs in.
        QCOMPARE(nc.asRoot({ QStringLiteral("id") }), QStringLiteral("id"));
    }

    void sudoWithoutPassword()
    {
        SudoersRule rule(m_sshd->testUser() + QStringLiteral(" ALL=(ALL) NOPASSWD: ALL"));
        const ClusterProfile p = profile(m_sshd->testUser(), QStringLiteral("password"), QStringLiteral("root"), QStringLiteral("auto"));
        const NodeCommands nc(p, p.nodes.first());
        QVERIFY(nc.asRoot({ QStringLiteral("id") }).startsWith(QStringLiteral("sudo -n ")));
        auto ui = std::make_shared<FixedSecrets>();
        ui->password = m_sshd->testPassword();
        SshExecutor exec(p, options(), ui);
        const Out root = run(exec, p.nodes.first(), nc.asRoot({ QStringLiteral("id"), QStringLiteral("-un") }));
        QVERIFY2(root.result.ok(), qPrintable(root.result.error + root.err));
        QCOMPARE(root.out, QStringLiteral("root\n"));
        const Out db = run(exec, p.nodes.first(), nc.asDbUser({ QStringLiteral("id"), QStringLiteral("-un") }));
        QVERIFY2(db.result.ok(), qPrintable(db.result.error + db.err));
        QCOMPARE(db.out, QStringLiteral("root\n"));
        QVERIFY(!ui->asked.contains(SecretRequest::Kind::SudoPassword));
    }

    void sudoNeedsAPasswordButNoneIsGiven()
    {
        SudoersRule rule(m_sshd->testUser() + QStringLiteral(" ALL=(ALL) ALL"));
        const ClusterProfile p = profile(m_sshd->testUser(), QStringLiteral("password"), QStringLiteral("root"), QStringLiteral("sudo"));
        const NodeCommands nc(p, p.nodes.first());
        auto ui = std::make_shared<FixedSecrets>();
        ui->password = m_sshd->testPassword();
        SshExecutor exec(p, options(), ui);
        // sudo -n never waits for a password nobody will type: it fails at once and says why.
        const Out o = run(exec, p.nodes.first(), nc.asRoot({ QStringLiteral("id"), QStringLiteral("-un") }));
        QVERIFY(!o.result.ok());
        QVERIFY2(o.err.contains(QStringLiteral("password is required")), qPrintable(o.err));
    }

    void sudoWithPasswordOnStdin()
    {
        SudoersRule rule(m_sshd->testUser() + QStringLiteral(" ALL=(ALL) ALL"));
        const ClusterProfile p
            = profile(m_sshd->testUser(), QStringLiteral("password"), QStringLiteral("root"), QStringLiteral("sudo-password"));
        const NodeCommands nc(p, p.nodes.first());
        QVERIFY(nc.asRoot({ QStringLiteral("id") }).startsWith(NodeCommands::sudoPasswordPrefix()));
        auto ui = std::make_shared<FixedSecrets>();
        ui->password = m_sshd->testPassword();
        ui->sudoPassword = m_sshd->testPassword();
        SshExecutor exec(p, options(), ui);
        // The first sudo reads the password; the second (`cat`) must not see it on its stdin.
        const Out o = run(exec, p.nodes.first(), nc.asRoot({ QStringLiteral("id"), QStringLiteral("-un") }));
        QVERIFY2(o.result.ok(), qPrintable(o.result.error + o.err));
        QCOMPARE(o.out, QStringLiteral("root\n"));
        QVERIFY(ui->asked.contains(SecretRequest::Kind::SudoPassword));
        const Out c = run(exec, p.nodes.first(), nc.asRoot({ QStringLiteral("cat") }));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error + c.err));
        QVERIFY(!c.out.contains(m_sshd->testPassword())); // stdin was closed before the command ran
        QVERIFY(!c.err.contains(m_sshd->testPassword()));
        QVERIFY(!nc.asRoot({ QStringLiteral("cat") }).contains(m_sshd->testPassword()));
    }

    void wrongSudoPasswordIsAFailureWithoutTheSecret()
    {
        SudoersRule rule(m_sshd->testUser() + QStringLiteral(" ALL=(ALL) ALL"));
        const ClusterProfile p
            = profile(m_sshd->testUser(), QStringLiteral("password"), QStringLiteral("root"), QStringLiteral("sudo-password"));
        const NodeCommands nc(p, p.nodes.first());
        auto ui = std::make_shared<FixedSecrets>();
        ui->password = m_sshd->testPassword();
        ui->sudoPassword = QStringLiteral("not-the-password-4711");
        SshExecutor exec(p, options(), ui);
        const Out o = run(exec, p.nodes.first(), nc.asRoot({ QStringLiteral("id"), QStringLiteral("-un") }));
        QVERIFY(!o.result.ok());
        QVERIFY(!o.out.contains(QStringLiteral("root")));
        QVERIFY(!QString(o.out + o.err + o.result.error).contains(QStringLiteral("not-the-password-4711")));
    }
};

QTEST_GUILESS_MAIN(Tst_SshRunAs)
#include "tst_ssh_runas.moc"
