#pragma once

#include "Plan.h"
#include "Profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace MogUp {

// How one attempt at a forward step ended, as the journal (or the runner) saw it.
struct StepOutcome
{
    enum class End
    {
        Ok, // the command ran and its check proved the effect
        Failed, // the command failed, its check failed, or it was cancelled: the effect may be partial or
                // absent
        Unknown // started, and no end was recorded (MogUp itself stopped), or only the start is known
    };
    QString stepId;
    End end = End::Unknown;
};

// The way back as a plan: the undo of every step that had an effect, most recent first, each with a
// check that reads the node's state like the forward steps do (the database runs again in its old role,
// bin/ reports the old version, MogHA runs...). Shared by `mogup-cli undo`, the wizard's Roll back and
// the runner's report of the way back, so there is one rule for what is undone (undoWhen).
class WayBackPlanner
{
public:
    enum class UndoWhen
    {
        Never, // nothing to undo: the step has no undo
        Always, // the step ended ok: its effect is on the node
        IfEffectShows // the step did not end ok: undone only if its effect is on the node when the way back
                      // runs
    };
    // The rule, in one place.
    static UndoWhen undoWhen(const Step& step, StepOutcome::End end);

    // What tells, when the way back runs, whether a step that did not end ok took effect: the marker the
    // step leaves (Step::effectCheck), else its own check when that is an exact exit-code test
    // (PathsPresent). None when neither exists: then the undo's own check decides (the runner does not
    // run an undo whose result is already there), which suffices for the undos that are harmless on a
    // node the step did not change (start/stop the database or MogHA, switch over).
    static Check effectEvidence(const Step& step);

    struct Entry
    {
        Step step; // the forward step to undo
        UndoWhen when = UndoWhen::Never;
    };
    // The forward steps to undo, most recent first. A step attempted more than once (a retry) is judged
    // by its latest attempt and undone once, at the place of that attempt.
    static QList<Entry> stepsToUndo(const Plan& forward, const QList<StepOutcome>& outcomes);

    // `outcomes`: every attempt of the run, in run order (Journal::stepOutcomes). Pure: touches no node.
    static Plan build(const ClusterProfile& profile, const Plan& forward, const QList<StepOutcome>& outcomes);
    // Only the ids of the steps that started (Journal::startedStepIds): how each ended is unknown, so
    // every such step counts as IfEffectShows.
    static Plan build(const ClusterProfile& profile, const Plan& forward, const QStringList& ranStepIds);
};

} // namespace MogUp
