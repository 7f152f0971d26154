#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace TestSupport {

// A real OpenSSH sshd on loopback for the SSH tests: listens on 127.0.0.1, .2 and .3 at one free port,
// with generated host keys (ed25519 + ECDSA) and an authorized_keys of generated client keys. Everything
// lives in a temporary directory; sshd's log goes to a file there. stop() (also run by the destructor,
// so also when a test fails) ends sshd, every connection process it started and the ssh-agent.
class SshdFixture
{
public:
    enum class ClientKey { Ed25519, Ecdsa, Ed25519Passphrase, Rsa, Unauthorized };
    struct Options
    {
        QStringList setEnv; // "NAME=value": one sshd SetEnv line each
    };

    explicit SshdFixture(Options options = {});
    ~SshdFixture();
    SshdFixture(const SshdFixture&) = delete;
    SshdFixture& operator=(const SshdFixture&) = delete;

    bool start();   // false: see error()
    void stop();
    // Same port; with newHostKeys the server presents different host keys (a "changed host key").
    bool restart(bool newHostKeys = false);
    bool isRunning() const;
    QString error() const { return m_error; }

    int port() const { return m_port; }
    static QStringList hosts() { return { QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.3") }; }
    QString dir() const { return m_dir.path(); }
    QString log() const;
    QString loginUser() const; // who the keys log in as (root when the tests run as root)

    QString clientKey(ClientKey key) const;        // private key file; the public key is next to it (.pub)
    QString keyPassphrase() const { return m_passphrase; }
    QString hostPublicKeyFile(const QString& type) const; // type "ed25519" | "ecdsa"
    QString hostFingerprint(const QString& type) const;   // as `ssh-keygen -lf` prints it

    // Writes known_hosts lines "[host]:port <key>" for the given hosts (all three when empty) and host key
    // types; hashed turns them into |1| entries with `ssh-keygen -H`. `header` goes first (comments...).
    bool writeKnownHosts(const QString& path, bool hashed, const QStringList& types = { QStringLiteral("ed25519") },
        const QStringList& hosts = {}, const QString& header = {}) const;

    // A real ssh-agent (ssh-agent -D -a SOCK) holding exactly `keys` (added with ssh-add).
    bool startAgent(const QList<ClientKey>& keys);
    QString agentSocket() const { return m_agentSocket; }

    // A local user with a known password for password and keyboard-interactive logins. Needs root.
    // One system user for every fixture, and each sets its own password: a test that calls this names
    // RESOURCE_LOCK mogup_system_user in tests/CMakeLists.txt, so no two of them run at once.
    bool ensureTestUser(QString* whyNot);
    QString testUser() const { return QStringLiteral("mogupsshtest"); }
    QString testPassword() const { return m_userPassword; }

    // The sshd processes that serve open connections (not the listener).
    QList<qint64> connectionPids() const;
    // SIGSTOP = the peer falls silent (as after a network drop), SIGCONT wakes it up.
    void signalConnections(int sig);
    // SIGSTOP = the listener accepts TCP (the kernel does) but never answers: a hung server.
    void signalListener(int sig);
    // sshd and everything it started die at once, without a goodbye: the peer vanished.
    void killAll();

private:
    bool generateKeys();
    bool generateHostKeys();
    bool pickPort();
    bool writeConfig();
    bool launch();
    void stopSshd();
    void stopAgent();
    QList<qint64> descendants() const;

    Options m_options;
    QTemporaryDir m_dir;
    bool m_watched = false;
    std::unique_ptr<QProcess> m_sshd;
    std::unique_ptr<QProcess> m_agent;
    QString m_agentSocket;
    int m_port = 0;
    QString m_error;
    QString m_passphrase;
    QString m_userPassword;
    bool m_keysReady = false;
};

} // namespace TestSupport
