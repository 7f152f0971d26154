#pragma once

#include "WizardPageBase.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace MogUp {

class Journal;
class LogFilterModel;
class LogModel;
class Runner;

// Runs the plan: Runner on its worker thread, Journal writing the run directory, the step list with
// status and duration, and the live log (LogModel, fed in batches). The page is complete when the run
// succeeded; the Verify page then reads the cluster again.
class RunPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { StatusColumn, NodeColumn, TitleColumn, DurationColumn, ColumnCount };

    explicit RunPage(MogupWizard* wizard);
    ~RunPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && state().runResult.ok; }
    QString statusText() const;
    LogModel* logModel() const { return m_log; }
    LogFilterModel* logFilter() const { return m_filter; }
    QTreeWidget* stepTree() const { return m_steps; }
    // Cancels the run after the operator confirms (the current command's process group is ended).
    void requestCancel();

protected:
    void retranslateUi() override;

private:
    void startRun();
    void stepStarted(int index);
    void stepFinished(int index, const StepResult& result);
    void runFinished(const RunResult& result);
    void updateElapsed();
    void showStatus();

    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_elapsed = nullptr;
    QTreeWidget* m_steps = nullptr;
    QListView* m_logView = nullptr;
    QCheckBox* m_follow = nullptr;
    QComboBox* m_nodeFilter = nullptr;
    QCheckBox* m_stderrOnly = nullptr;
    QLineEdit* m_search = nullptr;
    LogFilterModel* m_filter = nullptr;
    QPushButton* m_cancel = nullptr;
    LogModel* m_log = nullptr;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Runner> m_runner;
    QElapsedTimer m_clock;
    QTimer m_elapsedTimer;
    int m_currentStep = -1;
    bool m_started = false;
    bool m_finished = false;
    QString m_startError;
};

} // namespace MogUp
