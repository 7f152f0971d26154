#include "CliInteraction.h"

#include "Tr.h"

#include <QFile>
#include <QMutexLocker>
#include <QTextStream>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace MogUp {

namespace {

// Reads one line from the controlling terminal; without echo for secrets. Empty optional: no terminal.
std::optional<QString> askTerminal(const QString& prompt, bool echo)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const QByteArray p = prompt.toUtf8();
    (void)!::write(fd, p.constData(), size_t(p.size()));
    termios saved {};
    const bool isTerm = ::tcgetattr(fd, &saved) == 0;
    if (isTerm && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.append(c);
    if (isTerm && !echo) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        (void)!::write(fd, "\n", 1);
    }
    ::close(fd);
    const QString answer = QString::fromUtf8(line);
    line.fill('\0'); // do not leave the secret in freed memory
    return answer;
}

QString envFor(SecretRequest::Kind kind)
{
    switch (kind) {
    case SecretRequest::Kind::Password:
    case SecretRequest::Kind::KeyboardInteractive:
        return QStringLiteral("MOGUP_SSH_PASSWORD");
    case SecretRequest::Kind::KeyPassphrase:
        return QStringLiteral("MOGUP_SSH_PASSPHRASE");
    case SecretRequest::Kind::SudoPassword:
        return QStringLiteral("MOGUP_SUDO_PASSWORD");
    }
    return {};
}

} // namespace

std::optional<QString> CliInteraction::secret(const SecretRequest& request)
{
    QMutexLocker lock(&m_mutex);
    const QString var = envFor(request.kind);
    if (qEnvironmentVariableIsSet(var.toLatin1().constData())) {
        // The environment gives one answer; asking again would only repeat a wrong one.
        if (request.retry)
            return std::nullopt;
        return qEnvironmentVariable(var.toLatin1().constData());
    }
    QString prompt;
    switch (request.kind) {
    case SecretRequest::Kind::Password:
        prompt = Tr::tr("Password for %1@%2 (%3): ").arg(request.user, request.host, request.node);
        break;
    case SecretRequest::Kind::KeyboardInteractive:
        prompt = Tr::tr("%1@%2 (%3) asks: %4").arg(request.user, request.host, request.node, request.prompt.trimmed())
            + QLatin1Char(' ');
        break;
    case SecretRequest::Kind::KeyPassphrase:
        prompt = Tr::tr("Passphrase for the key %1 (%2): ").arg(request.prompt, request.node);
        break;
    case SecretRequest::Kind::SudoPassword:
        prompt = Tr::tr("sudo password of %1 on %2 (%3): ").arg(request.user, request.host, request.node);
        break;
    }
    if (request.retry)
        prompt = Tr::tr("That was not accepted. ") + prompt;
    return askTerminal(prompt, false);
}

bool CliInteraction::acceptHostKey(const HostKeyInfo& key)
{
    QMutexLocker lock(&m_mutex);
    const QString question
        = Tr::tr("The authenticity of host %1 (node %2, port %3) can't be established.\n"
                 "%4 key fingerprint is %5.\n"
                 "Compare it with the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).\n"
                 "Trust this key and add it to %6? Type \"yes\" to trust it: ")
              .arg(key.host, key.node)
              .arg(key.port)
              .arg(key.keyType, key.fingerprint, key.knownHostsFile);
    const std::optional<QString> answer = askTerminal(question, true);
    return answer && answer->trimmed() == QStringLiteral("yes");
}

} // namespace MogUp
