#pragma once

#include "WizardPageBase.h"

#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace MogUp {

// Language, open a profile, or try the demo cluster (a sandbox built on this machine).
class WelcomePage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit WelcomePage(MogupWizard* wizard);
    ~WelcomePage() override;

    bool isComplete() const override;
    // From the click until the result is handled (the future itself finishes a little earlier).
    bool isBuildingDemo() const { return m_buildingDemo; }
    // The demo button shows only when the wizard can build a demo cluster (MogupWizard::setDemoCluster).
    void updateDemoButton();
    // Builds a sandbox under the user's data directory on a worker thread, then loads its profile.
    void buildDemo();

protected:
    void retranslateUi() override;

private:
    void openProfile();
    void showDemoProgress(const QString& message);
    void demoBuilt();
    void updateProfileSummary();
    void fillRecentProfiles();

    QLabel* m_intro = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_demo = nullptr;
    QLabel* m_recentLabel = nullptr;
    QListWidget* m_recent = nullptr;
    QLabel* m_profileSummary = nullptr;
    QPlainTextEdit* m_demoLog = nullptr;
    QString m_demoDir;
    bool m_buildingDemo = false;
    QFutureWatcher<QString> m_demoBuild; // result: the error, empty on success
};

} // namespace MogUp
