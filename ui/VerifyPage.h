#pragma once

#include "WizardPageBase.h"

#include <QFutureWatcher>

class QLabel;
class QPushButton;
class QTableWidget;

namespace MogUp {

// Reads the cluster again after the run (worker thread) and shows, per node, before and after:
// version, role, state; the cluster state from gs_om on OM installs; then whether the upgrade is verified
// (every node on the new version, running Normal, exactly one primary, and gs_om saying Normal).
class VerifyPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { NodeColumn, VersionBeforeColumn, VersionAfterColumn, RoleBeforeColumn, RoleAfterColumn,
        StateBeforeColumn, StateAfterColumn, ColumnCount };

    // What one reading of the cluster found: every node, and on OM installs the cluster state as gs_om
    // reports it (asked on the primary).
    struct ClusterReading
    {
        QList<NodeStatus> nodes;
        QString clusterState;     // Normal | Degraded | Unavailable; empty when not read
        QString clusterStateFrom; // the node gs_om was asked on
        QString clusterStateError; // why it could not be read (translated)
    };

    explicit VerifyPage(MogupWizard* wizard);
    ~VerifyPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool isVerified() const { return m_done && m_problems.isEmpty(); }
    bool isDone() const { return m_done; }
    QTableWidget* table() const { return m_table; }
    QString summaryText() const;
    QString clusterStateText() const;

protected:
    void retranslateUi() override;

private:
    void readCluster();
    void probed();
    void showResult();

    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_clusterState = nullptr;
    ClusterReading m_lastReading;
    QPushButton* m_reread = nullptr;
    QFutureWatcher<ClusterReading> m_probe;
    bool m_done = false;
    bool m_reading = false;
    QStringList m_problems;
};

} // namespace MogUp
