#pragma once

#include "WizardPageBase.h"

#include <QFutureWatcher>

class QLabel;
class QPushButton;
class QTableWidget;

namespace MogUp {

// Reads the cluster again after the run (worker thread) and shows, per node, before and after:
// version, role, state; then whether the upgrade is verified (every node on the new version, running
// Normal, exactly one primary).
class VerifyPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { NodeColumn, VersionBeforeColumn, VersionAfterColumn, RoleBeforeColumn, RoleAfterColumn,
        StateBeforeColumn, StateAfterColumn, ColumnCount };

    explicit VerifyPage(MogupWizard* wizard);
    ~VerifyPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool isVerified() const { return m_done && m_problems.isEmpty(); }
    bool isDone() const { return m_done; }
    QTableWidget* table() const { return m_table; }
    QString summaryText() const;

protected:
    void retranslateUi() override;

private:
    void readCluster();
    void probed();
    void showResult();

    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_reread = nullptr;
    QFutureWatcher<QList<NodeStatus>> m_probe;
    bool m_done = false;
    bool m_reading = false;
    QStringList m_problems;
};

} // namespace MogUp
