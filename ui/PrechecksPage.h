#pragma once

#include "WizardPageBase.h"

#include <QFutureWatcher>

class QLabel;
class QPushButton;
class QTableWidget;

namespace MogUp {

// Reads the cluster (worker thread) and checks it can be upgraded: every node running 2.0.1 and Normal,
// exactly one primary. Next stays disabled until every check passes.
// The full pre-check list (reachability, logins, package checksum, standbys streaming) comes from core later.
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
    QFutureWatcher<QList<NodeStatus>> m_probe;
    bool m_done = false;
    bool m_checking = false;
    QStringList m_failures;
};

} // namespace MogUp
