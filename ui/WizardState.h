#pragma once

#include "ClusterStatusProbe.h"
#include "Executor.h"
#include "Plan.h"
#include "Planner.h"
#include "Prechecks.h"
#include "Profile.h"
#include "Runner.h"
#include "SshTypes.h"
#include "UpgradeSession.h"

#include <QFuture>
#include <QString>

#include <memory>

namespace MogUp {

// What the pages hand on to each other: the profile being edited, the chosen options, the plan, and
// what was read from the cluster. Owned by MogupWizard; pages read and write it (one-way flow into core).
struct WizardState
{
    ClusterProfile profile;
    QString profilePath;          // where the profile was loaded from (empty for a new one)
    PlannerOptions options;
    Plan plan;
    QList<NodeStatus> before;     // read by the pre-checks page
    PrecheckReport prechecks;     // the pre-checks page's last report
    QList<NodeStatus> after;      // read by the verify page
    RunResult runResult;
    bool runFinished = false;
    // Parent directory for run records; empty: Journal::defaultRunDir (tests point it at their own dir).
    QString runsRoot;
    QString runDir;               // the run directory of the last run
    // The walsender memory baseline before the plan runs (ms); -1: UpgradeSession::defaultBaselineMs.
    int baselineMs = -1;
    // The run: made by the Run page when it starts, read by the Verify page (one session per run).
    std::shared_ptr<UpgradeSession> session;
    // Answers SSH questions (passwords, unknown host keys) for every executor the wizard makes; set by
    // MogupWizard (dialogs on the GUI thread). Null: nobody answers, such logins fail with a clear message.
    std::shared_ptr<SshInteraction> interaction;
};

// An executor for the profile's transport; SSH questions (password, unknown host key) go to `interaction`
// (null: nobody answers and such logins fail with the executor's own message).
std::shared_ptr<Executor> makeExecutor(const ClusterProfile& profile, std::shared_ptr<SshInteraction> interaction);

// Runs core's pre-checks (the same as mogup-cli's) on a worker thread.
QFuture<PrecheckReport> precheckAsync(const ClusterProfile& profile, const PlannerOptions& options,
    std::shared_ptr<SshInteraction> interaction);

} // namespace MogUp
