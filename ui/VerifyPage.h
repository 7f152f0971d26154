#pragma once

#include "WizardPageBase.h"

#include "UpgradeVerifier.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace MogUp {

// Has the run's UpgradeSession read the cluster again (worker thread) and shows, per node, before and
// after: version, role, state; the cluster state from gs_om on OM installs; then the session's verdict
// (UpgradeVerifier, the one rule: every node on the new version, running Normal, exactly one primary, and
// gs_om saying Normal).
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
    QString clusterStateText() const;

protected:
    void retranslateUi() override;

private:
    void readCluster();
    void probed(const ClusterReading& reading, const QStringList& problems);
    void showResult();

    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_clusterState = nullptr;
    ClusterReading m_lastReading;
    QPushButton* m_reread = nullptr;
    QPointer<QObject> m_connectedSession; // null again when that session is gone
    bool m_done = false;
    bool m_reading = false;
    QStringList m_problems;
};

} // namespace MogUp
