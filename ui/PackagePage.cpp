#include "PackagePage.h"

#include "MogupWizard.h"

namespace MogUp {

PackagePage::PackagePage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    setObjectName(QStringLiteral("packagePage"));
    retranslateUi();
}

void PackagePage::retranslateUi()
{
    setTitle(tr("Package"));
}

} // namespace MogUp
