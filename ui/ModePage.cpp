#include "ModePage.h"

#include "MogupWizard.h"
#include "Tr.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace MogUp {

ModePage::ModePage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_offline = new QRadioButton(this);
    m_offline->setObjectName(QStringLiteral("offlineRadio"));
    m_offlineText = new QLabel(this);
    m_rolling = new QRadioButton(this);
    m_rolling->setObjectName(QStringLiteral("rollingRadio"));
    m_rollingText = new QLabel(this);
    for (QLabel* text : { m_offlineText, m_rollingText }) {
        text->setWordWrap(true);
        text->setIndent(24);
    }
    m_switchBack = new QCheckBox(this);
    m_switchBack->setObjectName(QStringLiteral("switchBackCheck"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_offline);
    group->addButton(m_rolling);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_offline);
    layout->addWidget(m_offlineText);
    layout->addSpacing(12);
    layout->addWidget(m_rolling);
    layout->addWidget(m_rollingText);
    auto* options = new QVBoxLayout;
    options->setContentsMargins(24, 0, 0, 0);
    options->addWidget(m_switchBack);
    layout->addLayout(options);
    layout->addStretch();
    connect(m_rolling, &QRadioButton::toggled, this, &ModePage::updateOptions);
    m_rolling->setChecked(true);
    m_switchBack->setChecked(true);
    retranslateUi();
}

void ModePage::retranslateUi()
{
    setTitle(Tr::tr("Upgrade mode"));
    setSubTitle(Tr::tr("How the nodes are taken through the upgrade."));
    m_offline->setText(Tr::tr("&Offline"));
    m_offlineText->setText(Tr::tr("The whole cluster stops, every node gets the new binaries, and the cluster starts again. "
                                  "Simplest and fastest, but the database is unavailable for the whole upgrade (a few minutes)."));
    m_rolling->setText(Tr::tr("&Rolling"));
    m_rollingText->setText(Tr::tr("The standbys are upgraded one at a time, then a standby takes over as primary while the old "
                                  "primary is upgraded. The database stays available except for a few seconds at each switchover."));
    m_switchBack->setText(Tr::tr("&Switch back to the original primary at the end"));
}

void ModePage::initializePage()
{
    setMode(state().options.mode);
    m_switchBack->setChecked(state().options.switchBack);
}

void ModePage::setMode(UpgradeMode mode)
{
    (mode == UpgradeMode::Rolling ? m_rolling : m_offline)->setChecked(true);
    updateOptions();
}

void ModePage::updateOptions()
{
    m_switchBack->setEnabled(m_rolling->isChecked());
}

bool ModePage::validatePage()
{
    state().options.mode = m_rolling->isChecked() ? UpgradeMode::Rolling : UpgradeMode::Offline;
    state().options.switchBack = m_switchBack->isChecked();
    return true;
}

} // namespace MogUp
