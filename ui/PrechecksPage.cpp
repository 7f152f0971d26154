#include "PrechecksPage.h"

#include "MogupWizard.h"
#include "Tr.h"

#include <QCheckBox>
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
    m_acceptWarnings = new QCheckBox(this);
    m_acceptWarnings->setObjectName(QStringLiteral("precheckAcceptWarnings"));
    m_acceptWarnings->setVisible(false);
    connect(m_acceptWarnings, &QCheckBox::toggled, this, &PrechecksPage::completeChanged);
    m_table->setObjectName(QStringLiteral("precheckTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Read-only: Tab goes on to the next control, the arrow keys move within the table.
    m_table->setTabKeyNavigation(false);
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
    layout->addWidget(m_acceptWarnings);
    layout->addLayout(buttons);
    connect(&m_probe, &QFutureWatcher<PrecheckReport>::finished, this, &PrechecksPage::probed);
    retranslateUi();
}

PrechecksPage::~PrechecksPage()
{
    m_probe.waitForFinished();
}

void PrechecksPage::retranslateUi()
{
    setTitle(Tr::tr("Pre-checks"));
    setSubTitle(Tr::tr("Reads every node and the package (nothing is changed): the same checks as mogup-cli precheck."));
    m_table->setHorizontalHeaderLabels({ Tr::tr("Check"), Tr::tr("Result"), Tr::tr("Detail"), Tr::tr("Fix") });
    m_acceptWarnings->setText(Tr::tr("I have read the warnings and want to go on"));
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
    m_acceptWarnings->setChecked(false);
    m_acceptWarnings->setVisible(false);
    m_probe.setFuture(precheckAsync(state().profile, state().options, state().interaction));
    showResult();
    emit completeChanged();
}

void PrechecksPage::probed()
{
    WizardState& s = state();
    s.prechecks = m_probe.result();
    s.before = s.prechecks.nodes;
    m_failures = s.prechecks.failures();
    // The plan starts from the primary that really leads now.
    s.options.primaryNode = s.prechecks.primary;
    m_done = true;
    m_checking = false;
    m_rerun->setEnabled(true);
    m_acceptWarnings->setVisible(s.prechecks.ok() && s.prechecks.hasWarnings());
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
    const QList<PrecheckItem>& items = state().prechecks.items;
    m_table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const PrecheckItem& i = items.at(row);
        const QString result = i.severity == PrecheckSeverity::Pass ? Tr::tr("pass")
            : i.severity == PrecheckSeverity::Warning              ? Tr::tr("warning")
                                                                   : Tr::tr("failure");
        const QStringList cells { i.title, result, i.detail, i.fix };
        for (int column = 0; column < cells.size(); ++column) {
            auto* cell = new QTableWidgetItem(cells.at(column));
            if (column == 1 && i.severity != PrecheckSeverity::Pass)
                cell->setForeground(i.severity == PrecheckSeverity::Warning ? QColor(0xb0, 0x70, 0x00) : QColor(0xc0, 0x00, 0x00));
            m_table->setItem(row, column, cell);
        }
    }
    m_summary->setText(m_failures.isEmpty() ? Tr::tr("Every check passed: the cluster can be upgraded.")
                                            : Tr::tr("Not ready:") + QLatin1Char('\n') + m_failures.join(QLatin1Char('\n')));
}

bool PrechecksPage::isComplete() const
{
    return m_done && m_failures.isEmpty() && (!state().prechecks.hasWarnings() || m_acceptWarnings->isChecked());
}

} // namespace MogUp
