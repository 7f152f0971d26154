#pragma once

#include "ClusterStatusProbe.h"
#include "Executor.h"
#include "MemorySampler.h"
#include "Planner.h"
#include "Prechecks.h"
#include "Profile.h"
#include "Runner.h"
#include "Tr.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

class QCommandLineParser;
class QSocketNotifier;

namespace MogUp {

class Journal;

// Where a command reads and writes: mogup-cli's terminal, or strings in a test (the commands run
// in-process, tests/tst_cli_commands). `interactive`: a person can answer questions on `in`.
struct CliIo
{
    QTextStream& out;
    QTextStream& err;
    QTextStream& in;
    bool interactive = false;
};

// Parsing and printing shared by the commands.
namespace CliSupport {
bool loadProfile(const QString& path, ClusterProfile* profile, QTextStream& err);
bool parseMode(const QString& text, UpgradeMode* mode, QTextStream& err);
void printPlan(const Plan& plan, const ClusterProfile& profile, QTextStream& out);
void printStatusTable(const QList<NodeStatus>& nodes, QTextStream& out);
void printPrechecks(const PrecheckReport& report, QTextStream& out);
QString yesNo(bool b);
// Pads to a terminal width (CJK characters take two columns).
QString pad(const QString& s, int width);
std::shared_ptr<Executor> makeExecutor(const ClusterProfile& profile, QString* error);
} // namespace CliSupport

// One mogup-cli command (KeePassXC's src/cli/Command): parses its own options and returns the exit code:
// 0 success, 1 the operation failed (the output says where and what to do), 2 bad usage or profile.
class Command
{
public:
    explicit Command(CliIo& io);
    virtual ~Command();
    virtual QString name() const = 0;
    // `args`: the command's name first, then its options.
    virtual int execute(const QStringList& args) = 0;

protected:
    struct CommandContext
    {
        ClusterProfile profile;
        PlannerOptions options;
        std::shared_ptr<Executor> executor;
        QString executorError;
    };
    // What plan, status, precheck, upgrade and monitor start with: options parsed, the profile loaded and
    // validated, the mode read, an executor for the profile's transport. False (with the exit code) on any
    // problem.
    bool prepare(QCommandLineParser& p, const QStringList& args, const QString& command, bool withMode,
        CommandContext* ctx, int* exitCode);
    // Every node reachable and logged in (SSH), before anything is read or run.
    bool requireExecutor(const CommandContext& ctx, const QString& command);
    // Prints a run's steps, output and results as they come (Source: Runner or UpgradeSession).
    template <typename Source>
    void printLive(Source* source, QObject* context, std::function<int()> totalSteps);
    // Ctrl-C / SIGTERM call `cancel` (through a self-pipe, on the event loop), until endInterrupt().
    void onInterrupt(QObject* context, std::function<void()> cancel);
    void endInterrupt();
    // One line per memory sample: time, node, role, bytes in use and total, human sizes, or why it failed.
    void printSample(const MemorySample& sample);
    // Runs a plan on the runner's worker thread, printing the live log; Ctrl-C cancels.
    RunResult runWithLiveLog(const ClusterProfile& profile, const Plan& plan, const std::shared_ptr<Executor>& executor,
        Journal* journal, bool skipStepsAlreadyDone = false);

    CliIo& m_io;
    QTextStream& m_out;
    QTextStream& m_err;

private:
    std::unique_ptr<QSocketNotifier> m_interrupt;
};

template <typename Source>
inline void Command::printLive(Source* source, QObject* context, std::function<int()> totalSteps)
{
    QObject::connect(source, &Source::stepStarted, context, [this, totalSteps](int i, const Step& s) {
        m_out << QStringLiteral("==> [%1/%2] %3 (%4)").arg(i + 1).arg(totalSteps()).arg(s.title(), s.node) << Qt::endl;
        m_out << QStringLiteral("    $ ") << s.command << Qt::endl;
    });
    QObject::connect(source, &Source::outputLine, context, [this](const OutputLine& l) {
        m_out << QStringLiteral("[") << l.node << (l.stream == OutputStream::Stderr ? QStringLiteral(" stderr] ") : QStringLiteral("] "))
              << l.text << Qt::endl;
    });
    // Upload progress: one line per node at most every second, and when a node finishes.
    auto lastShown = std::make_shared<QHash<QString, qint64>>();
    auto progressClock = std::make_shared<QElapsedTimer>();
    progressClock->start();
    QObject::connect(source, &Source::transferProgress, context, [this, lastShown, progressClock](int, const TransferProgress& t) {
        const qint64 now = progressClock->elapsed();
        if (t.done < t.total && now - lastShown->value(t.node, -10000) < 1000)
            return;
        (*lastShown)[t.node] = now;
        const QString left = t.secondsLeft >= 0 ? Tr::tr(", %1 s left").arg(t.secondsLeft) : QString();
        m_out << QStringLiteral("[") << t.node << QStringLiteral("] ")
              << Tr::tr("upload %1% (%2 of %3 MiB, %4 MiB/s%5)")
                     .arg(t.total > 0 ? int(t.done * 100 / t.total) : 100)
                     .arg(t.done / 1048576.0, 0, 'f', 1)
                     .arg(t.total / 1048576.0, 0, 'f', 1)
                     .arg(t.bytesPerSecond / 1048576.0, 0, 'f', 1)
                     .arg(left)
              << Qt::endl;
    });
    QObject::connect(source, &Source::checkProgress, context, [this](int, const QString& text) {
        m_out << QStringLiteral("    ... ") << text << Qt::endl;
    });
    QObject::connect(source, &Source::stepFinished, context, [this](int, const StepResult& r) {
        if (r.status == StepStatus::Ok)
            m_out << QStringLiteral("    ") << Tr::tr("ok in %1 s: %2").arg(r.ms / 1000.0, 0, 'f', 1).arg(r.message) << Qt::endl;
        else
            m_out << QStringLiteral("    ") << Tr::tr("FAILED after %1 s: %2").arg(r.ms / 1000.0, 0, 'f', 1).arg(r.message)
                  << Qt::endl;
    });
}

} // namespace MogUp
