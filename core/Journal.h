#pragma once

#include "Plan.h"
#include "Profile.h"
#include "Runner.h"
#include "WayBackPlanner.h"

#include <QFile>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

namespace MogUp {

// The run directory: the single record of a run (architecture.md). Written as things happen:
//   profile.json  the profile as run (a profile holds no secrets)
//   plan.json     the plan as built, every command
//   journal.jsonl one JSON object per event, appended and flushed at once
//   log.txt       every output line: time, node, stream, text
class Journal : public QObject
{
    Q_OBJECT
public:
    explicit Journal(QObject* parent = nullptr);
    ~Journal() override;

    // A new directory under the user's data directory: <data>/runs/<UTC time>-<profile>-<mode>.
    static QString defaultRunDir(const QString& profileName, UpgradeMode mode);

    // Where the way back of the run in `runDir` keeps its own record: RUN/undo-<UTC time> (inside the run
    // it takes back, so the run directory stays the single record; its journal is not read as the run's).
    static QString undoRunDir(const QString& runDir);
    // The ids of the steps that started in the run recorded in `runDir`, in run order, every attempt
    // included (a retried step appears once per attempt): what WayBackPlanner::build takes. `lastResult`
    // gets the result of the last run-end event ("ok", "failed", "cancelled"; empty if none).
    static QStringList startedStepIds(const QString& runDir, QString* lastResult = nullptr);
    // Every attempt at a step in the run recorded in `runDir`, in run order, with how it ended (a start
    // without an end: Unknown, MogUp stopped meanwhile): what WayBackPlanner::build takes to undo only
    // what had an effect. `lastResult` as for startedStepIds.
    static QList<StepOutcome> stepOutcomes(const QString& runDir, QString* lastResult = nullptr);

    bool open(const QString& runDir, const ClusterProfile& profile, const Plan& plan, QString* error);
    QString runDir() const { return m_dir; }
    // Connects to every runner signal with Qt::DirectConnection: written in the worker thread, in order,
    // before anyone else hears of the event.
    void attach(Runner* runner);

    void writeEvent(const QString& event, QJsonObject fields);
    void writeLine(const OutputLine& line);

private:
    QString m_dir;
    QFile m_journal;
    QFile m_log;
    QMutex m_mutex;
};

} // namespace MogUp
