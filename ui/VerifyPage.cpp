#include "VerifyPage.h"

#include "UpgradeSession.h"
#include "MogupWizard.h"
#include "Tr.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

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
    retranslateUi();
}

VerifyPage::~VerifyPage() = default;

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
    UpgradeSession* session = state().session.get();
    if (m_reading || !session)
        return;
    m_reading = true;
    m_done = false;
    m_problems.clear();
    m_reread->setEnabled(false);
    // Connected once per session (a new run makes a new one).
    if (m_connectedSession != session) {
        m_connectedSession = session;
        connect(session, &UpgradeSession::verified, this, &VerifyPage::probed);
        // The verdict on the walsender memory follows the samples while the page is open.
        connect(session, &UpgradeSession::sampled, this, [this] {
            if (m_done)
                showResult();
        });
    }
    session->verify();
    showResult();
    emit completeChanged();
}

void VerifyPage::probed(const ClusterReading& reading, const QStringList& problems)
{
    m_lastReading = reading;
    state().after = reading.nodes;
    m_problems = problems;
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
    QStringList lines;
    if (m_problems.isEmpty())
        lines << UpgradeVerifier::verifiedSummary(m_lastReading, s.plan.toVersion);
    else
        lines << Tr::tr("Not verified:") << m_problems;
    // What the run measured: the outage it caused and, so far, the walsender memory before and after.
    if (const UpgradeSession* session = s.session.get()) {
        lines << session->downtimeText();
        lines << Tr::tr("Walsender memory so far: %1").arg(session->leakVerdictText());
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
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
