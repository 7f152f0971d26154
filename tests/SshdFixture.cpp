#include "SshdFixture.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QMap>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace TestSupport {

namespace {

const QString kSshd = QStringLiteral("/usr/sbin/sshd");

QString randomToken(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (char& c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(b.toHex());
}

bool keygen(const QString& path, const QString& type, const QString& passphrase, QString* error)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QStringList args { QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), passphrase,
        QStringLiteral("-C"), QStringLiteral("mogup-test-") + type, QStringLiteral("-f"), path };
    if (type == QLatin1String("rsa"))
        args << QStringLiteral("-b") << QStringLiteral("2048");
    const ProcessResult r = run(QStringLiteral("ssh-keygen"), args, 30000);
    if (!r.finished || r.exitCode != 0) {
        *error = QStringLiteral("ssh-keygen -t %1 failed: %2").arg(type, r.err);
        return false;
    }
    return true;
}

} // namespace

SshdFixture::SshdFixture(Options options)
    : m_options(std::move(options))
{
    // A passphrase and a password with characters a shell or a format string would mangle.
    m_passphrase = QStringLiteral("pp '%1' $(x) `y`;").arg(randomToken(6));
    m_userPassword = QStringLiteral("Pw-%1-\"$;'").arg(randomToken(8));
}

SshdFixture::~SshdFixture()
{
    stop();
}

QString SshdFixture::loginUser() const
{
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : qEnvironmentVariable("USER");
}

QString SshdFixture::clientKey(ClientKey key) const
{
    switch (key) {
    case ClientKey::Ed25519:
        return dir() + QStringLiteral("/client_ed25519");
    case ClientKey::Ecdsa:
        return dir() + QStringLiteral("/client_ecdsa");
    case ClientKey::Ed25519Passphrase:
        return dir() + QStringLiteral("/client_ed25519_pp");
    case ClientKey::Rsa:
        return dir() + QStringLiteral("/client_rsa");
    case ClientKey::Unauthorized:
        return dir() + QStringLiteral("/client_unauthorized");
    }
    return {};
}

QString SshdFixture::hostPublicKeyFile(const QString& type) const
{
    return dir() + QStringLiteral("/host_%1.pub").arg(type);
}

QString SshdFixture::hostFingerprint(const QString& type) const
{
    const ProcessResult r = run(QStringLiteral("ssh-keygen"), { QStringLiteral("-lf"), hostPublicKeyFile(type) });
    const QStringList fields = r.out.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return fields.size() > 1 ? fields.at(1) : QString();
}

QString SshdFixture::log() const
{
    return readFile(dir() + QStringLiteral("/sshd.log"));
}

bool SshdFixture::generateHostKeys()
{
    for (const QString& type : { QStringLiteral("ed25519"), QStringLiteral("ecdsa") }) {
        if (!keygen(dir() + QStringLiteral("/host_") + type, type, QString(), &m_error))
            return false;
    }
    return true;
}

bool SshdFixture::generateKeys()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (!generateHostKeys())
        return false;
    struct Spec
    {
        ClientKey key;
        QString type;
        QString passphrase;
        bool authorized;
    };
    const QList<Spec> specs { { ClientKey::Ed25519, QStringLiteral("ed25519"), QString(), true },
        { ClientKey::Ecdsa, QStringLiteral("ecdsa"), QString(), true },
        { ClientKey::Ed25519Passphrase, QStringLiteral("ed25519"), m_passphrase, true },
        { ClientKey::Rsa, QStringLiteral("rsa"), QString(), true },
        { ClientKey::Unauthorized, QStringLiteral("ed25519"), QString(), false } };
    QByteArray authorized;
    for (const Spec& s : specs) {
        if (!keygen(clientKey(s.key), s.type, s.passphrase, &m_error))
            return false;
        if (s.authorized)
            authorized += readFile(clientKey(s.key) + QStringLiteral(".pub")).toUtf8();
    }
    if (!writeFile(dir() + QStringLiteral("/authorized_keys"), authorized)) {
        m_error = QStringLiteral("cannot write authorized_keys");
        return false;
    }
    m_keysReady = true;
    return true;
}

bool SshdFixture::pickPort()
{
    // Ask the kernel for a free port on .1, then make sure .2 and .3 have it free as well.
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0))
            continue;
        const quint16 port = probe.serverPort();
        bool allFree = true;
        for (const QString& h : { QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.3") }) {
            QTcpServer other;
            if (!other.listen(QHostAddress(h), port)) {
                allFree = false;
                break;
            }
        }
        if (allFree) {
            m_port = port;
            return true;
        }
    }
    m_error = QStringLiteral("no free port on 127.0.0.1-3");
    return false;
}

bool SshdFixture::writeConfig()
{
    QString cfg;
    cfg += QStringLiteral("Port %1\n").arg(m_port);
    for (const QString& h : hosts())
        cfg += QStringLiteral("ListenAddress %1:%2\n").arg(h).arg(m_port);
    cfg += QStringLiteral("HostKey %1/host_ed25519\nHostKey %1/host_ecdsa\n").arg(dir());
    cfg += QStringLiteral("PidFile %1/sshd.pid\n").arg(dir());
    cfg += QStringLiteral("AuthorizedKeysFile %1/authorized_keys\n").arg(dir());
    cfg += QStringLiteral("PermitRootLogin yes\nPasswordAuthentication yes\nKbdInteractiveAuthentication yes\n"
                          "PubkeyAuthentication yes\nUsePAM yes\nStrictModes no\nUseDNS no\nPrintMotd no\n"
                          "MaxStartups 100:30:200\nMaxSessions 100\nMaxAuthTries 10\nLogLevel VERBOSE\n"
                          "Subsystem sftp internal-sftp\n");
    for (const QString& env : m_options.setEnv)
        cfg += QStringLiteral("SetEnv %1\n").arg(env);
    return writeFile(dir() + QStringLiteral("/sshd_config"), cfg.toUtf8());
}

bool SshdFixture::launch()
{
    m_sshd = std::make_unique<QProcess>();
    const QString logFile = dir() + QStringLiteral("/sshd.log");
    m_sshd->setStandardInputFile(QProcess::nullDevice());
    m_sshd->setStandardOutputFile(logFile, QIODevice::Append);
    m_sshd->setStandardErrorFile(logFile, QIODevice::Append);
    m_sshd->start(kSshd, { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), dir() + QStringLiteral("/sshd_config") });
    if (!m_sshd->waitForStarted(10000)) {
        m_error = QStringLiteral("sshd did not start: %1").arg(m_sshd->errorString());
        return false;
    }
    // Ready when every address accepts a connection.
    QDeadlineTimer deadline(15000);
    QStringList pending = hosts();
    while (!pending.isEmpty()) {
        if (m_sshd->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("sshd exited: %1").arg(log());
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("sshd does not accept connections on %1 port %2: %3")
                          .arg(pending.join(QLatin1Char(',')))
                          .arg(m_port)
                          .arg(log());
            return false;
        }
        QTcpSocket s;
        s.connectToHost(pending.first(), quint16(m_port));
        if (s.waitForConnected(200))
            pending.removeFirst();
        else
            QThread::msleep(20);
    }
    return true;
}

bool SshdFixture::start()
{
    if (isRunning())
        return true;
    m_error.clear();
    if (!m_watched) {
        // sshd, its sessions and the agent all name this directory on their command lines: if the test
        // crashes before stop(), the watchdog ends them.
        cleanUpWhenThisProcessEnds(QStringLiteral("pkill -KILL -f -- \"$MOGUP_WATCH_DIR/\"; rm -rf \"$MOGUP_WATCH_DIR\""),
            { { QStringLiteral("MOGUP_WATCH_DIR"), dir() } });
        m_watched = true;
    }
    if (!QFile::exists(kSshd)) {
        m_error = QStringLiteral("%1 is not installed (package openssh-server)").arg(kSshd);
        return false;
    }
    // sshd's privilege separation directory; Debian creates it only when the service starts.
    if (!QDir(QStringLiteral("/run/sshd")).exists()) {
        if (!QDir().mkpath(QStringLiteral("/run/sshd"))) {
            m_error = QStringLiteral("/run/sshd is missing and cannot be created (not root?)");
            return false;
        }
        QFile::setPermissions(QStringLiteral("/run/sshd"),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    }
    if (!m_keysReady && !generateKeys())
        return false;
    if (m_port == 0 && !pickPort())
        return false;
    if (!writeConfig()) {
        m_error = QStringLiteral("cannot write sshd_config");
        return false;
    }
    return launch();
}

bool SshdFixture::isRunning() const
{
    return m_sshd && m_sshd->state() != QProcess::NotRunning;
}

QList<qint64> SshdFixture::descendants() const
{
    if (!isRunning())
        return {};
    // parent -> children from /proc/<pid>/stat ("pid (comm) state ppid ...", comm may hold spaces).
    QMultiMap<qint64, qint64> children;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({ QStringLiteral("[0-9]*") }, QDir::Dirs);
    for (const QString& pid : pids) {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid.toLongLong());
    }
    QList<qint64> out;
    QList<qint64> queue { m_sshd->processId() };
    while (!queue.isEmpty()) {
        const qint64 p = queue.takeFirst();
        for (qint64 c : children.values(p)) {
            out.append(c);
            queue.append(c);
        }
    }
    return out;
}

QList<qint64> SshdFixture::connectionPids() const
{
    QList<qint64> out;
    for (qint64 pid : descendants()) {
        if (readFile(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed() == QLatin1String("sshd"))
            out.append(pid);
    }
    return out;
}

void SshdFixture::signalConnections(int sig)
{
    for (qint64 pid : connectionPids())
        ::kill(pid_t(pid), sig);
}

void SshdFixture::signalListener(int sig)
{
    if (isRunning())
        ::kill(pid_t(m_sshd->processId()), sig);
}

void SshdFixture::killAll()
{
    if (!isRunning())
        return;
    // Collect the tree first: once the listener is gone its children belong to init.
    const QList<qint64> tree = descendants();
    ::kill(pid_t(m_sshd->processId()), SIGKILL);
    for (qint64 pid : tree)
        ::kill(pid_t(pid), SIGKILL);
    m_sshd->waitForFinished(5000);
}

void SshdFixture::stopSshd()
{
    if (!m_sshd)
        return;
    if (isRunning()) {
        const QList<qint64> tree = descendants();
        // A stopped process cannot act on SIGTERM.
        ::kill(pid_t(m_sshd->processId()), SIGCONT);
        for (qint64 pid : tree)
            ::kill(pid_t(pid), SIGCONT);
        m_sshd->terminate();
        for (qint64 pid : tree)
            ::kill(pid_t(pid), SIGTERM);
        if (!m_sshd->waitForFinished(3000)) {
            m_sshd->kill();
            m_sshd->waitForFinished(3000);
        }
        for (qint64 pid : tree)
            ::kill(pid_t(pid), SIGKILL);
    }
    m_sshd.reset();
}

void SshdFixture::stopAgent()
{
    if (m_agent) {
        m_agent->terminate();
        if (!m_agent->waitForFinished(3000)) {
            m_agent->kill();
            m_agent->waitForFinished(3000);
        }
        m_agent.reset();
    }
}

void SshdFixture::stop()
{
    stopSshd();
    stopAgent();
}

bool SshdFixture::restart(bool newHostKeys)
{
    stopSshd();
    if (newHostKeys && !generateHostKeys())
        return false;
    return start();
}

bool SshdFixture::writeKnownHosts(const QString& path, bool hashed, const QStringList& types, const QStringList& hostList,
    const QString& header) const
{
    QString text = header;
    for (const QString& h : hostList.isEmpty() ? hosts() : hostList) {
        for (const QString& type : types) {
            const QStringList pub = readFile(hostPublicKeyFile(type)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (pub.size() < 2)
                return false;
            const QString name = m_port == 22 ? h : QStringLiteral("[%1]:%2").arg(h).arg(m_port);
            text += QStringLiteral("%1 %2 %3\n").arg(name, pub.at(0), pub.at(1));
        }
    }
    if (!writeFile(path, text.toUtf8()))
        return false;
    if (hashed) {
        const ProcessResult r = run(QStringLiteral("ssh-keygen"), { QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), path });
        QFile::remove(path + QStringLiteral(".old"));
        if (!r.finished || r.exitCode != 0)
            return false;
    }
    return true;
}

bool SshdFixture::startAgent(const QList<ClientKey>& keys)
{
    stopAgent();
    m_agentSocket = dir() + QStringLiteral("/agent.sock");
    QFile::remove(m_agentSocket);
    m_agent = std::make_unique<QProcess>();
    const QString logFile = dir() + QStringLiteral("/agent.log");
    m_agent->setStandardInputFile(QProcess::nullDevice());
    m_agent->setStandardOutputFile(logFile, QIODevice::Append);
    m_agent->setStandardErrorFile(logFile, QIODevice::Append);
    m_agent->start(QStringLiteral("ssh-agent"), { QStringLiteral("-D"), QStringLiteral("-a"), m_agentSocket });
    if (!m_agent->waitForStarted(10000)) {
        m_error = QStringLiteral("ssh-agent did not start: %1").arg(m_agent->errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!QFile::exists(m_agentSocket)) {
        if (deadline.hasExpired() || m_agent->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("ssh-agent made no socket: %1").arg(readFile(logFile));
            return false;
        }
        QThread::msleep(10);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SSH_AUTH_SOCK"), m_agentSocket);
    for (ClientKey key : keys) {
        const ProcessResult r = run(QStringLiteral("ssh-add"), { clientKey(key) }, 30000, env);
        if (!r.finished || r.exitCode != 0) {
            m_error = QStringLiteral("ssh-add %1 failed: %2").arg(clientKey(key), r.err);
            return false;
        }
    }
    return true;
}

bool SshdFixture::ensureTestUser(QString* whyNot)
{
    if (::geteuid() != 0) {
        *whyNot = QStringLiteral("creating a user with a known password needs root (useradd, chpasswd)");
        return false;
    }
    if (!::getpwnam(testUser().toLocal8Bit().constData())) {
        const ProcessResult r = run(QStringLiteral("useradd"), { QStringLiteral("-m"), QStringLiteral("-s"),
            QStringLiteral("/bin/bash"), testUser() });
        if (!r.finished || r.exitCode != 0) {
            *whyNot = QStringLiteral("useradd failed: %1").arg(r.err);
            return false;
        }
    }
    // The password goes through stdin, never onto a command line.
    QProcess p;
    p.start(QStringLiteral("chpasswd"), {});
    if (!p.waitForStarted(10000)) {
        *whyNot = QStringLiteral("chpasswd did not start");
        return false;
    }
    p.write((testUser() + QLatin1Char(':') + m_userPassword + QLatin1Char('\n')).toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(10000) || p.exitCode() != 0) {
        *whyNot = QStringLiteral("chpasswd failed: %1").arg(QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace TestSupport
