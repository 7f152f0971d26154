#pragma once

#include "WizardPageBase.h"

#include <QFutureWatcher>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace MogUp {

// Runs core's pre-checks (the same as `mogup-cli precheck`) on a worker thread and shows each with
// pass / warning / failure, its detail and its fix. Next stays disabled while anything fails; a warning
// needs an explicit tick to go on.
class PrechecksPage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit PrechecksPage(MogupWizard* wizard);
    ~PrechecksPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // True from the start of a check until its result is shown (the future's own state flips earlier,
    // before the watcher's finished signal has been delivered).
    bool isChecking() const { return m_checking; }
    QStringList failures() const { return m_failures; }

protected:
    void retranslateUi() override;

private:
    void runChecks();
    void probed();
    void showResult();

    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_rerun = nullptr;
    QFutureWatcher<PrecheckReport> m_probe;
    QCheckBox* m_acceptWarnings = nullptr;
    bool m_done = false;
    bool m_checking = false;
    QStringList m_failures;
};

} // namespace MogUp
