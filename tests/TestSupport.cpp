#include "TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

namespace TestSupport {

QString binDir()
{
    const QString env = qEnvironmentVariable("MOGUP_SIM_BIN_DIR");
    if (!env.isEmpty())
        return env;
    return QStringLiteral(MOGUP_BIN_DIR);
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(50);
    }
}

ProcessResult run(const QString& program, const QStringList& args, int timeoutMs,
    const QProcessEnvironment& env, const QString& workDir)
{
    ProcessResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    r.finished = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

ProcessResult sh(const QString& command, int timeoutMs, const QProcessEnvironment& env)
{
    return run(QStringLiteral("/bin/bash"), { QStringLiteral("-c"), command }, timeoutMs, env);
}

QString readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

Sandbox::Sandbox(Sim::SandboxOptions options)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    options.dir = m_dir.path();
    if (options.simBinDir.isEmpty())
        options.simBinDir = binDir();
    m_ok = Sim::SandboxBuilder::init(options, &m_config, &m_error);
}

Sandbox::~Sandbox()
{
    QString error;
    Sim::SandboxBuilder::stop(m_dir.path(), &error);
}

QProcessEnvironment Sandbox::nodeEnv(const QString& node) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), dir() + QStringLiteral("/bin:") + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("MOGUP_SIM_NODE"), node);
    return env;
}

void Sandbox::addFault(const QString& node, const QString& tool, const QString& args, const QString& action,
    int times)
{
    const QString path = dir() + QStringLiteral("/faults.json");
    QJsonArray rules = QJsonDocument::fromJson(readFile(path).toUtf8()).array();
    rules.append(QJsonObject { { QStringLiteral("node"), node }, { QStringLiteral("tool"), tool },
        { QStringLiteral("args"), args }, { QStringLiteral("action"), action }, { QStringLiteral("times"), times } });
    writeFile(path, QJsonDocument(rules).toJson());
}

} // namespace TestSupport
