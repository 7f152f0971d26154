#pragma once

#include <QProcessEnvironment>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "SandboxBuilder.h"

#include <QJsonObject>
#include <QtTest>

#include <functional>
#include <memory>

namespace TestSupport {

// Where the built programs are (mogup-cli, mogdb-sim-*).
QString binDir();

// CI sets CI=true. There every precondition of every test is met (scripts/setup.sh installs the
// packages, the tests run as root), so a test that would skip there has lost its precondition: a failure.
bool isCi();

// Polls `condition` every 50 ms until it holds or `timeoutMs` passes (waits on a condition with a
// deadline, never a fixed sleep). Returns whether it held.
bool waitFor(const std::function<bool()>& condition, int timeoutMs);

// Waits until `spy` has recorded at least `count` emissions (a hang guard of `timeoutMs`, not a speed
// bound). QSignalSpy::wait() alone waits for a NEW emission: a signal sent from a worker thread before the
// test reached wait() (a busy machine deschedules the test right after start()) would be missed.
bool waitForSignal(QSignalSpy& spy, int count = 1, int timeoutMs = 300000);

struct ProcessResult
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};
// Runs a program to completion (killed after timeoutMs) with optional extra environment.
ProcessResult run(const QString& program, const QStringList& args, int timeoutMs = 60000,
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(), const QString& workDir = {});
// Runs `bash -c command`.
ProcessResult sh(const QString& command, int timeoutMs = 60000,
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

// A test that crashes never runs its destructors, and the background processes it started (a sandbox's
// databases, an sshd) would outlive it. This starts a detached watchdog (sh, its output to /dev/null, cwd /)
// that waits until this test process has ended, however it ended, and then runs `shellCommand` with the
// variables of `env` set: a clean-up that is harmless when the test already cleaned up. The command sees
// its arguments through the environment, so its own command line names none of the test's paths (a
// clean-up that finds processes by path does not find the watchdog).
void cleanUpWhenThisProcessEnds(const QString& shellCommand, const QMap<QString, QString>& env);

QString readFile(const QString& path);
bool writeFile(const QString& path, const QByteArray& data);

// A sandbox in a temporary directory, built with SandboxBuilder, stopped (every process ended)
// when it goes out of scope, also when the test fails. dir in the options is ignored.
class Sandbox
{
public:
    explicit Sandbox(Sim::SandboxOptions options = {});
    ~Sandbox();
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    QString profile() const { return m_dir.path() + QStringLiteral("/profile.json"); }
    const Sim::SandboxConfig& config() const { return m_config; }
    // Environment for running a command "on" a node the way LocalExecutor does.
    QProcessEnvironment nodeEnv(const QString& node) const;
    // Adds a fault rule to DIR/faults.json.
    void addFault(const QString& node, const QString& tool, const QString& args, const QString& action,
        int times = 1);
    // Live processes of this sandbox called as `tool` (its argv[0], e.g. a shim "mv") whose arguments,
    // joined with single spaces, contain `args`: e.g. the one a "hang" fault holds.
    QList<qint64> toolProcesses(const QString& tool, const QString& args = {}) const;

private:
    QTemporaryDir m_dir;
    Sim::SandboxConfig m_config;
    bool m_ok = false;
    QString m_error;
};

} // namespace TestSupport

// QSKIP outside CI, QFAIL (with the same reason) under CI=true: a missing precondition there must not
// pass unnoticed as a skip. `reason` is a QString. Like QSKIP, it returns from the test function.
#define MOGUP_SKIP_OR_FAIL(reason)                                                                           \
    do {                                                                                                     \
        const QByteArray mogupSkipReason_ = QString(reason).toLocal8Bit();                                   \
        if (TestSupport::isCi())                                                                             \
            QFAIL(QByteArray("precondition missing under CI=true: " + mogupSkipReason_).constData());        \
        QSKIP(mogupSkipReason_.constData());                                                                 \
    } while (false)

#include "Plan.h"
#include "Planner.h"
#include "Profile.h"
#include "Runner.h"

namespace TestSupport {

// Plans and runs an upgrade of a sandbox in-process (Runner + Journal in `runDir`), waiting on the
// runner's finished signal. `edit` may change the loaded profile before planning.
struct UpgradeRun
{
    bool planned = false;
    QString error;
    MogUp::Plan plan;
    MogUp::RunResult result;
    QString runDir;
};
UpgradeRun runUpgrade(const QString& profilePath, const MogUp::PlannerOptions& options, const QString& runDir,
    const std::function<void(MogUp::ClusterProfile&)>& edit = {});

// journal.jsonl as JSON objects.
QList<QJsonObject> readJournal(const QString& runDir);

} // namespace TestSupport
