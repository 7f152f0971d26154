#pragma once

#include "Executor.h"
#include "Planner.h"
#include "Profile.h"
#include "Runner.h"

#include <QStringList>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace MogUp {
class Journal;
}

namespace MogUp {

// The sub-commands of mogup-cli: demo init|stop, plan, upgrade, status. Each returns the exit code:
// 0 success, 1 the operation failed (the output says where and what to do), 2 bad usage or profile.
class CliCommands
{
public:
    CliCommands();
    int run(const QStringList& arguments);

private:
    int demo(const QStringList& args);
    int plan(const QStringList& args);
    int upgrade(const QStringList& args);
    int status(const QStringList& args);
    int precheck(const QStringList& args);
    int undo(const QStringList& args);
    int usage(int code);

    struct CommandContext
    {
        ClusterProfile profile;
        PlannerOptions options;
        std::shared_ptr<Executor> executor;
        QString executorError;
    };
    bool prepare(QCommandLineParser& p, const QStringList& args, const QString& command, bool withMode,
        CommandContext* ctx, int* exitCode);
    bool requireExecutor(const CommandContext& ctx, const QString& command);
    // Runs a plan on the runner's worker thread, printing the live log; Ctrl-C cancels.
    RunResult runWithLiveLog(const ClusterProfile& profile, const Plan& plan, const std::shared_ptr<Executor>& executor,
        Journal* journal, bool skipStepsAlreadyDone = false);

    QTextStream m_out;
    QTextStream m_err;
};

} // namespace MogUp
