#include "SshSession.h"

#include "KnownHosts.h"
#include "ShellQuote.h"
#include "LineSplitter.h"
#include "Tr.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <libssh2.h>

#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace MogUp {

void ensureLibssh2Initialised()
{
    static std::once_flag once;
    std::call_once(once, [] { libssh2_init(0); });
}

void wipeSecret(QString& s)
{
    // Only a buffer nobody else shares is overwritten (a shared one belongs to its other holder too).
    if (!s.isEmpty() && s.isDetached())
        s.fill(QChar(0));
    s.clear();
}

void wipeSecret(QByteArray& b)
{
    if (!b.isEmpty())
        std::memset(b.data(), 0, size_t(b.size()));
    b.clear();
}

NodeSecrets::~NodeSecrets()
{
    for (auto& [kind, value] : m_values)
        wipeSecret(value);
}

std::optional<QString> NodeSecrets::get(SecretRequest::Kind kind) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_values.find(int(kind));
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

void NodeSecrets::set(SecretRequest::Kind kind, const QString& value)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QString& slot = m_values[int(kind)];
    wipeSecret(slot);
    slot = value;
}

void NodeSecrets::forget(SecretRequest::Kind kind)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_values.find(int(kind));
    if (it != m_values.end()) {
        wipeSecret(it->second);
        m_values.erase(it);
    }
}

namespace {

constexpr int kDefaultPort = 22;
const char kSudoStdinPrefix[] = "sudo -S -p '' ";
// The first stdout line of every command: the process group the command runs in, so that cancel and
// timeout can end it (and everything it started) from a second channel. sshd makes each exec'd command
// a session and process group leader, so the shell's $$ is that group.
const QLatin1String kGroupMarker("\x1eMOGUP-PGID ");
// What libssh2 1.10 can verify, strongest first; what known_hosts holds for the host goes before these.
const QStringList kHostKeyTypes = { QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
    QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521"), QStringLiteral("ssh-rsa") };

QString rsaRefusalText()
{
    return Tr::tr("the server refused the RSA key: libssh2 1.10, which MogUp uses, can sign with RSA only as "
                  "ssh-rsa (SHA-1), and OpenSSH 8.8 and later reject that. Use an ed25519 or ECDSA key instead "
                  "(ssh-keygen -t ed25519) and add its .pub to ~/.ssh/authorized_keys on the node");
}

int signalNumber(const QString& name)
{
    static const std::pair<const char*, int> table[] = { { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
        { "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "FPE", SIGFPE },
        { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 }, { "PIPE", SIGPIPE },
        { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ } };
    QString n = name;
    if (n.startsWith(QLatin1String("SIG")))
        n = n.mid(3);
    for (const auto& [text, number] : table) {
        if (n == QLatin1String(text))
            return number;
    }
    return SIGTERM; // an unknown name still means "ended by a signal"
}

// What a private key file is, read without the passphrase: OpenSSH's format keeps the public key (and so
// the type) in clear; PEM files name the type in their header.
struct KeyFileInfo
{
    bool readable = false;
    bool encrypted = false;
    QString type; // "ssh-ed25519", "ssh-rsa", ... or empty when unknown
};

QString readSshString(const QByteArray& data, qsizetype* pos, QByteArray* out)
{
    if (*pos + 4 > data.size())
        return QStringLiteral("short");
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData() + *pos);
    const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    if (qsizetype(len) > data.size() - *pos - 4)
        return QStringLiteral("short");
    *out = data.mid(*pos + 4, qsizetype(len));
    *pos += 4 + qsizetype(len);
    return {};
}

KeyFileInfo inspectKeyFile(QByteArray text)
{
    KeyFileInfo info;
    info.readable = true;
    if (text.contains("-----BEGIN OPENSSH PRIVATE KEY-----")) {
        QByteArray body;
        for (const QByteArray& line : text.split('\n')) {
            if (!line.startsWith("-----"))
                body += line.trimmed();
        }
        QByteArray blob = QByteArray::fromBase64(body);
        const QByteArray magic("openssh-key-v1", 15); // includes the terminating NUL
        if (blob.startsWith(magic)) {
            qsizetype pos = magic.size();
            QByteArray cipher, kdf, kdfOptions, pub;
            if (readSshString(blob, &pos, &cipher).isEmpty() && readSshString(blob, &pos, &kdf).isEmpty()
                && readSshString(blob, &pos, &kdfOptions).isEmpty() && pos + 4 <= blob.size()) {
                info.encrypted = cipher != "none";
                pos += 4; // number of keys
                if (readSshString(blob, &pos, &pub).isEmpty())
                    info.type = sshKeyType(pub);
            }
        }
        wipeSecret(blob);
        wipeSecret(body);
    } else {
        info.encrypted = text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("BEGIN ENCRYPTED PRIVATE KEY");
        if (text.contains("BEGIN RSA PRIVATE KEY"))
            info.type = QStringLiteral("ssh-rsa");
        else if (text.contains("BEGIN EC PRIVATE KEY"))
            info.type = QStringLiteral("ecdsa");
        else if (text.contains("BEGIN DSA PRIVATE KEY"))
            info.type = QStringLiteral("ssh-dss");
    }
    wipeSecret(text);
    return info;
}

QString expandHome(const QString& path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

} // namespace

// libssh2 calls back into the session through the abstract pointer given at libssh2_session_init_ex.
struct SshSessionCallbacks
{
    static void keyboardInteractive(const char* /*name*/, int /*nameLen*/, const char* /*instruction*/,
        int /*instructionLen*/, int numPrompts, const LIBSSH2_USERAUTH_KBDINT_PROMPT* prompts,
        LIBSSH2_USERAUTH_KBDINT_RESPONSE* responses, void** abstract)
    {
        auto* self = static_cast<SshSession*>(*abstract);
        for (int i = 0; i < numPrompts; ++i) {
            responses[i].text = nullptr;
            responses[i].length = 0;
        }
        if (numPrompts <= 0 || self->m_kbdRefused)
            return; // an information-only round, or the user gave no answer: empty answers make the server give up
        if (self->m_kbdAnswer.isEmpty()) {
            const QString prompt = QString::fromUtf8(prompts[0].text, int(prompts[0].length)).trimmed();
            std::optional<QString> answer
                = self->askSecret(SecretRequest::Kind::KeyboardInteractive, prompt, self->m_kbdRetry);
            if (!answer) {
                self->m_kbdRefused = true;
                return;
            }
            self->m_kbdAnswer = *answer;
            wipeSecret(*answer);
        }
        // One secret answers the password prompt(s); libssh2 frees the responses with free().
        QByteArray bytes = self->m_kbdAnswer.toUtf8();
        for (int i = 0; i < numPrompts; ++i) {
            responses[i].text = static_cast<char*>(std::malloc(size_t(bytes.size()) + 1));
            if (!responses[i].text)
                break;
            std::memcpy(responses[i].text, bytes.constData(), size_t(bytes.size()));
            responses[i].text[bytes.size()] = 0;
            responses[i].length = unsigned(bytes.size());
        }
        wipeSecret(bytes);
    }
};

SshSession::SshSession(const NodeProfile& node, const SshOptions& options, const QString& sandbox,
    std::shared_ptr<SshInteraction> interaction, NodeSecrets* secrets)
    : m_node(node)
    , m_options(options)
    , m_sandbox(sandbox)
    , m_interaction(std::move(interaction))
    , m_secrets(secrets)
{
    ensureLibssh2Initialised();
    if (m_node.sshPort <= 0)
        m_node.sshPort = kDefaultPort;
}

SshSession::~SshSession()
{
    close();
}

QString SshSession::where() const
{
    return Tr::tr("%1 (%2:%3)").arg(m_node.name, m_node.host).arg(m_node.sshPort);
}

QString SshSession::failure(const QString& what) const
{
    return Tr::tr("%1: %2").arg(where(), what);
}

QString SshSession::lastError() const
{
    if (!m_session)
        return {};
    char* msg = nullptr;
    int len = 0;
    const int code = libssh2_session_last_error(m_session, &msg, &len, 0);
    return Tr::tr("%1 (libssh2 error %2)").arg(QString::fromUtf8(msg, len)).arg(code);
}

void SshSession::close()
{
    // A channel lives and dies with its session.
    m_shell = nullptr;
    m_shellToken.clear();
    m_noShell = false;
    if (m_session) {
        // Bounded: a dead or frozen peer must not hold the caller, and in non-blocking mode
        // libssh2_session_free gives up (and leaks) while a channel still waits for the peer's close.
        libssh2_session_set_blocking(m_session, 1);
        libssh2_session_set_timeout(m_session, 1000);
        if (!m_lost)
            libssh2_session_disconnect(m_session, "MogUp closes the session");
        else if (m_sock >= 0)
            ::shutdown(m_sock, SHUT_RDWR); // every wait on the peer now ends at once
        libssh2_session_free(m_session);
        m_session = nullptr;
    }
    if (m_sock >= 0) {
        ::close(m_sock);
        m_sock = -1;
    }
    m_lost = false;
    wipeSecret(m_kbdAnswer);
}

void SshSession::markLost()
{
    m_lost = true;
}

std::optional<QString> SshSession::askSecret(SecretRequest::Kind kind, const QString& prompt, bool retry)
{
    if (!retry) {
        if (auto cached = m_secrets->get(kind))
            return cached;
    }
    if (!m_interaction)
        return std::nullopt;
    SecretRequest req;
    req.kind = kind;
    req.node = m_node.name;
    req.user = m_node.sshUser;
    req.host = m_node.host;
    req.prompt = prompt;
    req.retry = retry;
    return m_interaction->secret(req);
}

bool SshSession::openSocket(const QDeadlineTimer& deadline, QString* error)
{
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    const QByteArray host = m_node.host.toUtf8();
    const QByteArray port = QByteArray::number(m_node.sshPort);
    const int gai = ::getaddrinfo(host.constData(), port.constData(), &hints, &list);
    if (gai != 0) {
        *error = failure(Tr::tr("cannot resolve the host name: %1").arg(QString::fromLocal8Bit(gai_strerror(gai))));
        return false;
    }
    QString lastProblem;
    for (addrinfo* ai = list; ai; ai = ai->ai_next) {
        const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) {
            lastProblem = QString::fromLocal8Bit(std::strerror(errno));
            continue;
        }
        int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p { fd, POLLOUT, 0 };
            do {
                const qint64 left = deadline.remainingTime(); // -1: no limit
                rc = ::poll(&p, 1, left < 0 ? -1 : int(qMin<qint64>(left, INT_MAX)));
            } while (rc < 0 && errno == EINTR);
            if (rc == 0) {
                ::close(fd);
                lastProblem = Tr::tr("no answer within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1);
                break;
            }
            int soError = 0;
            socklen_t len = sizeof soError;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len);
            rc = soError == 0 ? 0 : -1;
            errno = soError;
        }
        if (rc != 0) {
            lastProblem = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            continue;
        }
        // Many small request/answer packets: Nagle + delayed ACK would add tens of ms to each command.
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_sock = fd;
        break;
    }
    ::freeaddrinfo(list);
    if (m_sock < 0) {
        *error = failure(Tr::tr("could not connect: %1").arg(lastProblem));
        return false;
    }
    return true;
}

bool SshSession::setCallTimeout(const QDeadlineTimer& deadline)
{
    const qint64 left = deadline.remainingTime();
    if (left == 0)
        return false;
    libssh2_session_set_timeout(m_session, left < 0 ? 0 : long(qMax<qint64>(1, left)));
    return true;
}

SshConnectResult SshSession::connect(const CancelToken& cancel)
{
    close();
    SshConnectResult r;
    r.node = m_node.name;
    r.hostKey.node = m_node.name;
    r.hostKey.host = m_node.host;
    r.hostKey.port = m_node.sshPort;
    r.hostKey.knownHostsFile = m_options.knownHostsFile;
    auto finish = [&](bool ok) {
        r.ok = ok;
        if (!ok)
            close();
        m_lastConnect = r;
        return r;
    };
    const QString timeoutText = Tr::tr("could not log in within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1);

    QDeadlineTimer deadline = loginDeadline();
    QString error;
    if (!openSocket(deadline, &error)) {
        r.error = error;
        return finish(false);
    }
    if (cancel.isCancelled()) {
        r.error = failure(Tr::tr("cancelled"));
        return finish(false);
    }
    m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, this);
    if (!m_session) {
        r.error = failure(Tr::tr("could not create an SSH session"));
        return finish(false);
    }
    // Login runs in blocking mode with a per-call timeout (the time left); commands later run non-blocking.
    libssh2_session_set_blocking(m_session, 1);

    QString khError;
    const KnownHosts known = KnownHosts::load(m_options.knownHostsFile, &khError);
    if (!khError.isEmpty()) {
        r.error = failure(khError);
        return finish(false);
    }
    // Ask for the key types known_hosts holds first: otherwise libssh2 may negotiate another type and the
    // host would look unknown although it is known.
    QStringList prefs;
    for (const QString& t : known.keyTypesFor(m_node.host, m_node.sshPort)) {
        if (kHostKeyTypes.contains(t))
            prefs.append(t);
    }
    for (const QString& t : kHostKeyTypes) {
        if (!prefs.contains(t))
            prefs.append(t);
    }
    libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY, prefs.join(QLatin1Char(',')).toLatin1().constData());

    if (!setCallTimeout(deadline)) {
        r.error = failure(timeoutText);
        return finish(false);
    }
    const int hs = libssh2_session_handshake(m_session, libssh2_socket_t(m_sock));
    if (hs != 0) {
        r.error = failure(hs == LIBSSH2_ERROR_TIMEOUT
                ? Tr::tr("the SSH handshake did not finish within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1)
                : Tr::tr("the SSH handshake failed: %1").arg(lastError()));
        return finish(false);
    }
    if (!checkHostKey(deadline, r))
        return finish(false);
    if (cancel.isCancelled()) {
        r.error = failure(Tr::tr("cancelled"));
        return finish(false);
    }
    if (!authenticate(deadline, cancel, r))
        return finish(false);

    libssh2_session_set_blocking(m_session, 0);
    libssh2_keepalive_config(m_session, 1, unsigned(qMax(1, m_options.keepaliveIntervalSeconds)));
    m_lastHeard.start();
    return finish(true);
}

bool SshSession::checkHostKey(QDeadlineTimer& deadline, SshConnectResult& r)
{
    size_t len = 0;
    int type = 0;
    const char* key = libssh2_session_hostkey(m_session, &len, &type);
    if (!key || len == 0) {
        r.error = failure(Tr::tr("the server presented no host key"));
        return false;
    }
    const QByteArray blob(key, qsizetype(len));
    HostKeyInfo& info = r.hostKey;
    info.keyType = sshKeyType(blob);
    info.fingerprint = sshFingerprint(blob);
    const QString file = m_options.knownHostsFile;
    const QString name = knownHostsName(m_node.host, m_node.sshPort);

    KnownHosts known = KnownHosts::load(file);
    const KnownHosts::Check check = known.check(m_node.host, m_node.sshPort, blob);
    switch (check.status) {
    case KnownHosts::Status::Match:
        r.hostKeyCheck = SshConnectResult::HostKeyCheck::Known;
        return true;
    case KnownHosts::Status::Revoked:
        r.hostKeyCheck = SshConnectResult::HostKeyCheck::Revoked;
        info.knownHostsLine = check.line;
        r.error = failure(Tr::tr("the host key %1 %2 is marked @revoked in %3:%4; refusing to connect")
                              .arg(info.keyType, info.fingerprint, file)
                              .arg(check.line));
        return false;
    case KnownHosts::Status::Changed:
        r.hostKeyCheck = SshConnectResult::HostKeyCheck::Changed;
        info.knownHostsLine = check.line;
        r.error = failure(Tr::tr("the host key has CHANGED: the server now presents %1 %2, but %3:%4 holds %5 %6 "
                                 "for %7. Someone may be intercepting the connection, or the host was reinstalled. "
                                 "Ask the host's administrator; only if the change is expected, remove the old key "
                                 "with: ssh-keygen -R '%7' -f %3 (nothing was run on the node)")
                              .arg(info.keyType, info.fingerprint, file)
                              .arg(check.line)
                              .arg(check.oldKeyType, check.oldFingerprint, name));
        return false;
    case KnownHosts::Status::Unknown:
        break;
    }

    switch (m_options.policy) {
    case HostKeyPolicy::Strict:
        r.hostKeyCheck = SshConnectResult::HostKeyCheck::Unknown;
        r.error = failure(Tr::tr("the host key is not known (%1 %2) and the host key policy is strict. Check the "
                                 "fingerprint with the host's administrator, then add it: ssh-keyscan -p %3 %4 >> %5 "
                                 "and compare what ssh-keygen -lf %5 prints with %2 (or choose the policy \"ask\")")
                              .arg(info.keyType, info.fingerprint)
                              .arg(m_node.sshPort)
                              .arg(m_node.host, file));
        return false;
    case HostKeyPolicy::Ask: {
        if (!m_interaction) {
            r.hostKeyCheck = SshConnectResult::HostKeyCheck::Unknown;
            r.error = failure(Tr::tr("the host key is not known (%1 %2) and nobody can be asked whether to trust it")
                                  .arg(info.keyType, info.fingerprint));
            return false;
        }
        const bool yes = m_interaction->acceptHostKey(info);
        // The user's thinking time is not part of the login timeout.
        deadline = loginDeadline();
        if (!yes) {
            r.hostKeyCheck = SshConnectResult::HostKeyCheck::NotAccepted;
            r.error = failure(Tr::tr("the host key %1 %2 was not accepted; nothing was written to %3")
                                  .arg(info.keyType, info.fingerprint, file));
            return false;
        }
        break;
    }
    case HostKeyPolicy::AcceptNew:
        break;
    }
    QString error;
    if (!known.append(m_node.host, m_node.sshPort, blob, &error)) {
        r.hostKeyCheck = SshConnectResult::HostKeyCheck::NotRecorded;
        r.error = failure(Tr::tr("could not record the host key %1 %2: %3").arg(info.keyType, info.fingerprint, error));
        return false;
    }
    r.hostKeyCheck = m_options.policy == HostKeyPolicy::Ask ? SshConnectResult::HostKeyCheck::Accepted
                                                            : SshConnectResult::HostKeyCheck::AcceptedNew;
    const KnownHosts reread = KnownHosts::load(file);
    info.knownHostsLine = reread.check(m_node.host, m_node.sshPort, blob).line;
    return true;
}

bool SshSession::authenticate(QDeadlineTimer& deadline, const CancelToken& cancel, SshConnectResult& r)
{
    Q_UNUSED(cancel);
    const QByteArray user = m_node.sshUser.toUtf8();
    if (!setCallTimeout(deadline)) {
        r.error = failure(Tr::tr("could not log in within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1));
        return false;
    }
    const char* list = libssh2_userauth_list(m_session, user.constData(), unsigned(user.size()));
    if (!list) {
        if (libssh2_userauth_authenticated(m_session)) {
            r.authMethod = QStringLiteral("none");
            return true;
        }
        r.error = failure(Tr::tr("could not ask which logins the server accepts: %1").arg(lastError()));
        return false;
    }
    const QString offered = QString::fromLatin1(list);
    const QString auth = m_node.auth.isEmpty() ? QStringLiteral("agent") : m_node.auth;
    const QStringList methods = offered.split(QLatin1Char(','));
    const bool publicKeyOffered = methods.contains(QLatin1String("publickey"));
    if ((auth == QLatin1String("agent") || auth == QLatin1String("key")) && !publicKeyOffered) {
        r.error = failure(Tr::tr("the server does not accept keys for %1 (it offers: %2)").arg(m_node.sshUser, offered));
        return false;
    }
    if (auth == QLatin1String("agent"))
        return authAgent(deadline, r);
    if (auth == QLatin1String("key"))
        return authKeyFile(deadline, r);
    if (auth == QLatin1String("password"))
        return authPassword(deadline, offered, r);
    if (auth == QLatin1String("keyboard-interactive"))
        return authKeyboardInteractive(deadline, offered, r);
    r.error = failure(Tr::tr("unknown login method \"%1\" (use agent, key, password or keyboard-interactive)").arg(auth));
    return false;
}

bool SshSession::authAgent(QDeadlineTimer& deadline, SshConnectResult& r)
{
    const QByteArray sock = qgetenv("SSH_AUTH_SOCK");
    if (sock.isEmpty()) {
        r.error = failure(Tr::tr("no ssh-agent to log in with: SSH_AUTH_SOCK is not set. Start ssh-agent and add "
                                 "your key with ssh-add, or set \"auth\": \"key\" with a key file"));
        return false;
    }
    LIBSSH2_AGENT* agent = libssh2_agent_init(m_session);
    if (!agent) {
        r.error = failure(Tr::tr("could not use the ssh-agent: %1").arg(lastError()));
        return false;
    }
    struct AgentGuard
    {
        LIBSSH2_AGENT* a;
        ~AgentGuard()
        {
            libssh2_agent_disconnect(a);
            libssh2_agent_free(a);
        }
    } guard { agent };
    libssh2_agent_set_identity_path(agent, sock.constData());
    if (libssh2_agent_connect(agent) != 0) {
        r.error = failure(Tr::tr("cannot reach the ssh-agent at %1: %2").arg(QString::fromLocal8Bit(sock), lastError()));
        return false;
    }
    if (libssh2_agent_list_identities(agent) != 0) {
        r.error = failure(Tr::tr("the ssh-agent did not list its keys: %1").arg(lastError()));
        return false;
    }
    const QByteArray user = m_node.sshUser.toUtf8();
    libssh2_agent_publickey* identity = nullptr;
    libssh2_agent_publickey* prev = nullptr;
    QStringList tried;
    bool rsaRefused = false;
    // sshd counts every offered key against MaxAuthTries (6 by default): stop before it cuts us off.
    constexpr int kMaxIdentities = 5;
    while (tried.size() < kMaxIdentities && libssh2_agent_get_identity(agent, &identity, prev) == 0) {
        prev = identity;
        const QByteArray blob(reinterpret_cast<const char*>(identity->blob), qsizetype(identity->blob_len));
        const QString type = sshKeyType(blob);
        tried.append(type + QLatin1Char(' ') + sshFingerprint(blob));
        if (!setCallTimeout(deadline)) {
            r.error = failure(Tr::tr("could not log in within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1));
            return false;
        }
        const int rc = libssh2_agent_userauth(agent, user.constData(), identity);
        if (rc == 0) {
            r.authMethod = QStringLiteral("publickey (agent)");
            return true;
        }
        if (rc == LIBSSH2_ERROR_TIMEOUT) {
            r.error = failure(Tr::tr("could not log in within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1));
            return false;
        }
        if (type == QLatin1String("ssh-rsa"))
            rsaRefused = true;
    }
    if (tried.isEmpty()) {
        r.error = failure(Tr::tr("the ssh-agent holds no keys; add one with ssh-add"));
        return false;
    }
    QString text = Tr::tr("the server refused every key the ssh-agent offered for %1 (%2)")
                       .arg(m_node.sshUser, tried.join(QStringLiteral(", ")));
    if (rsaRefused)
        text += QStringLiteral("; ") + rsaRefusalText();
    r.error = failure(text);
    return false;
}

bool SshSession::authKeyFile(QDeadlineTimer& deadline, SshConnectResult& r)
{
    const QString path = expandHome(m_node.keyFile);
    if (path.isEmpty()) {
        r.error = failure(Tr::tr("\"auth\" is \"key\" but no key file is given (key_file)"));
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = failure(Tr::tr("cannot read the key file %1: %2").arg(path, f.errorString()));
        return false;
    }
    const KeyFileInfo info = inspectKeyFile(f.readAll());
    f.close();
    const QByteArray user = m_node.sshUser.toUtf8();
    const QByteArray file = QFile::encodeName(path);
    const QString timeoutText = Tr::tr("could not log in within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1);

    for (int attempt = 0; attempt < 2; ++attempt) {
        QByteArray passphrase;
        if (info.encrypted) {
            std::optional<QString> secret = askSecret(SecretRequest::Kind::KeyPassphrase, path, attempt > 0);
            deadline = loginDeadline();
            if (!secret) {
                r.error = failure(Tr::tr("the key file %1 is protected by a passphrase and none was given").arg(path));
                return false;
            }
            passphrase = secret->toUtf8();
            m_secrets->set(SecretRequest::Kind::KeyPassphrase, *secret);
            wipeSecret(*secret);
        }
        if (!setCallTimeout(deadline)) {
            wipeSecret(passphrase);
            r.error = failure(timeoutText);
            return false;
        }
        const int rc = libssh2_userauth_publickey_fromfile_ex(m_session, user.constData(), unsigned(user.size()),
            nullptr, file.constData(), info.encrypted ? passphrase.constData() : nullptr);
        wipeSecret(passphrase);
        if (rc == 0) {
            r.authMethod = QStringLiteral("publickey (%1)").arg(path);
            return true;
        }
        if (rc == LIBSSH2_ERROR_TIMEOUT) {
            r.error = failure(timeoutText);
            return false;
        }
        if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED || rc == LIBSSH2_ERROR_PUBLICKEY_UNVERIFIED) {
            if (info.type == QLatin1String("ssh-rsa")) {
                r.error = failure(rsaRefusalText() + Tr::tr(" (key file %1)").arg(path));
                return false;
            }
            if (!info.encrypted || rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED) {
                r.error = failure(Tr::tr("the server refused the key %1 for user %2: is its .pub in ~/.ssh/authorized_keys "
                                         "of %2 on the node?")
                                      .arg(path, m_node.sshUser));
                return false;
            }
        }
        if (info.encrypted && rc != LIBSSH2_ERROR_AUTHENTICATION_FAILED) {
            // libssh2 could not decrypt the key: the passphrase is wrong. Ask once more.
            m_secrets->forget(SecretRequest::Kind::KeyPassphrase);
            if (attempt == 0)
                continue;
            r.error = failure(Tr::tr("wrong passphrase for the key file %1").arg(path));
            return false;
        }
        r.error = failure(Tr::tr("could not log in with the key file %1: %2").arg(path, lastError()));
        return false;
    }
    r.error = failure(Tr::tr("wrong passphrase for the key file %1").arg(path));
    return false;
}

bool SshSession::authPassword(QDeadlineTimer& deadline, const QString& offered, SshConnectResult& r)
{
    const QStringList methods = offered.split(QLatin1Char(','));
    if (!methods.contains(QLatin1String("password"))) {
        QString text = Tr::tr("the server does not accept passwords for %1 (it offers: %2)").arg(m_node.sshUser, offered);
        if (methods.contains(QLatin1String("keyboard-interactive")))
            text += Tr::tr("; try \"auth\": \"keyboard-interactive\"");
        r.error = failure(text);
        return false;
    }
    const QByteArray user = m_node.sshUser.toUtf8();
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::optional<QString> secret = askSecret(SecretRequest::Kind::Password, QString(), attempt > 0);
        deadline = loginDeadline();
        if (!secret) {
            r.error = failure(Tr::tr("no password was given for %1").arg(m_node.sshUser));
            return false;
        }
        QByteArray pw = secret->toUtf8();
        setCallTimeout(deadline);
        const int rc = libssh2_userauth_password_ex(m_session, user.constData(), unsigned(user.size()), pw.constData(),
            unsigned(pw.size()), nullptr);
        wipeSecret(pw);
        if (rc == 0) {
            m_secrets->set(SecretRequest::Kind::Password, *secret);
            wipeSecret(*secret);
            r.authMethod = QStringLiteral("password");
            return true;
        }
        wipeSecret(*secret);
        m_secrets->forget(SecretRequest::Kind::Password);
        if (rc == LIBSSH2_ERROR_TIMEOUT) {
            r.error = failure(Tr::tr("could not log in within %1 s").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1));
            return false;
        }
        if (rc == LIBSSH2_ERROR_PASSWORD_EXPIRED) {
            r.error = failure(Tr::tr("the password of %1 has expired; change it on the node first").arg(m_node.sshUser));
            return false;
        }
        if (rc != LIBSSH2_ERROR_AUTHENTICATION_FAILED) {
            r.error = failure(Tr::tr("password login failed: %1").arg(lastError()));
            return false;
        }
    }
    r.error = failure(Tr::tr("the server refused the password for %1").arg(m_node.sshUser));
    return false;
}

bool SshSession::authKeyboardInteractive(QDeadlineTimer& deadline, const QString& offered, SshConnectResult& r)
{
    if (!offered.split(QLatin1Char(',')).contains(QLatin1String("keyboard-interactive"))) {
        r.error = failure(Tr::tr("the server does not offer keyboard-interactive login for %1 (it offers: %2)")
                              .arg(m_node.sshUser, offered));
        return false;
    }
    const QByteArray user = m_node.sshUser.toUtf8();
    m_kbdRetry = false;
    m_kbdRefused = false;
    wipeSecret(m_kbdAnswer);
    if (auto cached = m_secrets->get(SecretRequest::Kind::KeyboardInteractive))
        m_kbdAnswer = *cached;
    // The callback may wait for the user: no time limit while it runs, the server's LoginGraceTime bounds it.
    libssh2_session_set_timeout(m_session, 0);
    int rc = libssh2_userauth_keyboard_interactive_ex(m_session, user.constData(), unsigned(user.size()),
        &SshSessionCallbacks::keyboardInteractive);
    // sshd answers a wrong PAM password with a failure, not with a new prompt: ask once more, saying so.
    if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED && !m_kbdRefused) {
        m_secrets->forget(SecretRequest::Kind::KeyboardInteractive);
        wipeSecret(m_kbdAnswer);
        m_kbdRetry = true;
        rc = libssh2_userauth_keyboard_interactive_ex(m_session, user.constData(), unsigned(user.size()),
            &SshSessionCallbacks::keyboardInteractive);
    }
    deadline = loginDeadline();
    if (rc == 0) {
        m_secrets->set(SecretRequest::Kind::KeyboardInteractive, m_kbdAnswer);
        wipeSecret(m_kbdAnswer);
        r.authMethod = QStringLiteral("keyboard-interactive");
        return true;
    }
    wipeSecret(m_kbdAnswer);
    m_secrets->forget(SecretRequest::Kind::KeyboardInteractive);
    if (m_kbdRefused)
        r.error = failure(Tr::tr("no answer was given to the server's login prompt for %1").arg(m_node.sshUser));
    else if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED)
        r.error = failure(Tr::tr("the server refused the answer to its login prompt for %1").arg(m_node.sshUser));
    else
        r.error = failure(Tr::tr("keyboard-interactive login failed: %1").arg(lastError()));
    return false;
}

// ---------------------------------------------------------------------------------------------------
// Commands (non-blocking)

void SshSession::waitSocket(int ms)
{
    pollfd p { m_sock, POLLIN, 0 };
    const int dir = libssh2_session_block_directions(m_session);
    if (dir & LIBSSH2_SESSION_BLOCK_OUTBOUND)
        p.events |= POLLOUT;
    const int rc = ::poll(&p, 1, qMax(0, ms));
    if (rc > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)))
        m_lastHeard.restart();
}

// At most 100 ms at a time, never past the deadline (which may be "forever").
static int waitSlice(const QDeadlineTimer& deadline)
{
    const qint64 left = deadline.remainingTime();
    return left < 0 ? 100 : int(qBound(qint64(1), left, qint64(100)));
}

template <typename Call>
int SshSession::retry(Call&& call, const QDeadlineTimer& deadline)
{
    while (true) {
        const int rc = int(call());
        if (rc != LIBSSH2_ERROR_EAGAIN)
            return rc;
        if (deadline.hasExpired())
            return LIBSSH2_ERROR_TIMEOUT;
        waitSocket(waitSlice(deadline));
    }
}

QDeadlineTimer SshSession::loginDeadline() const
{
    // 0 or less: no limit (the default is 10 s).
    return m_options.connectTimeoutMs > 0 ? QDeadlineTimer(m_options.connectTimeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
}

SshSession::WaitVerdict SshSession::waitForMore(const CancelToken& cancel, const QElapsedTimer& clock, int timeoutMs,
    bool progressed, QString* lostReason)
{
    if (cancel.isCancelled())
        return WaitVerdict::Cancelled;
    if (timeoutMs > 0 && clock.elapsed() > timeoutMs)
        return WaitVerdict::TimedOut;
    int next = 0;
    const int ka = libssh2_keepalive_send(m_session, &next);
    if (ka != 0 && ka != LIBSSH2_ERROR_EAGAIN) {
        *lostReason = lastError();
        return WaitVerdict::Lost;
    }
    // A live peer answers every keepalive; silence beyond the window means it is gone.
    if (m_lastHeard.elapsed() > silenceLimitMs()) {
        *lostReason = Tr::tr("no answer to keepalives for %1 s").arg(m_lastHeard.elapsed() / 1000);
        return WaitVerdict::Lost;
    }
    if (!progressed)
        waitSocket(qBound(10, next > 0 ? next * 1000 : 200, 200));
    return WaitVerdict::KeepWaiting;
}

int SshSession::silenceLimitMs() const
{
    // libssh2 turns an interval of 1 s into 2 s, and counts whole seconds: at least one keepalive must be
    // allowed to go unanswered, or a live peer would look dead between two keepalives.
    const int interval = qMax(2, m_options.keepaliveIntervalSeconds);
    return interval * (qMax(1, m_options.keepaliveCountMax) + 1) * 1000;
}

LIBSSH2_CHANNEL* SshSession::openChannel(const QDeadlineTimer& deadline, int* rc)
{
    while (true) {
        LIBSSH2_CHANNEL* ch = libssh2_channel_open_session(m_session);
        if (ch) {
            *rc = 0;
            return ch;
        }
        *rc = libssh2_session_last_errno(m_session);
        if (*rc != LIBSSH2_ERROR_EAGAIN)
            return nullptr;
        if (deadline.hasExpired()) {
            *rc = LIBSSH2_ERROR_TIMEOUT;
            return nullptr;
        }
        waitSocket(waitSlice(deadline));
    }
}

bool SshSession::closeChannel(LIBSSH2_CHANNEL* ch, const QDeadlineTimer& deadline)
{
    int rc = retry([&] { return libssh2_channel_close(ch); }, deadline);
    if (rc == 0)
        rc = retry([&] { return libssh2_channel_wait_closed(ch); }, deadline);
    return rc == 0;
}

void SshSession::freeChannel(LIBSSH2_CHANNEL* ch)
{
    if (retry([&] { return libssh2_channel_free(ch); }, QDeadlineTimer(500)) != 0)
        markLost(); // the session is in an unknown state; start afresh next time
}

bool SshSession::endRemoteGroup(qint64 pgid)
{
    // TERM to the whole group, wait (zombies do not count) up to 2 s, then KILL whatever is left.
    const QString g = QString::number(pgid);
    const QString script = QStringLiteral(
        "alive() { ps -e -o pgid= -o stat= | awk -v g=%1 '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'; }; "
        "kill -TERM -- -%1 2>/dev/null || exit 0; n=0; "
        "while alive && [ $n -lt 40 ]; do sleep 0.05; n=$((n+1)); done; "
        "alive && kill -KILL -- -%1 2>/dev/null; exit 0")
                               .arg(g);
    const QDeadlineTimer deadline(qMax(5000, m_options.connectTimeoutMs));
    int rc = 0;
    LIBSSH2_CHANNEL* ch = openChannel(deadline, &rc);
    if (!ch)
        return false;
    const QByteArray cmd = script.toUtf8();
    rc = retry([&] { return libssh2_channel_exec(ch, cmd.constData()); }, deadline);
    if (rc == 0)
        retry([&] { return libssh2_channel_send_eof(ch); }, deadline);
    char buf[4096];
    while (rc == 0 && !deadline.hasExpired()) {
        const ssize_t n = libssh2_channel_read_ex(ch, 0, buf, sizeof buf);
        const ssize_t e = libssh2_channel_read_ex(ch, SSH_EXTENDED_DATA_STDERR, buf, sizeof buf);
        if ((n < 0 && n != LIBSSH2_ERROR_EAGAIN) || (e < 0 && e != LIBSSH2_ERROR_EAGAIN))
            break;
        if (libssh2_channel_eof(ch))
            break;
        if (n == LIBSSH2_ERROR_EAGAIN && e == LIBSSH2_ERROR_EAGAIN)
            waitSocket(50);
    }
    int exitCode = -1;
    if (closeChannel(ch, deadline))
        exitCode = libssh2_channel_get_exit_status(ch);
    freeChannel(ch);
    return rc == 0 && exitCode == 0;
}

ExecResult SshSession::exec(const QString& command, int timeoutMs, const CancelToken& cancel, const LineSink& sink,
    bool* lostBeforeStart)
{
    *lostBeforeStart = false;
    if (!isConnected()) {
        ExecResult result;
        *lostBeforeStart = true;
        result.error = failure(Tr::tr("not connected"));
        return result;
    }
    // A `sudo -S -p ''` command reads the password from its own stdin: it gets an exec channel of its own.
    // Everything else goes through the command shell; when that cannot be had, through an exec channel too.
    if (!command.startsWith(QLatin1String(kSudoStdinPrefix))) {
        if (!m_shell && !m_noShell)
            openShell();
        if (m_shell) {
            bool unusable = false;
            ExecResult r = execInShell(command, timeoutMs, cancel, sink, &unusable);
            if (!unusable)
                return r;
            // Nothing of the command reached the shell: run it once, on its own channel.
        }
        if (!isConnected()) {
            ExecResult result;
            *lostBeforeStart = true;
            result.error = failure(Tr::tr("the connection was lost: %1").arg(lastError()));
            return result;
        }
    }
    return execOnChannel(command, timeoutMs, cancel, sink, lostBeforeStart);
}

namespace {

struct ChannelRead
{
    bool progressed = false; // something came
    bool lost = false;       // the connection failed (lastError() says why)
};

// Reads whatever both streams of the channel hold into their line splitters, without waiting. Both in one
// loop: unread stderr would stall stdout (and the other way round). Shared by the shell and exec paths.
template <typename EmitOut, typename EmitErr>
ChannelRead readChannel(LIBSSH2_CHANNEL* ch, QByteArray& buffer, QElapsedTimer& lastHeard, LineSplitter& out,
    LineSplitter& err, EmitOut& emitOut, EmitErr& emitErr)
{
    ChannelRead r;
    for (const int stream : { 0, SSH_EXTENDED_DATA_STDERR }) {
        while (true) {
            const ssize_t n = libssh2_channel_read_ex(ch, stream, buffer.data(), size_t(buffer.size()));
            if (n > 0) {
                r.progressed = true;
                lastHeard.restart();
                if (stream == 0)
                    out.feed(buffer.constData(), qsizetype(n), emitOut);
                else
                    err.feed(buffer.constData(), qsizetype(n), emitErr);
                continue;
            }
            if (n == 0 || n == LIBSSH2_ERROR_EAGAIN)
                break;
            r.lost = true;
            return r;
        }
    }
    return r;
}

QString signalName(int number)
{
    static const std::pair<const char*, int> table[] = { { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
        { "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "FPE", SIGFPE },
        { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 }, { "PIPE", SIGPIPE },
        { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ } };
    for (const auto& [text, n] : table) {
        if (n == number)
            return QString::fromLatin1(text);
    }
    return QString::number(number);
}

} // namespace

bool SshSession::openShell()
{
    // The login shell sshd starts for this channel runs the rc files once; its environment is exported to
    // the bash that then reads our command lines. That bash never sources anything itself.
    const QDeadlineTimer deadline = loginDeadline();
    int rc = 0;
    LIBSSH2_CHANNEL* ch = openChannel(deadline, &rc);
    if (!ch) {
        if (rc != LIBSSH2_ERROR_EAGAIN && rc != LIBSSH2_ERROR_CHANNEL_FAILURE)
            markLost();
        else if (rc == LIBSSH2_ERROR_CHANNEL_FAILURE)
            m_noShell = true;
        return false;
    }
    static const char kShell[] = "exec /bin/bash --norc --noprofile -s";
    rc = retry([&] { return libssh2_channel_process_startup(ch, "exec", 4, kShell, unsigned(sizeof kShell - 1)); },
        deadline);
    if (rc != 0) {
        if (rc != LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED) {
            markLost();
            return false;
        }
        closeChannel(ch, QDeadlineTimer(2000));
        freeChannel(ch);
        m_noShell = true;
        return false;
    }
    const quint64 a = QRandomGenerator::system()->generate64();
    const quint64 b = QRandomGenerator::system()->generate64();
    const QByteArray token = QByteArray::number(a, 16) + QByteArray::number(b, 16);
    // Whatever the rc files print goes before this line on both streams, and is discarded.
    const QByteArray ready = "\\036MOGUP-READY-" + token;
    // Job control (set -m) puts every command in a process group of its own, led by the command's bash:
    // its $$ is the group that cancel and timeout end. Checked once; without it the shell ends and exec
    // channels are used. __mogup_run runs one command: stdin empty, the shell's own "Terminated" report
    // sent to /dev/null (fd 3 carries the command's stderr past that), then the exit status and an end
    // marker on each stream, each after a line feed of the shell's own that is not part of the output.
    const QByteArray end = "\\n\\036MOGUP-END-" + token;
    const QByteArray readyLine = "set -m; /bin/bash --norc --noprofile -c 'read -r a b c d g r </proc/$$/stat; "
                                 "[ \"$g\" = \"$$\" ]' </dev/null >/dev/null 2>&1 || exit 1; "
                                 "__mogup_run() { { /bin/bash --norc -c \"$1\" 2>&3 3>&- </dev/null; } 3>&2 2>/dev/null; "
                                 "printf '" + end + " %d\\n' \"$?\"; printf '" + end + "\\n' >&2; }; "
                                 "printf '" + ready + "\\n'; printf '" + ready + "\\n' >&2\n";
    const QByteArray expect = "\x1eMOGUP-READY-" + token + "\n";
    qsizetype off = 0;
    while (rc == 0 && off < readyLine.size()) {
        const int n = retry([&] { return libssh2_channel_write(ch, readyLine.constData() + off, size_t(readyLine.size() - off)); },
            deadline);
        if (n <= 0)
            rc = n == 0 ? LIBSSH2_ERROR_TIMEOUT : n;
        else
            off += n;
    }
    QByteArray got[2];
    char buf[16384];
    const QDeadlineTimer readyDeadline(qMax(10000, m_options.connectTimeoutMs));
    bool ok = false;
    while (rc == 0 && !readyDeadline.hasExpired()) {
        bool progressed = false;
        for (int i = 0; i < 2 && rc == 0; ++i) {
            const ssize_t n = libssh2_channel_read_ex(ch, i == 0 ? 0 : SSH_EXTENDED_DATA_STDERR, buf, sizeof buf);
            if (n > 0) {
                got[i].append(buf, qsizetype(n));
                progressed = true;
            } else if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                rc = int(n);
            }
        }
        if (got[0].contains(expect) && got[1].contains(expect)) {
            ok = true;
            break;
        }
        if (rc != 0 || libssh2_channel_eof(ch))
            break;
        if (!progressed)
            waitSocket(50);
    }
    if (!ok) {
        if (rc != 0 && rc != LIBSSH2_ERROR_CHANNEL_CLOSED && rc != LIBSSH2_ERROR_CHANNEL_EOF_SENT) {
            markLost();
            return false;
        }
        closeChannel(ch, QDeadlineTimer(2000));
        freeChannel(ch);
        m_noShell = true;
        return false;
    }
    // Anything after the ready line (nothing is expected) would be lost: it belongs to no command.
    m_shell = ch;
    m_shellToken = token;
    return true;
}

void SshSession::dropShell()
{
    if (!m_shell)
        return;
    LIBSSH2_CHANNEL* ch = m_shell;
    m_shell = nullptr;
    m_shellToken.clear();
    if (m_lost)
        return; // freed with the session
    closeChannel(ch, QDeadlineTimer(2000));
    freeChannel(ch);
}

ExecResult SshSession::execInShell(const QString& command, int timeoutMs, const CancelToken& cancel,
    const LineSink& sink, bool* shellUnusable)
{
    ExecResult result;
    *shellUnusable = false;
    LIBSSH2_CHANNEL* ch = m_shell;
    if (libssh2_channel_eof(ch)) {
        dropShell();
        *shellUnusable = true;
        return result;
    }
    // The command runs as before in a bash without rc files, after the group marker and the sandbox PATH,
    // through the shell's __mogup_run (see openShell): its own process group, an empty stdin, end markers.
    QString inner = QStringLiteral("printf '\\036MOGUP-PGID %d\\n' \"$$\"; ");
    if (!m_sandbox.isEmpty())
        inner += QStringLiteral("PATH=%1:\"$PATH\"; export PATH; ").arg(shellQuote(m_sandbox + QStringLiteral("/bin")));
    inner += command;
    const QString token = QString::fromLatin1(m_shellToken);
    const QString line = QStringLiteral("__mogup_run ") + shellQuote(inner) + QLatin1Char('\n');
    const QByteArray bytes = line.toUtf8();
    const QDeadlineTimer writeDeadline = loginDeadline();
    qsizetype off = 0;
    while (off < bytes.size()) {
        const int n = retry([&] { return libssh2_channel_write(ch, bytes.constData() + off, size_t(bytes.size() - off)); },
            writeDeadline);
        if (n > 0) {
            off += n;
            continue;
        }
        if (n == 0 && !writeDeadline.hasExpired()) {
            waitSocket(waitSlice(writeDeadline)); // the shell has not taken the last bytes yet (channel window)
            continue;
        }
        if (off == 0 && (n == LIBSSH2_ERROR_CHANNEL_CLOSED || n == LIBSSH2_ERROR_CHANNEL_EOF_SENT)) {
            dropShell(); // the shell went away between commands: nothing ran
            *shellUnusable = true;
            return result;
        }
        if (off == 0) {
            markLost();
            dropShell();
            *shellUnusable = true;
            return result;
        }
        markLost();
        dropShell();
        result.started = true;
        result.error = failure(Tr::tr("the connection was lost while the command was being sent: %1").arg(lastError()));
        return result;
    }
    result.started = true;

    const QString endTag = QStringLiteral("\x1eMOGUP-END-") + token;
    LineSplitter out, err;
    qint64 pgid = 0;
    bool markerSeen = false;
    bool outDone = false, errDone = false;
    bool heldOut = false, heldErr = false; // an empty line is held back: it may be the wrapper's line feed
    bool quiet = false; // after cancel/timeout, the rest is read only to find the end markers
    int shellExit = -1;
    auto send = [&](OutputStream stream, const QString& text) {
        if (sink && !quiet)
            sink(OutputLine { m_node.name, stream, QDateTime::currentDateTimeUtc(), text });
    };
    auto emitOut = [&](const QString& text) {
        if (outDone)
            return;
        if (!markerSeen && text.startsWith(kGroupMarker)) {
            markerSeen = true;
            pgid = QStringView(text).mid(kGroupMarker.size()).toLongLong();
            return;
        }
        if (text.startsWith(endTag)) {
            outDone = true;
            heldOut = false;
            bool okNumber = false;
            shellExit = QStringView(text).mid(endTag.size()).trimmed().toInt(&okNumber);
            if (!okNumber)
                shellExit = -1;
            return;
        }
        if (heldOut) {
            heldOut = false;
            send(OutputStream::Stdout, QString());
        }
        if (text.isEmpty())
            heldOut = true;
        else
            send(OutputStream::Stdout, text);
    };
    auto emitErr = [&](const QString& text) {
        if (errDone)
            return;
        if (text == endTag) {
            errDone = true;
            heldErr = false;
            return;
        }
        if (heldErr) {
            heldErr = false;
            send(OutputStream::Stderr, QString());
        }
        if (text.isEmpty())
            heldErr = true;
        else
            send(OutputStream::Stderr, text);
    };

    QElapsedTimer clock;
    clock.start();
    m_lastHeard.restart();
    static constexpr int kChunk = 64 * 1024;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    enum class End { Done, ShellGone, Cancelled, TimedOut, Lost } end = End::Done;
    QString lostReason;
    auto pump = [&]() -> bool {
        const ChannelRead r = readChannel(ch, buffer, m_lastHeard, out, err, emitOut, emitErr);
        if (r.lost) {
            end = End::Lost;
            lostReason = lastError();
        }
        return r.progressed;
    };
    auto done = [&] { return outDone && errDone; };
    while (!done()) {
        const bool progressed = pump();
        if (end == End::Lost || done())
            break;
        if (libssh2_channel_eof(ch)) {
            end = End::ShellGone;
            break;
        }
        const WaitVerdict wait = waitForMore(cancel, clock, timeoutMs, progressed, &lostReason);
        if (wait == WaitVerdict::Cancelled) {
            end = End::Cancelled;
            break;
        }
        if (wait == WaitVerdict::TimedOut) {
            end = End::TimedOut;
            break;
        }
        if (wait == WaitVerdict::Lost) {
            end = End::Lost;
            break;
        }
    }

    switch (end) {
    case End::Done: {
        result.exitCode = shellExit;
        // The shell reports a command ended by signal N as 128 + N.
        if (shellExit > 128 && shellExit < 128 + 65) {
            result.signal = shellExit - 128;
            result.exitCode = -1;
            result.error = failure(Tr::tr("ended by signal %1 (SIG%2)").arg(result.signal).arg(signalName(result.signal)));
        }
        return result;
    }
    case End::ShellGone:
        if (!markerSeen) {
            // The group marker is printed before the command: the shell ended before running any of it.
            dropShell();
            *shellUnusable = true;
            return result;
        }
        out.flush(emitOut);
        err.flush(emitErr);
        if (heldOut)
            send(OutputStream::Stdout, QString());
        if (heldErr)
            send(OutputStream::Stderr, QString());
        dropShell();
        result.error = failure(Tr::tr("the command shell on the node ended while the command ran; whether the "
                                      "command finished is unknown"));
        return result;
    case End::Lost:
        out.flush(emitOut);
        err.flush(emitErr);
        markLost();
        dropShell();
        result.error = failure(Tr::tr("the connection was lost while the command ran (%1); whether the command "
                                      "finished on the node is unknown")
                                   .arg(lostReason));
        return result;
    case End::Cancelled:
    case End::TimedOut: {
        const QDeadlineTimer markerDeadline(3000);
        const End why = end;
        while (!markerSeen && !done() && end == why && !libssh2_channel_eof(ch) && !markerDeadline.hasExpired()) {
            if (!pump())
                waitSocket(50);
        }
        if (end == End::Lost) {
            markLost();
            dropShell();
            result.error = failure(Tr::tr("the connection was lost while the command was being ended (%1)").arg(lostReason));
            return result;
        }
        end = why;
        quiet = true;
        const bool ended = done() || (pgid > 0 && endRemoteGroup(pgid));
        // Read on to both end markers, so that the shell is ready for the next command.
        const QDeadlineTimer drainDeadline(3000);
        while (!done() && end == why && !libssh2_channel_eof(ch) && !drainDeadline.hasExpired()) {
            if (!pump())
                waitSocket(50);
        }
        if (end == End::Lost) {
            markLost();
            dropShell();
        } else if (!done()) {
            dropShell();
        }
        end = why;
        QString what = end == End::Cancelled
            ? Tr::tr("cancelled")
            : Tr::tr("no result after %1 s; the command was ended").arg(timeoutMs / 1000.0, 0, 'f', 1);
        if (!ended)
            what += Tr::tr(" (it may still be running on the node: it could not be ended there)");
        result.cancelled = end == End::Cancelled;
        result.timedOut = end == End::TimedOut;
        result.error = failure(what);
        return result;
    }
    }
    return result;
}

ExecResult SshSession::execOnChannel(const QString& command, int timeoutMs, const CancelToken& cancel,
    const LineSink& sink, bool* lostBeforeStart)
{
    ExecResult result;
    *lostBeforeStart = false;
    const QDeadlineTimer setupDeadline = loginDeadline();
    int rc = 0;
    LIBSSH2_CHANNEL* ch = openChannel(setupDeadline, &rc);
    if (!ch) {
        // Nothing was sent for this command yet: the caller may reconnect and try again.
        *lostBeforeStart = true;
        markLost();
        result.error = failure(rc == LIBSSH2_ERROR_TIMEOUT
                ? Tr::tr("the connection does not answer (no channel within %1 s)").arg(m_options.connectTimeoutMs / 1000.0, 0, 'f', 1)
                : Tr::tr("the connection was lost: %1").arg(lastError()));
        return result;
    }

    QString wrapped = QStringLiteral("printf '\\036MOGUP-PGID %d\\n' \"$$\"; ");
    if (!m_sandbox.isEmpty()) {
        // The sandbox's systemctl and shims come first, as LocalExecutor arranges through the environment.
        wrapped += QStringLiteral("PATH=%1:\"$PATH\"; export PATH; ").arg(shellQuote(m_sandbox + QStringLiteral("/bin")));
    }
    // --norc: bash started by sshd sources ~/.bashrc even without a terminal (it sees SSH_CLIENT), and
    // `exec` lowers SHLVL, so without it this second bash would run the rc files a second time (measured
    // ~80 ms per command on a machine whose .bashrc runs `pyenv init`). The login shell above has already
    // run them and exported their environment.
    wrapped += QStringLiteral("exec /bin/bash --norc -c ") + shellQuote(command);
    const QByteArray wrappedBytes = wrapped.toUtf8();
    rc = retry([&] { return libssh2_channel_process_startup(ch, "exec", 4, wrappedBytes.constData(),
                         unsigned(wrappedBytes.size())); },
        setupDeadline);
    if (rc != 0) {
        const bool fatal = rc != LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED;
        result.error = failure(Tr::tr("could not start the command: %1").arg(lastError()));
        if (fatal) {
            markLost();
        } else {
            closeChannel(ch, QDeadlineTimer(2000));
            freeChannel(ch);
        }
        return result;
    }
    result.started = true;

    // stdin: the sudo password when the command asks sudo to read one (-S), then EOF; never anything else.
    if (command.startsWith(QLatin1String(kSudoStdinPrefix))) {
        std::optional<QString> pw = askSecret(SecretRequest::Kind::SudoPassword, QString(), false);
        const QDeadlineTimer writeDeadline = loginDeadline(); // the user's answer may have taken a while
        if (pw) {
            m_secrets->set(SecretRequest::Kind::SudoPassword, *pw);
            QByteArray bytes = pw->toUtf8() + '\n';
            wipeSecret(*pw);
            qsizetype off = 0;
            while (off < bytes.size()) {
                const int n = retry([&] { return libssh2_channel_write(ch, bytes.constData() + off, size_t(bytes.size() - off)); },
                    writeDeadline);
                if (n <= 0)
                    break;
                off += n;
            }
            wipeSecret(bytes);
        }
    }
    retry([&] { return libssh2_channel_send_eof(ch); }, loginDeadline());

    LineSplitter out, err;
    qint64 pgid = 0;
    bool markerSeen = false;
    auto emitOut = [&](const QString& text) {
        if (!markerSeen && text.startsWith(kGroupMarker)) {
            markerSeen = true;
            pgid = QStringView(text).mid(kGroupMarker.size()).toLongLong();
            return;
        }
        if (sink)
            sink(OutputLine { m_node.name, OutputStream::Stdout, QDateTime::currentDateTimeUtc(), text });
    };
    auto emitErr = [&](const QString& text) {
        if (sink)
            sink(OutputLine { m_node.name, OutputStream::Stderr, QDateTime::currentDateTimeUtc(), text });
    };

    QElapsedTimer clock;
    clock.start();
    m_lastHeard.restart();
    static constexpr int kChunk = 64 * 1024;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    enum class End { Eof, Cancelled, TimedOut, Lost } end = End::Eof;
    QString lostReason;
    auto pump = [&]() -> bool {
        const ChannelRead r = readChannel(ch, buffer, m_lastHeard, out, err, emitOut, emitErr);
        if (r.lost) {
            end = End::Lost;
            lostReason = lastError();
        }
        return r.progressed;
    };
    while (true) {
        const bool progressed = pump();
        if (end == End::Lost)
            break;
        if (libssh2_channel_eof(ch))
            break;
        const WaitVerdict wait = waitForMore(cancel, clock, timeoutMs, progressed, &lostReason);
        if (wait == WaitVerdict::Cancelled) {
            end = End::Cancelled;
            break;
        }
        if (wait == WaitVerdict::TimedOut) {
            end = End::TimedOut;
            break;
        }
        if (wait == WaitVerdict::Lost) {
            end = End::Lost;
            break;
        }
    }

    out.flush(emitOut);
    err.flush(emitErr);

    switch (end) {
    case End::Eof: {
        if (!closeChannel(ch, QDeadlineTimer(qMax(5000, m_options.connectTimeoutMs)))) {
            result.error = failure(Tr::tr("the connection was lost at the end of the command: %1").arg(lastError()));
            markLost();
            return result;
        }
        struct FreeAtEnd
        {
            SshSession* self;
            LIBSSH2_CHANNEL* ch;
            ~FreeAtEnd() { self->freeChannel(ch); }
        } freeAtEnd { this, ch };
        result.exitCode = libssh2_channel_get_exit_status(ch);
        char* sig = nullptr;
        size_t sigLen = 0;
        libssh2_channel_get_exit_signal(ch, &sig, &sigLen, nullptr, nullptr, nullptr, nullptr);
        if (sig) {
            result.signal = signalNumber(QString::fromLatin1(sig, qsizetype(sigLen)));
            result.exitCode = -1;
            result.error = failure(Tr::tr("ended by signal %1 (SIG%2)").arg(result.signal).arg(QString::fromLatin1(sig, qsizetype(sigLen))));
            libssh2_free(m_session, sig);
        }
        return result;
    }
    case End::Lost:
        markLost();
        result.error = failure(Tr::tr("the connection was lost while the command ran (%1); whether the command "
                                      "finished on the node is unknown")
                                   .arg(lostReason));
        return result;
    case End::Cancelled:
    case End::TimedOut: {
        // The group marker is the command's first line; when cancel came before it was read, wait for it.
        const QDeadlineTimer markerDeadline(3000);
        const End why = end;
        while (!markerSeen && end == why && !libssh2_channel_eof(ch) && !markerDeadline.hasExpired()) {
            if (!pump())
                waitSocket(50);
        }
        if (end == End::Lost) {
            markLost();
            result.error = failure(Tr::tr("the connection was lost while the command was being ended (%1)").arg(lostReason));
            return result;
        }
        end = why;
        out.flush(emitOut);
        err.flush(emitErr);
        const bool ended = pgid > 0 && endRemoteGroup(pgid);
        closeChannel(ch, QDeadlineTimer(2000));
        freeChannel(ch);
        QString what = end == End::Cancelled
            ? Tr::tr("cancelled")
            : Tr::tr("no result after %1 s; the command was ended").arg(timeoutMs / 1000.0, 0, 'f', 1);
        if (!ended)
            what += Tr::tr(" (it may still be running on the node: it could not be ended there)");
        result.cancelled = end == End::Cancelled;
        result.timedOut = end == End::TimedOut;
        result.error = failure(what);
        return result;
    }
    }
    return result;
}

} // namespace MogUp
