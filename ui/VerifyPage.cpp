#include "VerifyPage.h"

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
    m_reread = new QPushButton(this);
    m_reread->setObjectName(QStringLiteral("verifyRereadButton"));
    connect(m_reread, &QPushButton::clicked, this, &VerifyPage::readCluster);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reread);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    connect(&m_probe, &QFutureWatcher<QList<NodeStatus>>::finished, this, &VerifyPage::probed);
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
    m_probe.setFuture(probeClusterAsync(state().profile, state().interaction));
    showResult();
    emit completeChanged();
}

void VerifyPage::probed()
{
    WizardState& s = state();
    s.after = m_probe.result();
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
        return;
    }
    if (!m_done) {
        m_summary->clear();
        return;
    }
    const WizardState& s = state();
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

QString VerifyPage::summaryText() const
{
    return m_summary->text();
}

bool VerifyPage::isComplete() const
{
    return m_done;
}

} // namespace MogUp
