#include "SimClusterUtil.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>

namespace Sim {

QProcessEnvironment nodeEnvironment(const SandboxConfig& config, const SandboxNode& node,
    const QProcessEnvironment& base)
{
    QProcessEnvironment env = base;
    const QString path = env.value(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    // Like the env file: GAUSSHOME/bin first, then (OM installs) the OM tool directory.
    QString om;
    if (config.install == QLatin1String("om")) {
        env.insert(QStringLiteral("GPHOME"), omToolDir(node));
        om = omToolDir(node) + QStringLiteral("/script/gspylib/pssh/bin:") + omToolDir(node) + QStringLiteral("/script:");
    }
    env.insert(QStringLiteral("PATH"),
        node.gausshome + QStringLiteral("/bin:") + config.root + QStringLiteral("/bin:") + om + path);
    env.insert(QStringLiteral("GAUSSHOME"), node.gausshome);
    env.insert(QStringLiteral("PGDATA"), node.pgdata);
    env.insert(QStringLiteral("GAUSSLOG"), node.root + QStringLiteral("/log"));
    env.insert(QStringLiteral("LD_LIBRARY_PATH"),
        node.gausshome + QStringLiteral("/lib:") + env.value(QStringLiteral("LD_LIBRARY_PATH")));
    env.insert(QStringLiteral("MOGUP_SIM_NODE"), node.name);
    return env;
}

ToolRun runTool(const QString& program, const QStringList& args, const QProcessEnvironment& env,
    int timeoutMs, const QString& outputFile)
{
    ToolRun r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    if (outputFile.isEmpty()) {
        p.setProcessChannelMode(QProcess::MergedChannels);
    } else {
        p.setStandardOutputFile(outputFile, QIODevice::Append);
        p.setStandardErrorFile(outputFile, QIODevice::Append);
    }
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.output = p.errorString();
        return r;
    }
    r.started = true;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = QString::fromLocal8Bit(p.readAll());
        return r;
    }
    r.finished = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    if (outputFile.isEmpty())
        r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

qint64 postmasterPid(const QString& pgdata)
{
    QFile f(pgdata + QStringLiteral("/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return QString::fromLatin1(f.readLine()).trimmed().toLongLong();
}

bool databaseRunning(const QString& pgdata)
{
    const qint64 pid = postmasterPid(pgdata);
    return pid > 0 && processAlive(pid);
}

QString firstMatch(const QString& text, const QString& pattern)
{
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

void writeStdout(const QString& text)
{
    const QByteArray b = text.toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void writeStderr(const QString& text)
{
    const QByteArray b = text.toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

} // namespace Sim
