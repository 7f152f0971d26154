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

bool isCi()
{
    const QString ci = qEnvironmentVariable("CI").trimmed().toLower();
    return ci == QLatin1String("true") || ci == QLatin1String("1") || ci == QLatin1String("yes");
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

bool waitForSignal(QSignalSpy& spy, int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (spy.size() < count && !deadline.hasExpired())
        spy.wait(int(qBound(qint64(1), deadline.remainingTime(), qint64(1000))));
    return spy.size() >= count;
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

void cleanUpWhenThisProcessEnds(const QString& shellCommand, const QMap<QString, QString>& env)
{
    QProcess watchdog;
    watchdog.setProgram(QStringLiteral("/bin/sh"));
    watchdog.setArguments({ QStringLiteral("-c"),
        QStringLiteral("while kill -0 \"$MOGUP_WATCH_PID\" 2>/dev/null; do sleep 1; done; ") + shellCommand });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MOGUP_WATCH_PID"), QString::number(QCoreApplication::applicationPid()));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    watchdog.setProcessEnvironment(environment);
    watchdog.setWorkingDirectory(QStringLiteral("/"));
    watchdog.setStandardInputFile(QProcess::nullDevice());
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    watchdog.startDetached();
}

Sandbox::Sandbox(Sim::SandboxOptions options)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    // Stopped by the destructor; by the watchdog if the test crashes first.
    cleanUpWhenThisProcessEnds(QStringLiteral("\"$MOGUP_WATCH_CLI\" demo stop \"$MOGUP_WATCH_DIR\" >/dev/null 2>&1; "
                                              "rm -rf \"$MOGUP_WATCH_DIR\""),
        { { QStringLiteral("MOGUP_WATCH_CLI"), binDir() + QStringLiteral("/mogup-cli") },
            { QStringLiteral("MOGUP_WATCH_DIR"), m_dir.path() } });
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

QList<qint64> Sandbox::toolProcesses(const QString& tool, const QString& args) const
{
    QList<qint64> found;
    // sandboxProcesses() leaves out zombies: a process that was killed counts as gone.
    for (qint64 pid : Sim::SandboxBuilder::sandboxProcesses(dir())) {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QList<QByteArray> argv = f.readAll().split('\0');
        if (!argv.isEmpty() && argv.last().isEmpty())
            argv.removeLast();
        if (argv.isEmpty())
            continue;
        const QString name = QString::fromLocal8Bit(argv.takeFirst());
        if (name.section(QLatin1Char('/'), -1) != tool)
            continue;
        QStringList rest;
        for (const QByteArray& a : std::as_const(argv))
            rest << QString::fromLocal8Bit(a);
        if (rest.join(QLatin1Char(' ')).contains(args))
            found << pid;
    }
    return found;
}

} // namespace TestSupport

#include "Journal.h"
#include "LocalExecutor.h"

#include <QSignalSpy>

namespace TestSupport {

UpgradeRun runUpgrade(const QString& profilePath, const MogUp::PlannerOptions& options, const QString& runDir,
    const std::function<void(MogUp::ClusterProfile&)>& edit)
{
    UpgradeRun run;
    run.runDir = runDir;
    MogUp::ClusterProfile profile;
    QList<MogUp::ProfileError> errors;
    if (!MogUp::ClusterProfile::load(profilePath, &profile, &errors)) {
        run.error = errors.value(0).toString();
        return run;
    }
    if (edit)
        edit(profile);
    if (!MogUp::Planner::build(profile, options, &run.plan, &run.error))
        return run;
    run.planned = true;
    auto executor = std::make_shared<MogUp::LocalExecutor>(profile);
    MogUp::Runner runner(profile, run.plan, executor);
    MogUp::Journal journal;
    if (!journal.open(runDir, profile, run.plan, &run.error)) {
        run.planned = false;
        return run;
    }
    journal.attach(&runner);
    QSignalSpy finished(&runner, &MogUp::Runner::finished);
    runner.start();
    // The plan's own timeouts bound the run; this is a backstop against a hung test.
    if (!waitForSignal(finished, 1, 600000)) {
        runner.cancel();
        waitForSignal(finished, 1, 60000);
    }
    runner.wait();
    if (!finished.isEmpty())
        run.result = finished.first().first().value<MogUp::RunResult>();
    return run;
}

QList<QJsonObject> readJournal(const QString& runDir)
{
    QList<QJsonObject> events;
    const QStringList lines = readFile(runDir + QStringLiteral("/journal.jsonl")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        events << QJsonDocument::fromJson(line.toUtf8()).object();
    return events;
}

} // namespace TestSupport
