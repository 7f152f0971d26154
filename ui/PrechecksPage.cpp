#include "PrechecksPage.h"

#include "MogupWizard.h"
#include "Tr.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MogUp {

PrechecksPage::PrechecksPage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("precheckTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("precheckSummary"));
    m_summary->setWordWrap(true);
    m_rerun = new QPushButton(this);
    m_rerun->setObjectName(QStringLiteral("precheckRerunButton"));
    connect(m_rerun, &QPushButton::clicked, this, &PrechecksPage::runChecks);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_rerun);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    connect(&m_probe, &QFutureWatcher<QList<NodeStatus>>::finished, this, &PrechecksPage::probed);
    retranslateUi();
}

PrechecksPage::~PrechecksPage()
{
    m_probe.waitForFinished();
}

void PrechecksPage::retranslateUi()
{
    setTitle(Tr::tr("Pre-checks"));
    setSubTitle(Tr::tr("Reads every node (nothing is changed): each must run MogDB 2.0.1 in state Normal, with exactly one primary."));
    m_table->setHorizontalHeaderLabels({ Tr::tr("Node"), Tr::tr("Role"), Tr::tr("State"), Tr::tr("Version") });
    m_rerun->setText(Tr::tr("&Check again"));
    showResult();
}

void PrechecksPage::initializePage()
{
    runChecks();
}

void PrechecksPage::cleanupPage()
{
    m_done = false;
}

void PrechecksPage::runChecks()
{
    if (m_checking)
        return;
    m_checking = true;
    m_done = false;
    m_failures.clear();
    m_rerun->setEnabled(false);
    m_probe.setFuture(probeClusterAsync(state().profile));
    showResult();
    emit completeChanged();
}

void PrechecksPage::probed()
{
    WizardState& s = state();
    s.before = m_probe.result();
    m_failures.clear();
    for (const NodeStatus& n : std::as_const(s.before)) {
        if (!n.running)
            m_failures << Tr::tr("%1 is not running (%2).").arg(n.name, n.state);
        else if (n.state != QStringLiteral("Normal"))
            m_failures << Tr::tr("%1 is %2, not Normal.").arg(n.name, n.state);
        if (n.version == QStringLiteral("2.0.3"))
            m_failures << Tr::tr("%1 already runs MogDB 2.0.3 (a half-finished upgrade; resume is not supported yet).").arg(n.name);
        else if (n.version != s.options.fromVersion)
            m_failures << Tr::tr("%1 runs MogDB %2, not %3.").arg(n.name, n.version, s.options.fromVersion);
    }
    QString error;
    const QString primary = livePrimary(s.before, &error);
    if (primary.isEmpty())
        m_failures << Tr::tr("The cluster needs exactly one primary: %1.").arg(error);
    else if (const NodeProfile* declared = s.profile.primaryNode(); declared && declared->name != primary)
        m_failures << Tr::tr("The profile says %1 is primary, but %2 runs as primary now.").arg(declared->name, primary);
    // The plan starts from the primary that really leads now.
    s.options.primaryNode = primary;
    m_done = true;
    m_checking = false;
    m_rerun->setEnabled(true);
    showResult();
    emit completeChanged();
}

void PrechecksPage::showResult()
{
    if (m_checking) {
        m_table->setRowCount(0);
        m_summary->setText(Tr::tr("Reading the cluster..."));
        return;
    }
    if (!m_done) {
        m_summary->clear();
        return;
    }
    const QList<NodeStatus>& nodes = state().before;
    m_table->setRowCount(int(nodes.size()));
    for (int row = 0; row < nodes.size(); ++row) {
        const NodeStatus& n = nodes.at(row);
        const QStringList cells { n.name, n.role, n.running ? n.state : Tr::tr("not running"), n.version };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_summary->setText(m_failures.isEmpty() ? Tr::tr("Every check passed: the cluster can be upgraded.")
                                            : Tr::tr("Not ready:") + QLatin1Char('\n') + m_failures.join(QLatin1Char('\n')));
}

bool PrechecksPage::isComplete() const
{
    return m_done && m_failures.isEmpty();
}

} // namespace MogUp
