#include "VerifyPage.h"

#include "ClusterDiscovery.h"
#include "MogupWizard.h"
#include "Tr.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace MogUp {

VerifyPage::VerifyPage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("verifyTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Read-only: Tab goes on to the next control, the arrow keys move within the table.
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("verifySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clusterState = new QLabel(this);
    m_clusterState->setObjectName(QStringLiteral("verifyClusterState"));
    m_clusterState->setWordWrap(true);
    m_clusterState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reread = new QPushButton(this);
    m_reread->setObjectName(QStringLiteral("verifyRereadButton"));
    connect(m_reread, &QPushButton::clicked, this, &VerifyPage::readCluster);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reread);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_clusterState);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    connect(&m_probe, &QFutureWatcher<ClusterReading>::finished, this, &VerifyPage::probed);
    retranslateUi();
}

VerifyPage::~VerifyPage()
{
    m_probe.waitForFinished();
}

void VerifyPage::retranslateUi()
{
    setTitle(Tr::tr("Verify"));
    setSubTitle(Tr::tr("Every node read again: version, role and state, before and after the upgrade."));
    m_table->setHorizontalHeaderLabels({ Tr::tr("Node"), Tr::tr("Version before"), Tr::tr("Version after"),
        Tr::tr("Role before"), Tr::tr("Role after"), Tr::tr("State before"), Tr::tr("State after") });
    m_reread->setText(Tr::tr("&Read again"));
    showResult();
}

void VerifyPage::initializePage()
{
    readCluster();
}

void VerifyPage::readCluster()
{
    if (m_reading)
        return;
    m_reading = true;
    m_done = false;
    m_problems.clear();
    m_reread->setEnabled(false);
    const ClusterProfile profile = state().profile;
    const std::shared_ptr<SshInteraction> interaction = state().interaction;
    m_probe.setFuture(QtConcurrent::run([profile, interaction]() {
        ClusterReading reading;
        std::shared_ptr<Executor> executor = makeExecutor(profile, interaction);
        CancelToken cancel;
        reading.nodes = ClusterStatusProbe(*executor, profile).probeAll(cancel);
        if (profile.installMethod != InstallMethod::Om)
            return reading;
        // The OM's own view, asked where the cluster is run from: the primary (else the first node).
        const NodeProfile* from = profile.nodes.isEmpty() ? nullptr : &profile.nodes.first();
        for (const NodeStatus& n : std::as_const(reading.nodes)) {
            if (n.role == QStringLiteral("primary") && profile.node(n.name))
                from = profile.node(n.name);
        }
        if (!from)
            return reading;
        const DiscoveryResult om = ClusterDiscovery(*executor, profile).discover(*from, cancel);
        reading.clusterStateFrom = from->name;
        if (om.ok)
            reading.clusterState = om.clusterState;
        else
            reading.clusterStateError = om.error;
        return reading;
    }));
    showResult();
    emit completeChanged();
}

void VerifyPage::probed()
{
    WizardState& s = state();
    m_lastReading = m_probe.result();
    s.after = m_lastReading.nodes;
    const QString toVersion = s.plan.toVersion.isEmpty() ? QStringLiteral("2.0.3") : s.plan.toVersion;
    m_problems.clear();
    int primaries = 0;
    for (const NodeStatus& n : std::as_const(s.after)) {
        if (n.role == QStringLiteral("primary"))
            ++primaries;
        if (n.version != toVersion)
            m_problems << Tr::tr("%1 runs %2, not %3.").arg(n.name, n.version, toVersion);
        if (!n.running || n.state != QStringLiteral("Normal"))
            m_problems << Tr::tr("%1 is %2.").arg(n.name, n.running ? n.state : Tr::tr("not running"));
    }
    if (primaries != 1)
        m_problems << Tr::tr("The cluster has %1 primaries instead of one.").arg(primaries);
    if (!m_lastReading.clusterStateError.isEmpty())
        m_problems << Tr::tr("The cluster state could not be read from gs_om: %1").arg(m_lastReading.clusterStateError);
    else if (!m_lastReading.clusterState.isEmpty() && m_lastReading.clusterState != QStringLiteral("Normal"))
        m_problems << Tr::tr("gs_om reports the cluster as %1, not Normal.").arg(m_lastReading.clusterState);
    m_done = true;
    m_reading = false;
    m_reread->setEnabled(true);
    showResult();
    emit completeChanged();
}

void VerifyPage::showResult()
{
    if (m_reading) {
        m_summary->setText(Tr::tr("Reading the cluster..."));
        m_clusterState->clear();
        return;
    }
    if (!m_done) {
        m_summary->clear();
        m_clusterState->clear();
        return;
    }
    const WizardState& s = state();
    if (!m_lastReading.clusterState.isEmpty())
        m_clusterState->setText(Tr::tr("Cluster state (gs_om -t status on %1): %2").arg(m_lastReading.clusterStateFrom, m_lastReading.clusterState));
    else if (!m_lastReading.clusterStateError.isEmpty())
        m_clusterState->setText(Tr::tr("Cluster state: not read (%1)").arg(m_lastReading.clusterStateError));
    else
        m_clusterState->setText(Tr::tr("Cluster state: from each node's gs_ctl query (a manual install has no gs_om)."));
    m_table->setRowCount(int(s.after.size()));
    for (int row = 0; row < s.after.size(); ++row) {
        const NodeStatus& after = s.after.at(row);
        NodeStatus before;
        for (const NodeStatus& b : s.before) {
            if (b.name == after.name)
                before = b;
        }
        auto stateOf = [](const NodeStatus& n) { return n.running ? n.state : n.state.isEmpty() ? QString() : n.state; };
        const QStringList cells { after.name, before.version, after.version, before.role, after.role, stateOf(before),
            stateOf(after) };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    if (m_problems.isEmpty()) {
        m_summary->setText(Tr::tr("Verified: every node runs MogDB %1 in state Normal, with one primary and %n standby(s).",
            nullptr, int(s.after.size()) - 1)
                               .arg(s.plan.toVersion.isEmpty() ? QStringLiteral("2.0.3") : s.plan.toVersion));
    } else {
        m_summary->setText(Tr::tr("Not verified:") + QLatin1Char('\n') + m_problems.join(QLatin1Char('\n')));
    }
}

QString VerifyPage::clusterStateText() const
{
    return m_clusterState->text();
}

QString VerifyPage::summaryText() const
{
    return m_summary->text();
}

bool VerifyPage::isComplete() const
{
    return m_done;
}

} // namespace MogUp
