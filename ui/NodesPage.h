#pragma once

#include "ClusterDiscovery.h"
#include "ConnectionTester.h"
#include "WizardPageBase.h"

#include <QAbstractItemView>
#include <QFutureWatcher>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace MogUp {

class ClusterSettingsBox;

// The profile's nodes as an editable table. Every edit is written into the profile and validated with
// ClusterProfile::validate(): cells with a problem are marked, the messages are listed, and Next stays
// disabled until the profile is valid.
// "Discover" fills the other rows from the selected (or first) node through its OM; "Test connections"
// checks every node in parallel (reachable, host key, login, version, role). Both run on worker threads;
// while one runs the buttons are disabled, a busy bar shows, and Next waits.
class NodesPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { NameColumn, HostColumn, SshPortColumn, SshUserColumn, AuthColumn, KeyFileColumn, GausshomeColumn,
        PgdataColumn, DbPortColumn, EnvFileColumn, RoleColumn, BecomeColumn, ColumnCount };
    enum ResultColumn { ResultNodeColumn, ResultReachableColumn, ResultHostKeyColumn, ResultLoginColumn,
        ResultVersionColumn, ResultRoleColumn, ResultColumnCount };

    explicit NodesPage(MogupWizard* wizard);
    ~NodesPage() override;

    void initializePage() override;
    bool isComplete() const override;
    // The messages shown under the table (empty when the profile is valid).
    QStringList problems() const { return m_problems; }
    QTableWidget* table() const { return m_table; }

    ClusterSettingsBox* clusterSettings() const { return m_cluster; }
    QPushButton* addNodeButton() const { return m_addButton; }
    QPushButton* removeNodeButton() const { return m_removeButton; }
    QPushButton* discoverButton() const { return m_discoverButton; }
    QPushButton* testButton() const { return m_testButton; }
    QTreeWidget* resultTree() const { return m_results; }
    // What the last discovery / connection test said (the line beside the buttons).
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    const DiscoveryResult& lastDiscovery() const { return m_lastDiscovery; }
    const QList<ConnectionCheck>& connectionChecks() const { return m_checks; }

public slots:
    // A new row below the current one (a standby, its other fields copied from the row above where they are
    // usually the same: SSH port and user, login, GAUSSHOME, env file).
    void addNode();
    void removeNode();
    void discover();
    void testConnections();

protected:
    void retranslateUi() override;

private:
    void fillTable();
    void cellEdited(int row, int column);
    void revalidate();
    void discovered();
    void tested();
    void setBusy(bool busy);
    void showChecks();
    void showStatus(bool problem); // says m_statusText()

    void clusterEdited();

    ClusterSettingsBox* m_cluster = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_discoverButton = nullptr;
    QPushButton* m_testButton = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_resultsLabel = nullptr;
    QTreeWidget* m_results = nullptr;
    QStringList m_problems;
    bool m_filling = false;
    bool m_busy = false;
    QAbstractItemView::EditTriggers m_editTriggers; // the table's, restored when not busy

    QFutureWatcher<DiscoveryResult> m_discovery;
    QFutureWatcher<QList<ConnectionCheck>> m_test;
    std::shared_ptr<CancelToken> m_cancel;
    NodeProfile m_discoverFrom;
    DiscoveryResult m_lastDiscovery;
    QList<ConnectionCheck> m_checks;
    // What the status line says, kept as a function so a language switch can say it again.
    std::function<QString()> m_statusText;
    // Bumped when another profile is loaded: a worker's answer about the old one is dropped.
    int m_profileGeneration = 0;
    int m_jobGeneration = 0;
};

} // namespace MogUp
