#pragma once

#include "Plan.h"
#include "Profile.h"
#include "Runner.h"

#include <QFile>
#include <QMutex>
#include <QObject>
#include <QString>

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
