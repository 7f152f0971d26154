#pragma once

#include "UpgradeSession.h"
#include "WizardPageBase.h"

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

class LogFilterModel;
class LogModel;
class LogView;

// Shows the run of the wizard's UpgradeSession (core): the step list with status and duration, and the
// live log (LogModel, fed in batches). The session owns the run directory, the runner and the choices; the
// page drives it and shows its signals. The page is complete when the run succeeded; the Verify page then
// has the session read the cluster again.
// When the run fails or is cancelled, the page names the step and every node's state and offers three
// choices: retry from that step (same run directory), roll back (the way back, run and checked by the
// session, its record in RUN/undo-<time>), or stop here and keep the state (with the command that rolls
// back later).
class RunPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { StatusColumn, NodeColumn, TitleColumn, DurationColumn, ColumnCount };
    using Phase = UpgradeSession::Phase;

    explicit RunPage(MogupWizard* wizard);
    ~RunPage() override;

    void initializePage() override;
    bool isComplete() const override;
    Phase phase() const;
    // A plan or a way back is running (closing the window asks to cancel it first).
    bool isRunning() const;
    // The last run (forward or back) has ended and its result is shown.
    bool isFinished() const;
    bool succeeded() const { return phase() == Phase::Upgraded; }
    QString statusText() const;
    // The record of the way back run from this page (empty until a roll back started).
    QString wayBackRunDir() const;
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
    void runStarted(const Plan& plan, int firstStep);
    void wayBackStarted(const Plan& wayBack);
    void stepStarted(int index);
    void stepFinished(int index, const StepResult& result);
    void runFinished(const RunResult& result);
    UpgradeSession* session() const;
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
    QTimer m_elapsedTimer;
    // The way back's rows follow the forward plan's rows and a heading row in the step list.
    int m_rowOffset = 0;
    QList<Step> m_rowSteps;       // the step shown in each row (an empty id: a heading row)
};

} // namespace MogUp
