#pragma once

#include "WizardPageBase.h"

namespace MogUp {

// The 2.0.3 package: on this machine (uploaded to every node, per-node progress) or already on the
// nodes; its version and checksum shown and verified before the upgrade may go on.
class PackagePage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit PackagePage(MogupWizard* wizard);

protected:
    void retranslateUi() override;
};

} // namespace MogUp
