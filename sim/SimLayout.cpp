#include "SimLayout.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Sim {

const SandboxNode* SandboxConfig::node(const QString& name) const
{
    for (const SandboxNode& n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

const SandboxNode* SandboxConfig::nodeForPath(const QString& path) const
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (const SandboxNode& n : nodes) {
        const QString r = QDir::cleanPath(n.root);
        if (clean == r || clean.startsWith(r + QLatin1Char('/')))
            return &n;
    }
    return nullptr;
}

const SandboxNode* SandboxConfig::nodeForHost(const QString& host) const
{
    const SandboxNode* found = nullptr;
    for (const SandboxNode& n : nodes) {
        if (n.host == host) {
            if (found)
                return nullptr; // ambiguous (local transport: every node on 127.0.0.1)
            found = &n;
        }
    }
    return found;
}

QJsonObject SandboxConfig::toJson() const
{
    QJsonArray arr;
    for (const SandboxNode& n : nodes) {
        arr.append(QJsonObject { { QStringLiteral("name"), n.name }, { QStringLiteral("host"), n.host },
            { QStringLiteral("db_port"), n.dbPort }, { QStringLiteral("root"), n.root },
            { QStringLiteral("gausshome"), n.gausshome }, { QStringLiteral("pgdata"), n.pgdata },
            { QStringLiteral("initial_role"), n.initialRole }, { QStringLiteral("instance_id"), n.instanceId } });
    }
    return QJsonObject { { QStringLiteral("format"), 1 }, { QStringLiteral("speed"), speed },
        { QStringLiteral("install"), install }, { QStringLiteral("mogha"), mogha },
        { QStringLiteral("db_user"), dbUser }, { QStringLiteral("nodes"), arr } };
}

bool SandboxConfig::load(const QString& root, SandboxConfig* out, QString* error)
{
    QFile f(root + QStringLiteral("/sandbox.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 is not valid JSON: %2").arg(f.fileName(), pe.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    SandboxConfig c;
    c.root = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    c.speed = o.value(QStringLiteral("speed")).toDouble(1.0);
    c.install = o.value(QStringLiteral("install")).toString();
    c.mogha = o.value(QStringLiteral("mogha")).toBool();
    c.dbUser = o.value(QStringLiteral("db_user")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject no = v.toObject();
        SandboxNode n;
        n.name = no.value(QStringLiteral("name")).toString();
        n.host = no.value(QStringLiteral("host")).toString();
        n.dbPort = no.value(QStringLiteral("db_port")).toInt();
        n.root = no.value(QStringLiteral("root")).toString();
        n.gausshome = no.value(QStringLiteral("gausshome")).toString();
        n.pgdata = no.value(QStringLiteral("pgdata")).toString();
        n.initialRole = no.value(QStringLiteral("initial_role")).toString();
        n.instanceId = no.value(QStringLiteral("instance_id")).toInt();
        c.nodes.append(n);
    }
    *out = c;
    return true;
}

bool SandboxConfig::save(QString* error) const
{
    QSaveFile f(root + QStringLiteral("/sandbox.json"));
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    f.write(QJsonDocument(toJson()).toJson());
    if (!f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

QString findSandboxRoot(const QString& path)
{
    if (!path.isEmpty()) {
        QDir dir(QFileInfo(path).isDir() ? path : QFileInfo(path).absolutePath());
        dir.makeAbsolute();
        while (true) {
            if (QFileInfo::exists(dir.filePath(QStringLiteral("sandbox.json"))))
                return QDir::cleanPath(dir.absolutePath());
            if (!dir.cdUp())
                break;
        }
    }
    const QString env = qEnvironmentVariable("MOGUP_SANDBOX");
    if (!env.isEmpty() && QFileInfo::exists(env + QStringLiteral("/sandbox.json")))
        return QDir::cleanPath(env);
    return {};
}

QString programPath(const char* argv0)
{
    const QString a = QString::fromLocal8Bit(argv0);
    if (a.contains(QLatin1Char('/')))
        return QDir::cleanPath(QFileInfo(a).absoluteFilePath());
    // Found through PATH: search it the way the shell did, keeping the name (not the symlink target).
    const QStringList dirs = qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString& d : dirs) {
        const QFileInfo fi(d + QLatin1Char('/') + a);
        if (fi.isFile() && fi.isExecutable())
            return QDir::cleanPath(fi.absoluteFilePath());
    }
    return a;
}

static QString g_programPath;

QString sandboxRootOfThisProgram()
{
    return findSandboxRoot(g_programPath.isEmpty() ? QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))
                                                   : g_programPath);
}

QString currentNodeName(const SandboxConfig& config, const QString& hintPath)
{
    const QString env = qEnvironmentVariable("MOGUP_SIM_NODE");
    if (!env.isEmpty() && config.node(env))
        return env;
    const QStringList ssh = qEnvironmentVariable("SSH_CONNECTION").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (ssh.size() >= 3) {
        if (const SandboxNode* n = config.nodeForHost(ssh.at(2)))
            return n->name;
    }
    if (!g_programPath.isEmpty()) {
        if (const SandboxNode* n = config.nodeForPath(g_programPath))
            return n->name;
    }
    if (!hintPath.isEmpty()) {
        if (const SandboxNode* n = config.nodeForPath(hintPath))
            return n->name;
    }
    return {};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 spawnDetached(const QString& program, const QStringList& args, const QString& logFile,
    const QString& workDir, QString* error)
{
    // Double fork so the daemon is re-parented to init and never becomes our zombie; a pipe reports
    // the grandchild's pid (or the exec error) back.
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const QByteArray prog = QFile::encodeName(program);
    QList<QByteArray> argBytes;
    argBytes.append(prog);
    for (const QString& a : args)
        argBytes.append(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& b : argBytes)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    const QByteArray log = QFile::encodeName(logFile);
    const QByteArray wd = QFile::encodeName(workDir);

    const pid_t child = fork();
    if (child < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(pipefd[0]);
        ::close(pipefd[1]);
        return -1;
    }
    if (child == 0) {
        ::close(pipefd[0]);
        setsid();
        const pid_t grandchild = fork();
        if (grandchild != 0) {
            qint64 pid = grandchild;
            if (grandchild < 0)
                pid = -errno;
            (void)!::write(pipefd[1], &pid, sizeof pid);
            _exit(0);
        }
        const int devnull = ::open("/dev/null", O_RDONLY);
        const int out = ::open(log.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (devnull >= 0)
            dup2(devnull, 0);
        if (out >= 0) {
            dup2(out, 1);
            dup2(out, 2);
        }
        // Close every other descriptor, so the daemon never holds a caller's pipe open.
        for (int fd = 3; fd < 1024; ++fd) {
            if (fd != pipefd[1])
                ::close(fd);
        }
        if (!wd.isEmpty() && chdir(wd.constData()) != 0) {
            // keep going in the current directory
        }
        signal(SIGHUP, SIG_IGN);
        execv(argv[0], argv.data());
        const qint64 fail = -errno;
        (void)!::write(pipefd[1], &fail, sizeof fail);
        _exit(127);
    }
    ::close(pipefd[1]);
    qint64 pid = 0;
    qint64 value = 0;
    if (::read(pipefd[0], &pid, sizeof pid) != sizeof pid)
        pid = -EIO;
    // A second value arrives only if exec failed (the pipe is CLOEXEC, so success closes it).
    if (pid > 0 && ::read(pipefd[0], &value, sizeof value) == sizeof value && value < 0)
        pid = value;
    ::close(pipefd[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (pid <= 0) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(int(-pid))));
        return -1;
    }
    return pid;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const int close = s.lastIndexOf(')');
    if (close < 0 || close + 2 >= s.size())
        return true;
    const char state = s.at(close + 2);
    return state != 'Z' && state != 'X';
}

// Called by main() through a static initialiser-free hook: remembers how the program was called.
void setProgramPath(const QString& path)
{
    g_programPath = path;
}

} // namespace Sim
