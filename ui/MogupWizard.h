#pragma once

#include "DemoCluster.h"
#include "WizardState.h"

#include <QWizard>

namespace MogUp {

class WelcomePage;
class NodesPage;
class PackagePage;
class ModePage;
class PrechecksPage;
class PlanPage;
class RunPage;
class VerifyPage;

// The upgrade wizard (issue 4): Welcome, Nodes, Package, Mode, Pre-checks, Plan, Run, Verify.
// Pages only read and write WizardState and call core; nothing blocking runs on the GUI thread
// (probes, the sandbox build and the run happen on worker threads).
class MogupWizard : public QWizard
{
    Q_OBJECT
public:
    // Ids leave gaps where later pages (monitor, report) will go.
    enum PageId { WelcomePageId = 0, NodesPageId = 10, PackagePageId = 20, ModePageId = 30, PrechecksPageId = 40, PlanPageId = 50,
        RunPageId = 60, VerifyPageId = 70 };

    explicit MogupWizard(QWidget* parent = nullptr);
    ~MogupWizard() override;

    WizardState& state() { return m_state; }
    // Takes a profile (loaded by the caller, or built by the demo); the Nodes page shows it.
    void setProfile(const ClusterProfile& profile, const QString& path = {});
    bool loadProfile(const QString& path, QString* error);
    // Writes the profile being edited to `path`, which then becomes its path and the most recent profile.
    bool saveProfile(const QString& path, QString* error);
    // Builds a fresh sandbox cluster (worker thread) and fills the profile with it: `mogup --demo`.
    void startDemo();
    // A sandbox the wizard built: stopped (every process ended) when the wizard goes away. Each demo
    // built in this window is kept in the list, so building a second one does not orphan the first.
    void adoptDemoSandbox(const QString& dir) { m_demoSandboxDirs << dir; }
    // How the demo button builds and stops a demo cluster (mogup gives the sandbox's); none: no demo.
    void setDemoCluster(std::shared_ptr<DemoCluster> demoCluster);
    DemoCluster* demoCluster() const { return m_demoCluster.get(); }
    // Starts an empty profile for a real cluster (two blank node rows to fill in on the Nodes page).
    void startNewProfile();
    bool isRunning() const;
    // Profiles opened before, most recent first (demo profiles are not kept: they die with their sandbox).
    static QStringList recentProfiles();
    // The profile the wizard had open last time (empty if none).
    static QString lastProfilePath() { return recentProfiles().value(0); }

    WelcomePage* welcomePage() const { return m_welcome; }
    NodesPage* nodesPage() const { return m_nodes; }
    PackagePage* packagePage() const { return m_package; }
    ModePage* modePage() const { return m_mode; }
    PrechecksPage* prechecksPage() const { return m_prechecks; }
    PlanPage* planPage() const { return m_plan; }
    RunPage* runPage() const { return m_run; }
    VerifyPage* verifyPage() const { return m_verify; }

signals:
    void profileChanged();

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void rememberProfile(const QString& absolutePath);

    WizardState m_state;
    QStringList m_demoSandboxDirs;
    std::shared_ptr<DemoCluster> m_demoCluster;
    WelcomePage* m_welcome = nullptr;
    NodesPage* m_nodes = nullptr;
    PackagePage* m_package = nullptr;
    ModePage* m_mode = nullptr;
    PrechecksPage* m_prechecks = nullptr;
    PlanPage* m_plan = nullptr;
    RunPage* m_run = nullptr;
    VerifyPage* m_verify = nullptr;
};

} // namespace MogUp
