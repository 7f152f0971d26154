#include "KnownHosts.h"
#include "ShellQuote.h"
#include "SshExecutor.h"
#include "SshdFixture.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <pwd.h>
#include <thread>

using namespace MogUp;
using TestSupport::SshdFixture;

namespace {

// Answers the executor's questions the way a scripted user would, and remembers every question.
class ScriptedInteraction : public SshInteraction
{
public:
    std::function<std::optional<QString>(const SecretRequest&)> onSecret;
    std::function<bool(const HostKeyInfo&)> onHostKey;

    std::optional<QString> secret(const SecretRequest& request) override
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_secretRequests.append(request);
        }
        return onSecret ? onSecret(request) : std::nullopt;
    }
    bool acceptHostKey(const HostKeyInfo& key) override
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_hostKeys.append(key);
        }
        return onHostKey ? onHostKey(key) : false;
    }
    QList<SecretRequest> secretRequests() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_secretRequests;
    }
    QList<HostKeyInfo> hostKeys() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_hostKeys;
    }

private:
    mutable std::mutex m_mutex;
    QList<SecretRequest> m_secretRequests;
    QList<HostKeyInfo> m_hostKeys;
};

struct Captured
{
    ExecResult result;
    QStringList out;
    QStringList err;
    QString everything() const
    {
        return result.error + QLatin1Char('\n') + out.join(QLatin1Char('\n')) + QLatin1Char('\n') + err.join(QLatin1Char('\n'));
    }
};

// Live processes (zombies have an empty command line) whose command line holds `marker`.
QStringList liveProcessesWith(const QString& marker)
{
    QStringList found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({ QStringLiteral("[0-9]*") }, QDir::Dirs);
    for (const QString& pid : pids) {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray cmd = f.readAll().replace('\0', ' ');
        if (cmd.contains(marker.toUtf8()) && !cmd.contains("tst_ssh_executor"))
            found.append(pid + QLatin1Char(':') + QString::fromUtf8(cmd));
    }
    return found;
}

} // namespace

// SshExecutor against a real OpenSSH sshd on loopback: logins, host keys, output, exit status, cancel,
// timeouts, a vanishing peer. Asserts on what the user would see: the messages and the output.
class Tst_SshExecutor : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshdFixture> m_sshd;
    QTemporaryDir m_tmp;
    QString m_knownHosts; // holds the current host keys ([host]:port, ed25519) for the three addresses
    int m_serial = 0;

    NodeProfile node(int index = 1, const QString& auth = QStringLiteral("key"),
        SshdFixture::ClientKey key = SshdFixture::ClientKey::Ed25519) const
    {
        NodeProfile n;
        n.name = QStringLiteral("node%1").arg(index);
        n.host = QStringLiteral("127.0.0.%1").arg(index);
        n.sshPort = m_sshd->port();
        n.sshUser = m_sshd->loginUser();
        n.auth = auth;
        n.keyFile = m_sshd->clientKey(key);
        return n;
    }
    ClusterProfile profile(const QList<NodeProfile>& nodes) const
    {
        ClusterProfile p;
        p.name = QStringLiteral("ssh-test");
        p.transport = Transport::Ssh;
        p.nodes = nodes;
        return p;
    }
    SshOptions options(HostKeyPolicy policy = HostKeyPolicy::Strict, const QString& knownHosts = {}) const
    {
        SshOptions o;
        o.knownHostsFile = knownHosts.isEmpty() ? m_knownHosts : knownHosts;
        o.policy = policy;
        o.connectTimeoutMs = 10000;
        // libssh2 sends keepalives at least 2 s apart: a dead peer is noticed within 2 * (1 + 1) = 4 s.
        o.keepaliveIntervalSeconds = 1;
        o.keepaliveCountMax = 1;
        return o;
    }
    QString freshPath(const QString& name)
    {
        return m_tmp.path() + QStringLiteral("/%1-%2").arg(++m_serial).arg(name);
    }
    static Captured run(SshExecutor& exec, const NodeProfile& n, const QString& command, int timeoutMs = 30000,
        const CancelToken* cancel = nullptr, const std::function<void(const OutputLine&)>& onLine = {})
    {
        CancelToken none;
        Captured c;
        c.result = exec.run(n, command, timeoutMs, cancel ? *cancel : none, [&](const OutputLine& l) {
            (l.stream == OutputStream::Stdout ? c.out : c.err).append(l.text);
            if (onLine)
                onLine(l);
        });
        return c;
    }
    // Connects one node and returns what the user sees of the login.
    SshConnectResult connectOne(const NodeProfile& n, const SshOptions& o, std::shared_ptr<ScriptedInteraction> ui = {})
    {
        SshExecutor exec(profile({ n }), o, ui);
        CancelToken none;
        const QList<SshConnectResult> r = exec.connectAll(none);
        return r.value(0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_sshd = std::make_unique<SshdFixture>();
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(m_sshd->writeKnownHosts(m_knownHosts, false));
    }
    void cleanupTestCase() { m_sshd.reset(); }

    void fingerprintLikeSshKeygen()
    {
        for (const QString& type : { QStringLiteral("ed25519"), QStringLiteral("ecdsa") }) {
            const QStringList pub = TestSupport::readFile(m_sshd->hostPublicKeyFile(type)).split(QLatin1Char(' '));
            const QByteArray blob = QByteArray::fromBase64(pub.at(1).toLatin1());
            QCOMPARE(sshFingerprint(blob), m_sshd->hostFingerprint(type));
            QCOMPARE(sshKeyType(blob), pub.at(0));
        }
    }

    // ---- Login ----------------------------------------------------------------------------------

    void keyLogin_data()
    {
        QTest::addColumn<int>("key");
        QTest::newRow("ed25519") << int(SshdFixture::ClientKey::Ed25519);
        QTest::newRow("ecdsa") << int(SshdFixture::ClientKey::Ecdsa);
    }
    void keyLogin()
    {
        QFETCH(int, key);
        const NodeProfile n = node(1, QStringLiteral("key"), SshdFixture::ClientKey(key));
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("echo hello; id -un"));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, QStringList({ QStringLiteral("hello"), m_sshd->loginUser() }));
        QVERIFY(c.err.isEmpty());
        const SshConnectResult r = connectOne(n, options());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.authMethod, QStringLiteral("publickey (%1)").arg(n.keyFile));
    }

    void keyWithPassphrase()
    {
        const NodeProfile n = node(1, QStringLiteral("key"), SshdFixture::ClientKey::Ed25519Passphrase);
        auto ui = std::make_shared<ScriptedInteraction>();
        ui->onSecret = [this](const SecretRequest&) { return std::optional<QString>(m_sshd->keyPassphrase()); };
        SshExecutor exec(profile({ n }), options(), ui);
        const Captured c = run(exec, n, QStringLiteral("echo ok"));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, QStringList { QStringLiteral("ok") });
        QCOMPARE(ui->secretRequests().size(), 1);
        const SecretRequest req = ui->secretRequests().first();
        QCOMPARE(req.kind, SecretRequest::Kind::KeyPassphrase);
        QCOMPARE(req.node, n.name);
        QCOMPARE(req.prompt, n.keyFile);
        QVERIFY(!req.retry);
        // A reconnect uses the passphrase kept in memory instead of asking again.
        exec.disconnectAll();
        QVERIFY(run(exec, n, QStringLiteral("true")).result.ok());
        QCOMPARE(ui->secretRequests().size(), 1);
    }

    void wrongPassphraseAskedOnceMore()
    {
        const NodeProfile n = node(1, QStringLiteral("key"), SshdFixture::ClientKey::Ed25519Passphrase);
        auto ui = std::make_shared<ScriptedInteraction>();
        const QString wrong = QStringLiteral("wrong-passphrase-%1").arg(QRandomGenerator::global()->generate());
        ui->onSecret = [&](const SecretRequest&) { return std::optional<QString>(wrong); };
        const SshConnectResult r = connectOne(n, options(), ui);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("wrong passphrase for the key file %1").arg(n.keyFile)), qPrintable(r.error));
        QVERIFY2(r.error.startsWith(QStringLiteral("node1 (127.0.0.1:%1): ").arg(n.sshPort)), qPrintable(r.error));
        QVERIFY(!r.error.contains(wrong));
        const QList<SecretRequest> asked = ui->secretRequests();
        QCOMPARE(asked.size(), 2);
        QVERIFY(!asked.at(0).retry);
        QVERIFY(asked.at(1).retry);
        // Right on the second try: logged in.
        auto ui2 = std::make_shared<ScriptedInteraction>();
        ui2->onSecret = [&](const SecretRequest& req) {
            return std::optional<QString>(req.retry ? m_sshd->keyPassphrase() : wrong);
        };
        const SshConnectResult r2 = connectOne(n, options(), ui2);
        QVERIFY2(r2.ok, qPrintable(r2.error));
    }

    void keyRefusalsAreTold_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("rsa (libssh2 1.10 cannot sign rsa-sha2)")
            << int(SshdFixture::ClientKey::Rsa)
            << QStringList { QStringLiteral("refused the RSA key"), QStringLiteral("SHA-1"),
                   QStringLiteral("Use an ed25519 or ECDSA key instead"), QStringLiteral("ssh-keygen -t ed25519") };
        QTest::newRow("key not authorized")
            << int(SshdFixture::ClientKey::Unauthorized)
            << QStringList { QStringLiteral("the server refused the key"), QStringLiteral("authorized_keys") };
    }
    void keyRefusalsAreTold()
    {
        QFETCH(int, key);
        QFETCH(QStringList, expected);
        const NodeProfile n = node(2, QStringLiteral("key"), SshdFixture::ClientKey(key));
        const SshConnectResult r = connectOne(n, options());
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("node2 (127.0.0.2:%1): ").arg(n.sshPort)), qPrintable(r.error));
        for (const QString& e : expected)
            QVERIFY2(r.error.contains(e), qPrintable(r.error));
        // The executor's run says the same instead of running anything.
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("echo must-not-run"));
        QVERIFY(!c.result.started);
        QCOMPARE(c.result.error, r.error);
        QVERIFY(c.out.isEmpty());
    }

    void passwordLogins_data()
    {
        QTest::addColumn<QString>("auth");
        QTest::addColumn<int>("kind");
        QTest::newRow("password") << QStringLiteral("password") << int(SecretRequest::Kind::Password);
        QTest::newRow("keyboard-interactive") << QStringLiteral("keyboard-interactive") << int(SecretRequest::Kind::KeyboardInteractive);
    }
    void passwordLogins()
    {
        QFETCH(QString, auth);
        QFETCH(int, kind);
        QString why;
        if (!m_sshd->ensureTestUser(&why))
            MOGUP_SKIP_OR_FAIL(why);
        NodeProfile n = node(3, auth);
        n.sshUser = m_sshd->testUser();
        auto ui = std::make_shared<ScriptedInteraction>();
        ui->onSecret = [this](const SecretRequest&) { return std::optional<QString>(m_sshd->testPassword()); };
        SshExecutor exec(profile({ n }), options(), ui);
        const Captured c = run(exec, n, QStringLiteral("id -un"));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, QStringList { m_sshd->testUser() });
        const QList<SecretRequest> asked = ui->secretRequests();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(int(asked.first().kind), kind);
        QCOMPARE(asked.first().user, m_sshd->testUser());
        QCOMPARE(asked.first().host, n.host);
        if (auth == QLatin1String("keyboard-interactive"))
            QVERIFY2(asked.first().prompt.contains(QStringLiteral("assword")), qPrintable(asked.first().prompt));
        // Reconnects reuse the secret held in memory.
        exec.disconnectAll();
        QVERIFY(run(exec, n, QStringLiteral("true")).result.ok());
        QCOMPARE(ui->secretRequests().size(), 1);
    }

    // A failed login never shows the secret that was tried, in any message or output.
    void secretsNeverShown_data()
    {
        QTest::addColumn<QString>("auth");
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong password") << QStringLiteral("password") << 0 << QStringLiteral("the server refused the password for");
        QTest::newRow("wrong keyboard-interactive") << QStringLiteral("keyboard-interactive") << 0
                                                    << QStringLiteral("the server refused the answer to its login prompt");
        QTest::newRow("wrong passphrase") << QStringLiteral("key") << int(SshdFixture::ClientKey::Ed25519Passphrase)
                                          << QStringLiteral("wrong passphrase");
    }
    void secretsNeverShown()
    {
        QFETCH(QString, auth);
        QFETCH(int, key);
        QFETCH(QString, expected);
        QString why;
        if (auth != QLatin1String("key") && !m_sshd->ensureTestUser(&why))
            MOGUP_SKIP_OR_FAIL(why);
        NodeProfile n = node(1, auth, SshdFixture::ClientKey(key));
        if (auth != QLatin1String("key"))
            n.sshUser = m_sshd->testUser();
        // Looks like the real one, is not: the real one must not show either.
        const QString wrong = QStringLiteral("Secret-%1-'$(id)'").arg(QRandomGenerator::global()->generate());
        auto ui = std::make_shared<ScriptedInteraction>();
        ui->onSecret = [&](const SecretRequest&) { return std::optional<QString>(wrong); };
        // run() logs in first and says why it could not (each failed PAM login costs ~2 s: run only once).
        SshExecutor exec(profile({ n }), options(), ui);
        const Captured c = run(exec, n, QStringLiteral("echo must-not-run"));
        QVERIFY(!c.result.started);
        QVERIFY2(c.result.error.contains(expected), qPrintable(c.result.error));
        QVERIFY2(c.result.error.startsWith(QStringLiteral("node1 (127.0.0.1:%1): ").arg(n.sshPort)), qPrintable(c.result.error));
        QVERIFY(ui->secretRequests().size() >= 2); // asked once more, saying the first answer was wrong
        QVERIFY(ui->secretRequests().last().retry);
        const QString everything = c.everything();
        for (const QString& secret : { wrong, m_sshd->testPassword(), m_sshd->keyPassphrase() })
            QVERIFY2(!everything.contains(secret), qPrintable(everything));
    }

    void agentLogin_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ed25519 in the agent") << int(SshdFixture::ClientKey::Ed25519) << QString();
        QTest::newRow("only rsa in the agent") << int(SshdFixture::ClientKey::Rsa) << QStringLiteral("refused the RSA key");
    }
    void agentLogin()
    {
        QFETCH(int, key);
        QFETCH(QString, expected);
        QVERIFY2(m_sshd->startAgent({ SshdFixture::ClientKey(key) }), qPrintable(m_sshd->error()));
        const QByteArray previous = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", m_sshd->agentSocket().toLocal8Bit());
        const NodeProfile n = node(2, QStringLiteral("agent"));
        SshExecutor exec(profile({ n }), options(), nullptr);
        CancelToken none;
        const SshConnectResult r = exec.connectAll(none).first();
        const Captured c = run(exec, n, QStringLiteral("echo via-agent"));
        if (previous.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", previous);
        if (expected.isEmpty()) {
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.authMethod, QStringLiteral("publickey (agent)"));
            QCOMPARE(c.out, QStringList { QStringLiteral("via-agent") });
        } else {
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(expected), qPrintable(r.error));
            QVERIFY2(r.error.contains(QStringLiteral("ed25519 or ECDSA")), qPrintable(r.error));
        }
    }

    void agentMissingIsExplained()
    {
        const QByteArray previous = qgetenv("SSH_AUTH_SOCK");
        qunsetenv("SSH_AUTH_SOCK");
        const SshConnectResult r = connectOne(node(1, QStringLiteral("agent")), options());
        if (!previous.isEmpty())
            qputenv("SSH_AUTH_SOCK", previous);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("SSH_AUTH_SOCK is not set")), qPrintable(r.error));
    }

    // ---- Host keys ------------------------------------------------------------------------------

    void unknownHostStrict()
    {
        const QString file = freshPath(QStringLiteral("known_hosts"));
        const NodeProfile n = node(2);
        const SshConnectResult r = connectOne(n, options(HostKeyPolicy::Strict, file));
        QVERIFY(!r.ok);
        const QString fp = m_sshd->hostFingerprint(QStringLiteral("ed25519"));
        QVERIFY(fp.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(r.hostKey.fingerprint, fp);
        QCOMPARE(r.hostKey.keyType, QStringLiteral("ssh-ed25519"));
        QVERIFY2(r.error.startsWith(QStringLiteral("node2 (127.0.0.2:%1): the host key is not known (ssh-ed25519 %2)").arg(n.sshPort).arg(fp)),
            qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("ssh-keyscan -p %1 127.0.0.2 >> %2").arg(n.sshPort).arg(file)), qPrintable(r.error));
        QVERIFY(!QFile::exists(file));
    }

    void unknownHostAsk_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("accepted") << true;
        QTest::newRow("refused") << false;
    }
    void unknownHostAsk()
    {
        QFETCH(bool, accept);
        const QString file = freshPath(QStringLiteral("known_hosts"));
        // The user's own lines and comments stay as they are.
        const QByteArray before = "# my hosts\nexample.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        QVERIFY(TestSupport::writeFile(file, before));
        const NodeProfile n = node(3);
        auto ui = std::make_shared<ScriptedInteraction>();
        ui->onHostKey = [&](const HostKeyInfo&) { return accept; };
        const SshConnectResult r = connectOne(n, options(HostKeyPolicy::Ask, file), ui);
        QCOMPARE(ui->hostKeys().size(), 1);
        const HostKeyInfo asked = ui->hostKeys().first();
        QCOMPARE(asked.node, n.name);
        QCOMPARE(asked.host, n.host);
        QCOMPARE(asked.port, n.sshPort);
        QCOMPARE(asked.keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(asked.fingerprint, m_sshd->hostFingerprint(QStringLiteral("ed25519")));
        QCOMPARE(asked.knownHostsFile, file);
        const QString after = TestSupport::readFile(file);
        if (accept) {
            QVERIFY2(r.ok, qPrintable(r.error));
            QVERIFY(after.startsWith(QString::fromUtf8(before) + QLatin1Char('\n')));
            QCOMPARE(after.count(QLatin1Char('\n')), 3);
            QCOMPARE(r.hostKey.knownHostsLine, 3);
            // OpenSSH finds the recorded key under [host]:port ...
            const auto found = TestSupport::run(QStringLiteral("ssh-keygen"),
                { QStringLiteral("-F"), QStringLiteral("[127.0.0.3]:%1").arg(n.sshPort), QStringLiteral("-f"), file });
            QCOMPARE(found.exitCode, 0);
            // ... and the next connection matches without asking, even under strict.
            const SshConnectResult again = connectOne(n, options(HostKeyPolicy::Strict, file));
            QVERIFY2(again.ok, qPrintable(again.error));
        } else {
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(QStringLiteral("was not accepted; nothing was written to %1").arg(file)), qPrintable(r.error));
            QVERIFY2(r.error.contains(asked.fingerprint), qPrintable(r.error));
            QCOMPARE(after.toUtf8(), before);
        }
    }

    void acceptNewRecordsWithoutAsking()
    {
        const QString file = freshPath(QStringLiteral("ssh/known_hosts")); // the directory is created too
        auto ui = std::make_shared<ScriptedInteraction>();
        const NodeProfile n = node(1);
        const SshConnectResult r = connectOne(n, options(HostKeyPolicy::AcceptNew, file), ui);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(ui->hostKeys().isEmpty());
        QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        QVERIFY2(TestSupport::readFile(file).startsWith(QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(n.sshPort)),
            qPrintable(TestSupport::readFile(file)));
        QVERIFY2(connectOne(n, options(HostKeyPolicy::Strict, file)).ok, "the recorded key must match");
    }

    void knownHostsForms_data()
    {
        QTest::addColumn<bool>("hashed");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<bool>("withPort");
        QTest::addColumn<bool>("known");
        QTest::newRow("plain [host]:port ed25519") << false << QStringList { QStringLiteral("ed25519") } << true << true;
        QTest::newRow("hashed [host]:port ed25519") << true << QStringList { QStringLiteral("ed25519") } << true << true;
        // Only an ECDSA key on file: the session must ask the server for ECDSA, not for its default.
        QTest::newRow("plain, ecdsa only") << false << QStringList { QStringLiteral("ecdsa") } << true << true;
        QTest::newRow("hashed, ecdsa only") << true << QStringList { QStringLiteral("ecdsa") } << true << true;
        // "127.0.0.1" without a port means port 22: a different host to OpenSSH and to us.
        QTest::newRow("entry without the port") << false << QStringList { QStringLiteral("ed25519") } << false << false;
    }
    void knownHostsForms()
    {
        QFETCH(bool, hashed);
        QFETCH(QStringList, types);
        QFETCH(bool, withPort);
        QFETCH(bool, known);
        const QString file = freshPath(QStringLiteral("known_hosts"));
        if (withPort) {
            QVERIFY(m_sshd->writeKnownHosts(file, hashed, types));
            if (hashed)
                QVERIFY(TestSupport::readFile(file).startsWith(QLatin1String("|1|")));
        } else {
            const QString pub = TestSupport::readFile(m_sshd->hostPublicKeyFile(types.first()));
            QVERIFY(TestSupport::writeFile(file, (QStringLiteral("127.0.0.1 ") + pub).toUtf8()));
        }
        const SshConnectResult r = connectOne(node(1), options(HostKeyPolicy::Strict, file));
        QCOMPARE(r.ok, known);
        if (known)
            QCOMPARE(r.hostKey.fingerprint, m_sshd->hostFingerprint(types.first()));
        else
            QVERIFY2(r.error.contains(QStringLiteral("is not known")), qPrintable(r.error));
    }

    // ---- Output, exit status ---------------------------------------------------------------------

    void exitCodes_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("exit");
        QTest::newRow("true") << "true" << 0;
        QTest::newRow("false") << "false" << 1;
        QTest::newRow("not found") << "no-such-command-mogup" << 127;
        QTest::newRow("exit 42") << "exit 42" << 42;
    }
    void exitCodes()
    {
        QFETCH(QString, command);
        QFETCH(int, exit);
        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, command);
        QVERIFY(c.result.started);
        QCOMPARE(c.result.exitCode, exit);
        QCOMPARE(c.result.signal, 0);
        QCOMPARE(c.result.ok(), exit == 0);
        if (exit == 127)
            QVERIFY2(c.err.join(QLatin1Char('\n')).contains(QStringLiteral("no-such-command-mogup")), qPrintable(c.err.join(QLatin1Char('\n'))));
    }

    void signalIsReported()
    {
        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("echo before; kill -TERM $$; echo never"));
        QVERIFY(!c.result.ok());
        QCOMPARE(c.result.signal, int(SIGTERM));
        QCOMPARE(c.out, QStringList { QStringLiteral("before") });
        QVERIFY2(c.result.error.contains(QStringLiteral("node1 (127.0.0.1:%1): ended by signal 15").arg(n.sshPort)), qPrintable(c.result.error));
    }

    void stdoutAndStderrApart()
    {
        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("echo out1; echo err1 >&2; echo out2; printf 'tail-no-newline' >&2"));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, QStringList({ QStringLiteral("out1"), QStringLiteral("out2") }));
        QCOMPARE(c.err, QStringList({ QStringLiteral("err1"), QStringLiteral("tail-no-newline") }));
    }

    void bothStreamsLargeAtOnce()
    {
        // Megabytes on stderr while stdout is also written: reading only one stream would stall the channel.
        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("head -c 3000000 /dev/zero | tr '\\0' e | fold -w 100 >&2; echo done"));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.err.size(), 30000);
        QCOMPARE(c.out, QStringList { QStringLiteral("done") });
    }

    void largeOutputIntact()
    {
        // 5 MB of base64 text, a 200 KB line, UTF-8 across read boundaries, a last line without a line feed.
        QByteArray data;
        QByteArray random(3750000, Qt::Uninitialized);
        for (char& ch : random)
            ch = char(QRandomGenerator::global()->bounded(256));
        const QByteArray b64 = random.toBase64();
        for (qsizetype i = 0; i < b64.size(); i += 76)
            data += b64.mid(i, 76) + '\n';
        data += QByteArray(200 * 1024, 'L') + '\n';
        for (int i = 0; i < 20000; ++i)
            data += "数据库升级 ";
        data += "\nlast line without LF ✓";
        QVERIFY(data.size() > 5000000);
        const QString file = freshPath(QStringLiteral("big.txt"));
        QVERIFY(TestSupport::writeFile(file, data));

        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("cat ") + shellQuote(file));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        const QByteArray got = c.out.join(QLatin1Char('\n')).toUtf8();
        QCOMPARE(got.size(), data.size());
        QCOMPARE(QCryptographicHash::hash(got, QCryptographicHash::Sha256), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        QCOMPARE(c.out.last(), QStringLiteral("last line without LF ✓"));
    }

    void argumentsArriveUnchanged()
    {
        const QString canary = freshPath(QStringLiteral("injected"));
        const QStringList args { QStringLiteral("two words"), QStringLiteral("it's \"quoted\""),
            QStringLiteral("$(touch %1)").arg(canary), QStringLiteral("`touch %1`").arg(canary),
            QStringLiteral("a; touch %1").arg(canary), QStringLiteral("$HOME ${PATH} \\ * ? ~ | & > <"),
            QStringLiteral("混合 ✓ ünïcode"), QString(), QStringLiteral("-n") };
        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("printf '%s\\n' ") + shellJoin(args));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, args);
        QVERIFY(!QFile::exists(canary));
    }

    void linesStreamAsTheyCome()
    {
        // The first line reaches the sink while the command still runs: the command goes on only once the
        // sink has seen that line (it creates a file the command waits for). Lines held back until the end
        // would leave the command waiting: it gives up after 60 s and says so.
        const NodeProfile n = node();
        SshExecutor exec(profile({ n }), options(), nullptr);
        const QString seen = freshPath(QStringLiteral("first-line-seen"));
        bool firstSeen = false;
        const Captured c = run(exec, n,
            QStringLiteral(
                "echo first; i=0; while [ ! -e %1 ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; "
                "if [ -e %1 ]; then echo second; else echo 'first line not delivered'; fi")
                .arg(shellQuote(seen)),
            120000, nullptr, [&](const OutputLine& l) {
                if (!firstSeen) {
                    firstSeen = true;
                    QCOMPARE(l.node, n.name);
                    QVERIFY(l.time.isValid());
                    QCOMPARE(l.text, QStringLiteral("first"));
                    TestSupport::writeFile(seen, QByteArray());
                }
            });
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, QStringList({ QStringLiteral("first"), QStringLiteral("second") }));
    }

    void sandboxPathAndSudoPassword()
    {
        // A sandbox profile puts DIR/bin first on PATH; a `sudo -S -p ''` command gets the sudo password on
        // stdin (here a stand-in sudo reports what it read), and nowhere else.
        const QString sandbox = freshPath(QStringLiteral("sandbox dir"));
        QVERIFY(QDir().mkpath(sandbox + QStringLiteral("/bin")));
        const QString fakeSudo = sandbox + QStringLiteral("/bin/sudo");
        QVERIFY(TestSupport::writeFile(fakeSudo,
            "#!/bin/bash\nIFS= read -r pw; printf 'stdin-sha=%s\\n' \"$(printf %s \"$pw\" | sha256sum | cut -c1-16)\"\n"
            "printf 'args=%s\\n' \"$*\" >&2\nshift 3\nexec \"$@\"\n"));
        QFile::setPermissions(fakeSudo, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const NodeProfile n = node();
        ClusterProfile p = profile({ n });
        p.sandbox = sandbox;
        const QString sudoPw = QStringLiteral("sudo-pw-%1 '$x'").arg(QRandomGenerator::global()->generate());
        auto ui = std::make_shared<ScriptedInteraction>();
        ui->onSecret = [&](const SecretRequest&) { return std::optional<QString>(sudoPw); };
        SshExecutor exec(p, options(), ui);
        const Captured c = run(exec, n, QStringLiteral("sudo -S -p '' sh -c 'exec 0</dev/null; echo as-sudo; command -v sudo'"));
        QVERIFY2(c.result.ok(), qPrintable(c.everything()));
        const QString expectedSha = QString::fromLatin1(QCryptographicHash::hash(sudoPw.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
        QCOMPARE(c.out, QStringList({ QStringLiteral("stdin-sha=") + expectedSha, QStringLiteral("as-sudo"), fakeSudo }));
        QVERIFY(!c.everything().contains(sudoPw));
        QCOMPARE(ui->secretRequests().size(), 1);
        QCOMPARE(ui->secretRequests().first().kind, SecretRequest::Kind::SudoPassword);
        // Any other command gets an empty stdin, and the password is not asked again.
        const Captured plain = run(exec, n, QStringLiteral("cat; echo end"));
        QCOMPARE(plain.out, QStringList { QStringLiteral("end") });
        QCOMPARE(ui->secretRequests().size(), 1);
    }

    void commandsShareOneShell()
    {
        // Ordinary commands go through one long-lived shell per session: the login shell, and so ~/.bashrc,
        // runs once, not once per command; yet nothing a command sets (variables, directory) reaches the next.
        QString why;
        if (!m_sshd->ensureTestUser(&why))
            MOGUP_SKIP_OR_FAIL(why);
        const passwd* pw = ::getpwnam(m_sshd->testUser().toLocal8Bit().constData());
        QVERIFY(pw && pw->pw_dir);
        const QString home = QFile::decodeName(pw->pw_dir);
        const QString rcFile = home + QStringLiteral("/.bashrc");
        const QString countFile = home + QStringLiteral("/mogup-rc-count");
        QFile::remove(countFile);
        QFile old(rcFile);
        const bool hadRc = old.open(QIODevice::ReadOnly);
        const QByteArray oldRc = hadRc ? old.readAll() : QByteArray();
        old.close();
        struct Restore
        {
            QString rcFile, countFile;
            bool hadRc;
            QByteArray oldRc;
            ~Restore()
            {
                if (hadRc)
                    TestSupport::writeFile(rcFile, oldRc);
                else
                    QFile::remove(rcFile);
                QFile::remove(countFile);
            }
        } restore { rcFile, countFile, hadRc, oldRc };
        QVERIFY(TestSupport::writeFile(rcFile, "echo rc >> \"$HOME/mogup-rc-count\"\necho rc-says-hello\necho rc-err >&2\n"));

        NodeProfile n = node(3, QStringLiteral("password"));
        n.sshUser = m_sshd->testUser();
        auto ui = std::make_shared<ScriptedInteraction>();
        ui->onSecret = [this](const SecretRequest&) { return std::optional<QString>(m_sshd->testPassword()); };
        SshExecutor exec(profile({ n }), options(), ui);
        Captured c = run(exec, n, QStringLiteral("export MOGUP_LEAK=leaked; MOGUP_PLAIN=set; cd /; echo first"));
        QVERIFY2(c.result.ok(), qPrintable(c.everything()));
        QCOMPARE(c.out, QStringList { QStringLiteral("first") }); // what the rc file printed belongs to no command
        QVERIFY(c.err.isEmpty());
        c = run(exec, n, QStringLiteral("printf '%s|%s|%s\\n' \"${MOGUP_LEAK-unset}\" \"${MOGUP_PLAIN-unset}\" \"$PWD\""));
        QVERIFY2(c.result.ok(), qPrintable(c.everything()));
        QCOMPARE(c.out, QStringList { QStringLiteral("unset|unset|") + home });
        c = run(exec, n, QStringLiteral("exit 42"));
        QCOMPARE(c.result.exitCode, 42);
        c = run(exec, n, QStringLiteral("echo before; kill -TERM $$"));
        QCOMPARE(c.result.signal, int(SIGTERM));
        QCOMPARE(c.out, QStringList { QStringLiteral("before") });
        QVERIFY2(c.err.isEmpty(), qPrintable(c.err.join(QLatin1Char('\n'))));
        // Output is exact with and without a last line feed, and with empty lines.
        c = run(exec, n, QStringLiteral("printf 'a\\n\\nb\\n\\n'; printf '\\n' >&2"));
        QCOMPARE(c.out, QStringList({ QStringLiteral("a"), QString(), QStringLiteral("b"), QString() }));
        QCOMPARE(c.err, QStringList { QString() });
        c = run(exec, n, QStringLiteral("printf ''"));
        QVERIFY(c.out.isEmpty() && c.err.isEmpty());
        c = run(exec, n, QStringLiteral("printf 'no-lf'; printf 'x\\ny' >&2"));
        QCOMPARE(c.out, QStringList { QStringLiteral("no-lf") });
        QCOMPARE(c.err, QStringList({ QStringLiteral("x"), QStringLiteral("y") }));
        for (int i = 0; i < 3; ++i)
            QVERIFY(run(exec, n, QStringLiteral("true")).result.ok());
        QFile count(countFile);
        QVERIFY(count.open(QIODevice::ReadOnly));
        QCOMPARE(count.readAll().count('\n'), 1);
        // The shell itself ends under a command: that command fails, saying so; the next one gets a new shell.
        c = run(exec, n, QStringLiteral("kill -KILL $PPID; sleep 0.2"));
        QVERIFY(!c.result.ok());
        QVERIFY2(c.result.error.startsWith(QStringLiteral("node3 (127.0.0.3:%1): the command shell on the node ended").arg(n.sshPort)),
            qPrintable(c.result.error));
        c = run(exec, n, QStringLiteral("echo again"));
        QVERIFY2(c.result.ok(), qPrintable(c.everything()));
        QCOMPARE(c.out, QStringList { QStringLiteral("again") });
    }

    // ---- Cancel, timeout, vanishing peer -----------------------------------------------------------

    void cancelAndTimeoutEndTheRemoteCommand_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("cancel") << true << 60000;
        QTest::newRow("timeout") << false << 1500;
        // Ends before even the first line was read: the command must still be ended on the node.
        QTest::newRow("timeout at once") << false << 1;
    }
    void cancelAndTimeoutEndTheRemoteCommand()
    {
        QFETCH(bool, cancel);
        QFETCH(int, timeoutMs);
        const QString marker = QStringLiteral("600.%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
        const NodeProfile n = node(2);
        SshExecutor exec(profile({ n }), options(), nullptr);
        CancelToken token;
        // A child and a grandchild: the whole group must go, not just the shell.
        const QString command = QStringLiteral("echo started; sh -c 'sleep %1; echo never'; echo never").arg(marker);
        QVERIFY(run(exec, n, QStringLiteral("true")).result.ok()); // logged in: the timeout counts the command only
        const Captured c = run(exec, n, command, timeoutMs, &token, [&](const OutputLine& l) {
            if (cancel && l.text == QLatin1String("started")) {
                QVERIFY(TestSupport::waitFor([&] { return !liveProcessesWith(marker).isEmpty(); }, 60000));
                token.cancel();
            }
        });
        QVERIFY(!c.out.contains(QStringLiteral("never")));
        QVERIFY(!c.result.ok());
        QVERIFY2(!c.result.error.contains(QStringLiteral("may still be running")), qPrintable(c.result.error));
        if (cancel) {
            QCOMPARE(c.out, QStringList { QStringLiteral("started") });
            QVERIFY(c.result.cancelled);
            QVERIFY(!c.result.timedOut);
            QCOMPARE(c.result.error, QStringLiteral("node2 (127.0.0.2:%1): cancelled").arg(n.sshPort));
        } else {
            // The command sleeps for 600 s: only the timeout can have ended it.
            QVERIFY(c.result.timedOut);
            QVERIFY(!c.result.cancelled);
            QVERIFY2(c.result.error.startsWith(QStringLiteral("node2 (127.0.0.2:%1): no result after %2 s; the command was ended")
                                                   .arg(n.sshPort)
                                                   .arg(timeoutMs / 1000.0, 0, 'f', 1)),
                qPrintable(c.result.error));
        }
        QVERIFY2(liveProcessesWith(marker).isEmpty(), qPrintable(liveProcessesWith(marker).join(QLatin1Char('\n'))));
        // The session is still good for the next command.
        QVERIFY(run(exec, n, QStringLiteral("true")).result.ok());
    }

    void connectAllOpensNodesInParallel()
    {
        // Under "ask" each login waits for its answer; all three questions must be open at the same time.
        const QString file = freshPath(QStringLiteral("known_hosts"));
        QList<NodeProfile> nodes { node(1), node(2), node(3) };
        auto ui = std::make_shared<ScriptedInteraction>();
        std::mutex m;
        std::condition_variable cv;
        int waiting = 0;
        ui->onHostKey = [&](const HostKeyInfo&) {
            std::unique_lock<std::mutex> lock(m);
            ++waiting;
            cv.notify_all();
            return cv.wait_for(lock, std::chrono::seconds(10), [&] { return waiting == 3; });
        };
        SshExecutor exec(profile(nodes), options(HostKeyPolicy::Ask, file), ui);
        CancelToken none;
        const QList<SshConnectResult> results = exec.connectAll(none);
        QCOMPARE(results.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(results.at(i).ok, qPrintable(results.at(i).error));
            QCOMPARE(results.at(i).node, nodes.at(i).name);
            const Captured c = run(exec, nodes.at(i), QStringLiteral("echo $SSH_CONNECTION"));
            QCOMPARE(c.out.value(0).split(QLatin1Char(' ')).value(2), nodes.at(i).host);
        }
        QCOMPARE(TestSupport::readFile(file).count(QLatin1Char('\n')), 3);
    }

    void runsFromManyThreads()
    {
        // Two worker threads per node: different nodes run at the same time, one node's commands take turns.
        // Proven by what the commands see, not by how long they took:
        // - side by side: each command marks its node as started, then waits (a barrier) until every node
        //   has a command started. Nodes one after another would never get there: the first command gives
        //   up after 60 s and says "barrier not reached".
        // - in turn: each command holds its node's lock directory (mkdir fails if it exists) while it
        //   sleeps; a second command on the same node at the same time finds it taken and says "overlap".
        QList<NodeProfile> nodes { node(1), node(2), node(3) };
        SshExecutor exec(profile(nodes), options(), nullptr);
        const QString dir = freshPath(QStringLiteral("threads"));
        QVERIFY(QDir().mkpath(dir));
        std::vector<std::thread> threads;
        std::mutex m;
        QList<std::pair<QString, Captured>> results; // node host, what its command saw
        for (int i = 0; i < 6; ++i) {
            const NodeProfile& n = nodes.at(i % 3);
            const QString command = QStringLiteral(
                "d=%1; h=%2; touch \"$d/started-$h\"; "
                "i=0; while [ \"$(ls \"$d\" | grep -c '^started-')\" -lt 3 ] && [ $i -lt 1200 ]; do "
                "sleep 0.05; i=$((i+1)); done; "
                "[ \"$(ls \"$d\" | grep -c '^started-')\" -ge 3 ] || echo 'barrier not reached'; "
                "if mkdir \"$d/busy-$h\"; then sleep 0.3; rmdir \"$d/busy-$h\"; else echo overlap; fi; "
                "echo $SSH_CONNECTION")
                                        .arg(shellQuote(dir), n.host);
            threads.emplace_back([&, n, command] {
                const Captured c = run(exec, n, command, 120000);
                std::lock_guard<std::mutex> lock(m);
                results.append({ n.host, c });
            });
        }
        for (std::thread& th : threads)
            th.join();
        QCOMPARE(results.size(), 6);
        for (const auto& [host, c] : results) {
            QVERIFY2(c.result.ok(), qPrintable(c.everything()));
            // Only the node's address: no "barrier not reached", no "overlap".
            QCOMPARE(c.out.size(), 1);
            QCOMPARE(c.out.value(0).split(QLatin1Char(' ')).value(2), host);
        }
    }

    void peerKilledMidCommand()
    {
        const NodeProfile n = node(1);
        SshExecutor exec(profile({ n }), options(), nullptr);
        const QString marker = QStringLiteral("601.%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
        const Captured c = run(exec, n, QStringLiteral("echo started; sleep %1").arg(marker), 120000, nullptr,
            [&](const OutputLine& l) {
                if (l.text == QLatin1String("started"))
                    m_sshd->killAll();
            });
        QVERIFY(c.result.started);
        QVERIFY(!c.result.ok());
        // Noticed as a lost connection, not waited out: the command's 120 s timeout did not end it.
        QVERIFY(!c.result.timedOut);
        QVERIFY2(c.result.error.startsWith(QStringLiteral("node1 (127.0.0.1:%1): the connection was lost while the command ran").arg(n.sshPort)),
            qPrintable(c.result.error));
        // sshd comes back: the next command reconnects by itself.
        QVERIFY2(m_sshd->restart(), qPrintable(m_sshd->error()));
        const Captured again = run(exec, n, QStringLiteral("echo back"));
        QVERIFY2(again.result.ok(), qPrintable(again.result.error));
        QCOMPARE(again.out, QStringList { QStringLiteral("back") });
    }

    void peerFallsSilentMidCommand()
    {
        // The peer stops answering without closing the connection (a network drop): keepalives notice it.
        const NodeProfile n = node(3);
        SshExecutor exec(profile({ n }), options(), nullptr);
        // The command would run for 600 s and its timeout is a generous 120 s: only the keepalives (a few
        // seconds) can end it first.
        const QString marker
            = QStringLiteral("600.%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
        const Captured c = run(exec, n, QStringLiteral("echo started; sleep %1").arg(marker), 120000, nullptr,
            [&](const OutputLine& l) {
                if (l.text == QLatin1String("started"))
                    m_sshd->signalConnections(SIGSTOP);
            });
        m_sshd->signalConnections(SIGCONT);
        // The lost connection may leave the sleep behind on the "node": not this test's subject, but it
        // must not outlive the test.
        for (const QString& p : liveProcessesWith(marker))
            ::kill(pid_t(p.section(QLatin1Char(':'), 0, 0).toLongLong()), SIGKILL);
        QVERIFY(!c.result.ok());
        QVERIFY(!c.result.timedOut);
        QVERIFY2(c.result.error.startsWith(QStringLiteral("node3 (127.0.0.3:%1): the connection was lost while the command ran (no answer to keepalives").arg(n.sshPort)),
            qPrintable(c.result.error));
        const Captured again = run(exec, n, QStringLiteral("echo back"));
        QVERIFY2(again.result.ok(), qPrintable(again.result.error));
        QCOMPARE(again.out, QStringList { QStringLiteral("back") });
    }

    void silentCommandOutlivesKeepaliveWindow()
    {
        // Silent for longer than the 4 s window: the peer still answers keepalives, so nothing is cut.
        const NodeProfile n = node(2);
        SshExecutor exec(profile({ n }), options(), nullptr);
        const Captured c = run(exec, n, QStringLiteral("sleep 5; echo done"));
        QVERIFY2(c.result.ok(), qPrintable(c.result.error));
        QCOMPARE(c.out, QStringList { QStringLiteral("done") });
    }

    void connectFailuresNameTheNode_data()
    {
        QTest::addColumn<bool>("hungServer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing listens") << false << QStringLiteral("could not connect: Connection refused");
        QTest::newRow("server accepts but never answers") << true << QStringLiteral("the SSH handshake did not finish within 1.5 s");
    }
    void connectFailuresNameTheNode()
    {
        QFETCH(bool, hungServer);
        QFETCH(QString, expected);
        NodeProfile n = node(3);
        if (!hungServer) {
            QTcpServer probe; // a port that was free a moment ago: nothing listens there
            QVERIFY(probe.listen(QHostAddress(n.host), 0));
            n.sshPort = probe.serverPort();
        }
        SshOptions o = options();
        o.connectTimeoutMs = 1500;
        if (hungServer)
            m_sshd->signalListener(SIGSTOP);
        // The hung server never answers: only the 1.5 s handshake timeout ends this (its message says so).
        const SshConnectResult r = connectOne(n, o);
        if (hungServer)
            m_sshd->signalListener(SIGCONT);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("node3 (127.0.0.3:%1): ").arg(n.sshPort) + expected),
            qPrintable(r.error));
    }

    void changedHostKeyRefused()
    {
        const QString file = freshPath(QStringLiteral("known_hosts"));
        QVERIFY(m_sshd->writeKnownHosts(file, false, { QStringLiteral("ed25519") }, { QStringLiteral("127.0.0.2") },
            QStringLiteral("# first line is a comment\n\n")));
        const NodeProfile n = node(2);
        const QString oldFp = m_sshd->hostFingerprint(QStringLiteral("ed25519"));
        QVERIFY(connectOne(n, options(HostKeyPolicy::Strict, file)).ok);
        QVERIFY2(m_sshd->restart(true), qPrintable(m_sshd->error()));
        const QString newFp = m_sshd->hostFingerprint(QStringLiteral("ed25519"));
        QVERIFY(newFp != oldFp);
        // Refused under every policy, before anything runs.
        for (HostKeyPolicy policy : { HostKeyPolicy::Strict, HostKeyPolicy::Ask, HostKeyPolicy::AcceptNew }) {
            auto ui = std::make_shared<ScriptedInteraction>();
            ui->onHostKey = [](const HostKeyInfo&) { return true; };
            SshExecutor exec(profile({ n }), options(policy, file), ui);
            const Captured c = run(exec, n, QStringLiteral("echo must-not-run"));
            QVERIFY(!c.result.started);
            QVERIFY(c.out.isEmpty());
            QVERIFY(ui->hostKeys().isEmpty());
            const QString e = c.result.error;
            QVERIFY2(e.startsWith(QStringLiteral("node2 (127.0.0.2:%1): the host key has CHANGED").arg(n.sshPort)), qPrintable(e));
            QVERIFY2(e.contains(newFp), qPrintable(e));
            QVERIFY2(e.contains(oldFp), qPrintable(e));
            QVERIFY2(e.contains(QStringLiteral("%1:3").arg(file)), qPrintable(e));
            QVERIFY2(e.contains(QStringLiteral("ssh-keygen -R '[127.0.0.2]:%1' -f %2").arg(n.sshPort).arg(file)), qPrintable(e));
        }
        const SshConnectResult r = connectOne(n, options(HostKeyPolicy::Strict, file));
        QCOMPARE(r.hostKey.knownHostsLine, 3);
        QCOMPARE(r.hostKey.fingerprint, newFp);
        // The file was not touched.
        QCOMPARE(TestSupport::readFile(file).count(QLatin1Char('\n')), 3);
        // Everything after this test sees the new keys.
        QVERIFY(m_sshd->writeKnownHosts(m_knownHosts, false));
    }
};

QTEST_GUILESS_MAIN(Tst_SshExecutor)
#include "tst_ssh_executor.moc"
