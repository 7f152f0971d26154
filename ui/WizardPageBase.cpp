#include "WizardPageBase.h"

#include "MogupWizard.h"

namespace MogUp {

WizardPageBase::WizardPageBase(MogupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
}

WizardState& WizardPageBase::state() const
{
    return m_wizard->state();
}

void WizardPageBase::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

} // namespace MogUp
