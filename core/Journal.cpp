#include "Journal.h"

#include "Tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>
#include <QStandardPaths>

namespace MogUp {

namespace {

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool writeJsonFile(const QString& path, const QJsonObject& o, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = Tr::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        *error = Tr::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

Journal::Journal(QObject* parent)
    : QObject(parent)
{
}

Journal::~Journal() = default;

QString Journal::defaultRunDir(const QString& profileName, UpgradeMode mode)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share/mogup");
    QString safeName = profileName;
    for (QChar& c : safeName) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    return base + QStringLiteral("/runs/") + stamp + QLatin1Char('-') + safeName + QLatin1Char('-') + upgradeModeName(mode);
}

QString Journal::undoRunDir(const QString& runDir)
{
    // Milliseconds: a second attempt at the way back right after a failed one gets its own directory.
    return runDir + QStringLiteral("/undo-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
}

QStringList Journal::startedStepIds(const QString& runDir, QString* lastResult)
{
    QStringList ran;
    QFile file(runDir + QStringLiteral("/journal.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        return ran;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const QString event = e.value(QStringLiteral("event")).toString();
        if (event == QStringLiteral("step-start"))
            ran << e.value(QStringLiteral("step")).toString();
        else if (event == QStringLiteral("run-end") && lastResult)
            *lastResult = e.value(QStringLiteral("result")).toString();
    }
    return ran;
}

QList<StepOutcome> Journal::stepOutcomes(const QString& runDir, QString* lastResult)
{
    QList<StepOutcome> outcomes;
    QFile file(runDir + QStringLiteral("/journal.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        return outcomes;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const QString event = e.value(QStringLiteral("event")).toString();
        const QString step = e.value(QStringLiteral("step")).toString();
        if (event == QStringLiteral("step-start")) {
            outcomes.append(StepOutcome { step, StepOutcome::End::Unknown });
        } else if (event == QStringLiteral("step-end")) {
            // The end belongs to the latest start of that step that has none yet.
            for (auto it = outcomes.rbegin(); it != outcomes.rend(); ++it) {
                if (it->stepId == step && it->end == StepOutcome::End::Unknown) {
                    it->end = e.value(QStringLiteral("status")).toString() == stepStatusName(StepStatus::Ok)
                        ? StepOutcome::End::Ok
                        : StepOutcome::End::Failed;
                    break;
                }
            }
        } else if (event == QStringLiteral("run-end") && lastResult) {
            *lastResult = e.value(QStringLiteral("result")).toString();
        }
    }
    return outcomes;
}

bool Journal::open(const QString& runDir, const ClusterProfile& profile, const Plan& plan, QString* error)
{
    QDir dir(runDir);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = Tr::tr("cannot create the run directory %1").arg(runDir);
        return false;
    }
    if (dir.exists(QStringLiteral("journal.jsonl"))) {
        *error = Tr::tr("%1 already holds a run; choose an empty directory so no record is overwritten").arg(runDir);
        return false;
    }
    m_dir = dir.absolutePath();
    if (!writeJsonFile(dir.filePath(QStringLiteral("profile.json")), profile.toJson(), error))
        return false;
    if (!writeJsonFile(dir.filePath(QStringLiteral("plan.json")), plan.toJson(), error))
        return false;
    m_journal.setFileName(dir.filePath(QStringLiteral("journal.jsonl")));
    m_log.setFileName(dir.filePath(QStringLiteral("log.txt")));
    if (!m_journal.open(QIODevice::WriteOnly | QIODevice::Append) || !m_log.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = Tr::tr("cannot write in %1: %2").arg(runDir, m_journal.errorString());
        return false;
    }
    return true;
}

void Journal::writeEvent(const QString& event, QJsonObject fields)
{
    QMutexLocker lock(&m_mutex);
    QJsonObject o;
    o.insert(QStringLiteral("t"), isoNow());
    o.insert(QStringLiteral("event"), event);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it.value());
    m_journal.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    m_journal.flush();
}

void Journal::writeLine(const OutputLine& line)
{
    QMutexLocker lock(&m_mutex);
    const QString text = line.time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + line.node
        + (line.stream == OutputStream::Stderr ? QStringLiteral(" err | ") : QStringLiteral(" out | ")) + line.text
        + QLatin1Char('\n');
    m_log.write(text.toUtf8());
    // Flushed per line: the log is the evidence if the machine running MogUp dies mid-run.
    m_log.flush();
}

void Journal::attach(Runner* runner)
{
    connect(
        runner, &Runner::runStarted, this,
        [this, runner](int total) {
            writeEvent(QStringLiteral("run-start"),
                { { QStringLiteral("mode"), upgradeModeName(runner->plan().mode) },
                    { QStringLiteral("profile"), runner->profile().name }, { QStringLiteral("steps"), total },
                    { QStringLiteral("first_step"), runner->firstStep() },
                    { QStringLiteral("from"), runner->plan().fromVersion }, { QStringLiteral("to"), runner->plan().toVersion } });
        },
        Qt::DirectConnection);
    connect(
        runner, &Runner::stepStarted, this,
        [this](int index, const Step& step) {
            writeEvent(QStringLiteral("step-start"),
                { { QStringLiteral("index"), index }, { QStringLiteral("step"), step.id },
                    { QStringLiteral("kind"), stepKindName(step.kind) }, { QStringLiteral("node"), step.node },
                    { QStringLiteral("command"), step.command } });
        },
        Qt::DirectConnection);
    connect(runner, &Runner::outputLine, this, [this](const OutputLine& line) { writeLine(line); }, Qt::DirectConnection);
    connect(
        runner, &Runner::checkProgress, this,
        [this, runner](int index, const QString& text) {
            writeEvent(QStringLiteral("check"),
                { { QStringLiteral("index"), index }, { QStringLiteral("step"), runner->plan().steps.at(index).id },
                    { QStringLiteral("node"), runner->plan().steps.at(index).node }, { QStringLiteral("detail"), text } });
        },
        Qt::DirectConnection);
    connect(
        runner, &Runner::stepFinished, this,
        [this](int index, const StepResult& r) {
            writeEvent(QStringLiteral("step-end"),
                { { QStringLiteral("index"), index }, { QStringLiteral("step"), r.stepId }, { QStringLiteral("node"), r.node },
                    { QStringLiteral("status"), stepStatusName(r.status) }, { QStringLiteral("exit"), r.exitCode },
                    { QStringLiteral("check"), r.checkPassed ? QStringLiteral("ok") : QStringLiteral("failed") },
                    { QStringLiteral("detail"), r.message }, { QStringLiteral("ms"), r.ms } });
        },
        Qt::DirectConnection);
    connect(
        runner, &Runner::finished, this,
        [this](const RunResult& r) {
            QJsonArray nodes;
            for (const NodeStatus& n : r.nodes) {
                QJsonObject o = n.toJson();
                o.insert(QStringLiteral("installed_version"), n.installedVersion);
                o.insert(QStringLiteral("backup"), n.backupPresent);
                nodes.append(o);
            }
            QJsonArray back;
            for (const Step& s : r.wayBack)
                back.append(QJsonObject { { QStringLiteral("step"), s.id }, { QStringLiteral("node"), s.node },
                    { QStringLiteral("undo"), s.undoCommand } });
            writeEvent(QStringLiteral("run-end"),
                { { QStringLiteral("result"), r.ok ? QStringLiteral("ok") : (r.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed")) },
                    { QStringLiteral("steps_done"), r.stepsDone }, { QStringLiteral("steps_total"), r.stepsTotal },
                    { QStringLiteral("failed_step"), r.failedStepId }, { QStringLiteral("failed_node"), r.failedNode },
                    { QStringLiteral("message"), r.message }, { QStringLiteral("nodes"), nodes },
                    { QStringLiteral("way_back"), back } });
        },
        Qt::DirectConnection);
}

} // namespace MogUp
