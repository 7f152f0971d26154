#pragma once

#include "WizardPageBase.h"

class QCheckBox;
class QLabel;
class QRadioButton;

namespace MogUp {

// Offline or rolling, each explained, and the switch-back option for rolling.
class ModePage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit ModePage(MogupWizard* wizard);

    void initializePage() override;
    bool validatePage() override;
    void setMode(UpgradeMode mode);

protected:
    void retranslateUi() override;

private:
    void updateOptions();

    QRadioButton* m_offline = nullptr;
    QLabel* m_offlineText = nullptr;
    QRadioButton* m_rolling = nullptr;
    QLabel* m_rollingText = nullptr;
    QCheckBox* m_switchBack = nullptr;
};

} // namespace MogUp
