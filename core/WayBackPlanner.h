#pragma once

#include "Plan.h"
#include "Profile.h"

#include <QString>
#include <QStringList>

namespace MogUp {

// The way back as a plan: the undo of every step that ran (the failed step included, it may have
// half-happened), most recent first, each with a check that reads the node's state like the forward
// steps do (the database runs again in its old role, bin/ reports the old version, MogHA runs...).
class WayBackPlanner
{
public:
    // `ranStepIds`: the steps that started, in run order (from the journal: Journal::startedStepIds; a
    // retried step may appear more than once and is undone once). Steps without an undo are skipped.
    // Pure: touches no node.
    static Plan build(const ClusterProfile& profile, const Plan& forward, const QStringList& ranStepIds);
};

} // namespace MogUp
