#pragma once

#include "WizardState.h"

#include <QEvent>
#include <QWizardPage>

namespace MogUp {

class MogupWizard;

// Common base of the wizard's pages: access to the shared state, and live re-translation (every page
// sets its texts in retranslateUi(), called once by its constructor and again on every language change).
class WizardPageBase : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardPageBase(MogupWizard* wizard);

protected:
    MogupWizard* mogupWizard() const { return m_wizard; }
    WizardState& state() const;
    virtual void retranslateUi() = 0;
    void changeEvent(QEvent* event) override;

private:
    MogupWizard* m_wizard;
};

} // namespace MogUp
