#pragma once

#include "WizardPageBase.h"

class QCheckBox;
class QLabel;
class QRadioButton;

namespace MogUp {

class NodeOrderView;

// Offline or rolling, each explained with its expected downtime (read from the plan the mode builds),
// a drawing of the order in which the nodes are touched, and the options: switch back to the original
// primary (rolling) and MogHA present (changes the plan: MogHA is stopped first and started last).
class ModePage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit ModePage(MogupWizard* wizard);

    void initializePage() override;
    bool validatePage() override;
    void setMode(UpgradeMode mode);
    UpgradeMode mode() const;
    NodeOrderView* orderView() const { return m_order; }

protected:
    void retranslateUi() override;

private:
    void updateOptions();
    // Rebuilds both modes' summaries from the profile and options as they are now.
    void refreshSummaries();

    QRadioButton* m_offline = nullptr;
    QLabel* m_offlineText = nullptr;
    QLabel* m_offlineDowntime = nullptr;
    QRadioButton* m_rolling = nullptr;
    QLabel* m_rollingText = nullptr;
    QLabel* m_rollingDowntime = nullptr;
    QCheckBox* m_switchBack = nullptr;
    QCheckBox* m_mogha = nullptr;
    QLabel* m_orderTitle = nullptr;
    NodeOrderView* m_order = nullptr;
};

} // namespace MogUp
