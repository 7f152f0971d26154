#include "ModePage.h"

#include "ModeSummary.h"
#include "MogupWizard.h"
#include "NodeOrderView.h"
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
    setObjectName(QStringLiteral("modePage"));
    m_offline = new QRadioButton(this);
    m_offline->setObjectName(QStringLiteral("offlineRadio"));
    m_offlineText = new QLabel(this);
    m_offlineDowntime = new QLabel(this);
    m_offlineDowntime->setObjectName(QStringLiteral("offlineDowntime"));
    m_rolling = new QRadioButton(this);
    m_rolling->setObjectName(QStringLiteral("rollingRadio"));
    m_rollingText = new QLabel(this);
    m_rollingDowntime = new QLabel(this);
    m_rollingDowntime->setObjectName(QStringLiteral("rollingDowntime"));
    for (QLabel* text : { m_offlineText, m_offlineDowntime, m_rollingText, m_rollingDowntime }) {
        text->setWordWrap(true);
        text->setIndent(24);
    }
    for (QLabel* downtime : { m_offlineDowntime, m_rollingDowntime }) {
        QFont f = downtime->font();
        f.setItalic(true);
        downtime->setFont(f);
    }
    m_switchBack = new QCheckBox(this);
    m_switchBack->setObjectName(QStringLiteral("switchBackCheck"));
    m_mogha = new QCheckBox(this);
    m_mogha->setObjectName(QStringLiteral("moghaCheck"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_offline);
    group->addButton(m_rolling);
    m_orderTitle = new QLabel(this);
    m_orderTitle->setObjectName(QStringLiteral("orderTitle"));
    m_order = new NodeOrderView(this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_offline);
    layout->addWidget(m_offlineText);
    layout->addWidget(m_offlineDowntime);
    layout->addSpacing(8);
    layout->addWidget(m_rolling);
    layout->addWidget(m_rollingText);
    layout->addWidget(m_rollingDowntime);
    auto* options = new QVBoxLayout;
    options->setContentsMargins(24, 0, 0, 0);
    options->addWidget(m_switchBack);
    layout->addLayout(options);
    layout->addSpacing(8);
    layout->addWidget(m_mogha);
    layout->addSpacing(8);
    layout->addWidget(m_orderTitle);
    layout->addWidget(m_order, 1);
    // Keyboard order: the mode, its option, then MogHA (the drawing takes no focus).
    setTabOrder(m_offline, m_rolling);
    setTabOrder(m_rolling, m_switchBack);
    setTabOrder(m_switchBack, m_mogha);

    m_rolling->setChecked(true);
    m_switchBack->setChecked(true);
    // Connected after the defaults are set: constructing the page does not write into the shared state.
    connect(m_rolling, &QRadioButton::toggled, this, &ModePage::updateOptions);
    connect(m_switchBack, &QCheckBox::toggled, this, [this](bool on) {
        state().options.switchBack = on;
        refreshSummaries();
    });
    // MogHA changes the plan (stop it first, start it last) and what the pre-checks expect on the nodes.
    connect(m_mogha, &QCheckBox::toggled, this, [this](bool on) {
        state().profile.mogha = on;
        refreshSummaries();
    });
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
    m_mogha->setText(Tr::tr("&MogHA runs on these nodes (it is stopped first and started again at the end)"));
    m_orderTitle->setText(Tr::tr("Order in which the nodes are touched:"));
    refreshSummaries();
}

void ModePage::initializePage()
{
    // The page's own signals write into the state; set the widgets without echoing values back.
    const PlannerOptions options = state().options;
    const bool mogha = state().profile.mogha;
    m_switchBack->setChecked(options.switchBack);
    m_mogha->setChecked(mogha);
    setMode(options.mode);
    refreshSummaries();
}

void ModePage::setMode(UpgradeMode mode)
{
    (mode == UpgradeMode::Rolling ? m_rolling : m_offline)->setChecked(true);
    updateOptions();
}

UpgradeMode ModePage::mode() const
{
    return m_rolling->isChecked() ? UpgradeMode::Rolling : UpgradeMode::Offline;
}

void ModePage::updateOptions()
{
    m_switchBack->setEnabled(m_rolling->isChecked());
    state().options.mode = mode();
    refreshSummaries();
}

void ModePage::refreshSummaries()
{
    if (!m_order)
        return; // still constructing
    PlannerOptions options = state().options;
    options.switchBack = m_switchBack->isChecked();
    options.mode = UpgradeMode::Offline;
    const ModeSummary offline = ModeSummary::build(state().profile, options);
    options.mode = UpgradeMode::Rolling;
    const ModeSummary rolling = ModeSummary::build(state().profile, options);
    m_offlineDowntime->setText(offline.downtimeText());
    m_rollingDowntime->setText(rolling.downtimeText());
    m_order->setSummary(mode() == UpgradeMode::Rolling ? rolling : offline);
}

bool ModePage::validatePage()
{
    state().options.mode = mode();
    state().options.switchBack = m_switchBack->isChecked();
    state().profile.mogha = m_mogha->isChecked();
    return true;
}

} // namespace MogUp
