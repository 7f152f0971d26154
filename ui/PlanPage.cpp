#include "PlanPage.h"

#include "FileChooser.h"
#include "MogupWizard.h"
#include "Tr.h"

#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace MogUp {

PlanPage::PlanPage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    setCommitPage(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("planSteps"));
    m_steps->setColumnCount(ColumnCount);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setWordWrap(false);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The selected step in full: the tree shows one line per step, a command can be longer.
    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("planStepDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &PlanPage::showStepDetail);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("copyScriptButton"));
    connect(m_copy, &QPushButton::clicked, this, &PlanPage::copyAsShellScript);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    connect(m_save, &QPushButton::clicked, this, &PlanPage::saveProfile);
    m_saveStatus = new QLabel(this);
    m_saveStatus->setObjectName(QStringLiteral("saveProfileStatus"));
    m_saveStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveStatus, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    retranslateUi();
}

void PlanPage::retranslateUi()
{
    setTitle(Tr::tr("Plan"));
    setSubTitle(Tr::tr("Every command that will run, in order, and the node it runs on. Nothing has run yet."));
    setButtonText(QWizard::CommitButton, Tr::tr("&Run the upgrade"));
    m_steps->setHeaderLabels({ Tr::tr("#"), Tr::tr("Node"), Tr::tr("Step"), Tr::tr("Command") });
    m_copy->setText(Tr::tr("&Copy as shell script"));
    m_save->setText(Tr::tr("&Save profile..."));
    m_save->setToolTip(Tr::tr("Write the cluster profile (nodes, package, options; never a password) to a file to open it again later"));
    showPlan();
}

void PlanPage::initializePage()
{
    WizardState& s = state();
    m_error.clear();
    m_built = Planner::build(s.profile, s.options, &s.plan, &m_error);
    showPlan();
    emit completeChanged();
}

void PlanPage::showPlan()
{
    m_steps->clear();
    m_copy->setEnabled(m_built);
    if (!m_built) {
        m_summary->setText(m_error.isEmpty() ? QString() : Tr::tr("No plan: %1").arg(m_error));
        return;
    }
    const Plan& plan = state().plan;
    m_summary->setText(Tr::tr("%1 upgrade of \"%2\" from MogDB %3 to %4: %n step(s).", nullptr, int(plan.steps.size()))
                           .arg(plan.mode == UpgradeMode::Rolling ? Tr::tr("Rolling") : Tr::tr("Offline"), plan.profileName,
                               plan.fromVersion, plan.toVersion));
    QList<QTreeWidgetItem*> items;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& step = plan.steps.at(i);
        // One line per step in the tree; the full multi-line command is in the tooltip and the script.
        QString command = step.command;
        command.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        auto* item = new QTreeWidgetItem({ QString::number(i + 1), step.node, step.title(), command });
        item->setToolTip(CommandColumn, step.command);
        items << item;
    }
    m_steps->addTopLevelItems(items);
    m_steps->setCurrentItem(m_steps->topLevelItem(0));
}

void PlanPage::showStepDetail()
{
    const int index = m_steps->currentItem() ? m_steps->indexOfTopLevelItem(m_steps->currentItem()) : -1;
    const Plan& plan = state().plan;
    if (!m_built || index < 0 || index >= plan.steps.size()) {
        m_detail->clear();
        return;
    }
    const Step& step = plan.steps.at(index);
    QStringList lines;
    lines << Tr::tr("Step %1: %2 (on %3, as %4)")
                 .arg(index + 1)
                 .arg(step.title(), step.node, step.runAs == RunAs::Root ? Tr::tr("root") : state().profile.dbUser);
    if (!step.notes.isEmpty()) {
        lines << QString() << Tr::tr("Why:");
        for (const QString& note : step.noteTexts())
            lines << QStringLiteral("  - ") + note;
    }
    lines << QString() << Tr::tr("Command:") << step.command;
    if (!step.check.command.isEmpty())
        lines << QString() << Tr::tr("Then checked with:") << step.check.command;
    if (!step.undoCommand.isEmpty())
        lines << QString() << Tr::tr("Undone by (%1):").arg(step.undoTitle()) << step.undoCommand;
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

bool PlanPage::isComplete() const
{
    return m_built;
}

void PlanPage::saveProfile()
{
    const WizardState& s = state();
    const QString suggested = s.profilePath.isEmpty() ? QDir::homePath() + QLatin1Char('/') + s.profile.name + QStringLiteral(".json")
                                                      : s.profilePath;
    const QString path = FileChooser::saveFile(this, Tr::tr("Save the cluster profile"), suggested, Tr::tr("Cluster profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (mogupWizard()->saveProfile(path, &error))
        m_saveStatus->setText(Tr::tr("Profile saved to %1").arg(path));
    else
        m_saveStatus->setText(Tr::tr("The profile could not be saved to %1: %2").arg(path, error));
}

QString PlanPage::saveStatus() const
{
    return m_saveStatus->text();
}

void PlanPage::copyAsShellScript()
{
    if (m_built)
        QGuiApplication::clipboard()->setText(state().plan.toShellScript());
}

} // namespace MogUp
