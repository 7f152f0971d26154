#pragma once

#include "WizardPageBase.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTreeWidget;

namespace MogUp {

class Journal;
class LogFilterModel;
class LogModel;
class LogView;
class Runner;

// Runs the plan: Runner on its worker thread, Journal writing the run directory, the step list with
// status and duration, and the live log (LogModel, fed in batches). The page is complete when the run
// succeeded; the Verify page then reads the cluster again.
// When the run fails or is cancelled, the page names the step and every node's state and offers three
// choices: retry from that step (same run directory), roll back (the way back, run and checked here, its
// record in RUN/undo-<time>), or stop here and keep the state (with the command that rolls back later).
class RunPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { StatusColumn, NodeColumn, TitleColumn, DurationColumn, ColumnCount };
    enum class Phase {
        NotStarted,
        StartFailed,     // the run directory could not be written; nothing ran
        Upgrading,       // the plan (or a retry of it) is running
        Upgraded,        // every step done and checked: Next goes to Verify
        Choosing,        // a step failed or the run was cancelled: retry, roll back or stop here
        Kept,            // the operator stopped here; the cluster stays as it is
        RollingBack,     // the way back is running
        RolledBack,      // the way back ran and was checked
        RollBackFailed,  // the way back failed or was cancelled: roll back again or stop here
    };
    Q_ENUM(Phase)

    explicit RunPage(MogupWizard* wizard);
    ~RunPage() override;

    void initializePage() override;
    bool isComplete() const override;
    Phase phase() const { return m_phase; }
    // A plan or a way back is running (closing the window asks to cancel it first).
    bool isRunning() const;
    // The last run (forward or back) has ended and its result is shown.
    bool isFinished() const;
    bool succeeded() const { return m_phase == Phase::Upgraded; }
    QString statusText() const;
    // The record of the way back run from this page (empty until a roll back started).
    QString wayBackRunDir() const { return m_wayBackDir; }
    // What the way back would run now (from the journal): its steps, most recent first.
    Plan wayBackPlan() const;
    // The shell command that rolls the run back later, from a terminal.
    QString undoCommand() const;
    LogModel* logModel() const { return m_log; }
    LogFilterModel* logFilter() const { return m_filter; }
    QTreeWidget* stepTree() const { return m_steps; }
    // Cancels the run after the operator confirms (the current command's process group is ended).
    void requestCancel();
    // The three choices after a failure (the buttons call these).
    void retryStep();
    void rollBack();
    void stopHere();

protected:
    void retranslateUi() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void startRun();
    void startRunner(const Plan& plan, Journal* journal, int firstStep, bool skipStepsAlreadyDone);
    void stepStarted(int index);
    void stepFinished(int index, const StepResult& result);
    void runFinished(const RunResult& result);
    void updateElapsed();
    void updateChoices();
    void showStatus();
    void fitStatusArea();
    QString stepTitleForRow(int row) const;
    void writeChoice(const QString& choice);

    QScrollArea* m_statusArea = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_elapsed = nullptr;
    QWidget* m_choices = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_rollBack = nullptr;
    QPushButton* m_stopHere = nullptr;
    QTreeWidget* m_steps = nullptr;
    LogView* m_logView = nullptr;
    QCheckBox* m_follow = nullptr;
    QComboBox* m_nodeFilter = nullptr;
    QCheckBox* m_stderrOnly = nullptr;
    QLineEdit* m_search = nullptr;
    LogFilterModel* m_filter = nullptr;
    QPushButton* m_cancel = nullptr;
    LogModel* m_log = nullptr;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Journal> m_wayBackJournal;
    std::unique_ptr<Runner> m_runner;
    QElapsedTimer m_clock;
    QTimer m_elapsedTimer;
    Phase m_phase = Phase::NotStarted;
    int m_currentStep = -1;       // index in the running plan
    int m_attempt = 1;            // 2 and more: retries
    int m_firstStep = 0;          // where the current attempt started
    // The way back's rows follow the forward plan's rows and a heading row in the step list.
    int m_rowOffset = 0;
    Plan m_wayBack;
    QList<Step> m_rowSteps;       // the step shown in each row (an empty id: a heading row)
    RunResult m_wayBackResult;
    QString m_wayBackDir;
    QString m_wayBackError;       // the way back's record could not be opened
    QString m_startError;
};

} // namespace MogUp
