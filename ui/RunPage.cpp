#include "RunPage.h"

#include "Journal.h"
#include "LogFilterModel.h"
#include "LogModel.h"
#include "LogView.h"
#include "MessageBox.h"
#include "MogupWizard.h"
#include "Runner.h"
#include "ShellQuote.h"
#include "Tr.h"
#include "WayBackPlanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QJsonObject>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizard>

namespace MogUp {

namespace {

QString seconds(qint64 ms)
{
    return Tr::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

RunPage::RunPage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Without an explicit minimum the scroll area sizes the label by its minimum size hint (a narrow, tall
    // guess) and shows a scroll bar for three lines; the height then comes from the width (fitStatusArea).
    m_status->setMinimumSize(1, 1);
    // A failure report (every node's state, the way back) can be long: it scrolls rather than squeezing
    // the step list and the log out of the page.
    m_statusArea = new QScrollArea(this);
    m_statusArea->setObjectName(QStringLiteral("runStatusArea"));
    m_statusArea->setWidget(m_status);
    m_statusArea->setWidgetResizable(true);
    m_statusArea->setFrameShape(QFrame::NoFrame);
    // Reachable with Tab, so the arrow keys can scroll a long report.
    m_statusArea->setFocusPolicy(Qt::TabFocus);
    // The choices after a failure, under the report: created here so the tab order follows the page down.
    m_choices = new QWidget(this);
    m_choices->setObjectName(QStringLiteral("runChoices"));
    m_retry = new QPushButton(m_choices);
    m_retry->setObjectName(QStringLiteral("retryStepButton"));
    connect(m_retry, &QPushButton::clicked, this, &RunPage::retryStep);
    m_rollBack = new QPushButton(m_choices);
    m_rollBack->setObjectName(QStringLiteral("rollBackButton"));
    connect(m_rollBack, &QPushButton::clicked, this, &RunPage::rollBack);
    m_stopHere = new QPushButton(m_choices);
    m_stopHere->setObjectName(QStringLiteral("stopHereButton"));
    connect(m_stopHere, &QPushButton::clicked, this, &RunPage::stopHere);
    auto* choicesLayout = new QHBoxLayout(m_choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->addWidget(m_retry);
    choicesLayout->addWidget(m_rollBack);
    choicesLayout->addWidget(m_stopHere);
    choicesLayout->addStretch(1);
    m_choices->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_elapsed = new QLabel(this);
    m_elapsed->setObjectName(QStringLiteral("runElapsed"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    connect(m_cancel, &QPushButton::clicked, this, &RunPage::requestCancel);

    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("runSteps"));
    m_steps->setColumnCount(ColumnCount);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_log = new LogModel(this);
    m_logView = new LogView(this);
    m_logView->setObjectName(QStringLiteral("runLog"));
    m_filter = new LogFilterModel(this);
    m_filter->setSourceModel(m_log);
    m_logView->setModel(m_filter);
    m_follow = new QCheckBox(this);
    m_follow->setObjectName(QStringLiteral("followLogCheck"));
    m_follow->setChecked(true);
    // Follow by the scroll bar's range, which grows once the view has laid out the new rows
    // (scrollToBottom() right after an insert can land before that layout and stop short).
    connect(m_logView->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (m_follow->isChecked())
            m_logView->verticalScrollBar()->setValue(max);
    });
    // Scrolling up to read stops following; scrolling back to the end follows again (actionTriggered comes
    // from the user only; the value is read once the action has moved it).
    connect(m_logView->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        QMetaObject::invokeMethod(this, [this] {
            const QScrollBar* bar = m_logView->verticalScrollBar();
            m_follow->setChecked(bar->value() >= bar->maximum());
        }, Qt::QueuedConnection);
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_logView->scrollToBottom();
    });
    m_nodeFilter = new QComboBox(this);
    m_nodeFilter->setObjectName(QStringLiteral("logNodeFilter"));
    connect(m_nodeFilter, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_filter->setNode(m_nodeFilter->itemData(index).toString()); });
    m_stderrOnly = new QCheckBox(this);
    m_stderrOnly->setObjectName(QStringLiteral("logStderrOnly"));
    connect(m_stderrOnly, &QCheckBox::toggled, m_filter, &LogFilterModel::setStderrOnly);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);

    auto* top = new QHBoxLayout;
    top->addWidget(m_progress, 1);
    top->addWidget(m_elapsed);
    top->addWidget(m_cancel);
    auto* logPane = new QWidget(this);
    auto* logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_nodeFilter);
    filterRow->addWidget(m_stderrOnly);
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_follow);
    logLayout->addLayout(filterRow);
    logLayout->addWidget(m_logView, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(logPane);
    splitter->setStretchFactor(1, 1);
    // The step list wide enough for "status, node, title"; the log takes the rest.
    splitter->setSizes({ 420, 680 });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_statusArea);
    layout->addWidget(m_choices);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    m_elapsedTimer.setInterval(1000);
    connect(&m_elapsedTimer, &QTimer::timeout, this, &RunPage::updateElapsed);
    retranslateUi();
}

RunPage::~RunPage()
{
    // Runner's destructor cancels and waits for its thread; the journals must outlive it (it writes from there).
    m_runner.reset();
    m_wayBackJournal.reset();
    m_journal.reset();
}

void RunPage::retranslateUi()
{
    setTitle(Tr::tr("Run"));
    setSubTitle(Tr::tr("Each step runs its command, then reads the node to prove it worked. The full log is kept in the run directory."));
    m_steps->setHeaderLabels({ Tr::tr("Status"), Tr::tr("Node"), Tr::tr("Step"), Tr::tr("Duration") });
    m_cancel->setText(Tr::tr("C&ancel run"));
    m_retry->setText(Tr::tr("&Retry step"));
    m_rollBack->setText(Tr::tr("Roll &back"));
    m_stopHere->setText(Tr::tr("&Stop here"));
    m_follow->setText(Tr::tr("&Follow the log"));
    // Not "&stderr": Alt+S belongs to "Stop here" on this page.
    m_stderrOnly->setText(Tr::tr("std&err only"));
    m_search->setPlaceholderText(Tr::tr("Show lines containing..."));
    if (m_nodeFilter->count() == 0)
        m_nodeFilter->addItem(QString(), QString());
    m_nodeFilter->setItemText(0, Tr::tr("All nodes"));
    for (int row = 0; row < m_steps->topLevelItemCount() && row < m_rowSteps.size(); ++row) {
        // A heading row spans the columns from the first one.
        const bool heading = m_rowSteps.at(row).id.isEmpty();
        m_steps->topLevelItem(row)->setText(heading ? StatusColumn : TitleColumn, stepTitleForRow(row));
    }
    updateChoices();
    showStatus();
    updateElapsed();
}

QString RunPage::stepTitleForRow(int row) const
{
    if (row < 0 || row >= m_rowSteps.size())
        return {};
    const Step& step = m_rowSteps.at(row);
    return step.id.isEmpty() ? Tr::tr("Roll back: the undo steps, most recent first") : step.title();
}

void RunPage::initializePage()
{
    // A commit page precedes this one, so it is entered once per run.
    if (m_phase == Phase::NotStarted)
        startRun();
}

bool RunPage::isRunning() const
{
    // Until the finished signal has been handled, not just until the worker thread ends.
    return m_phase == Phase::Upgrading || m_phase == Phase::RollingBack;
}

bool RunPage::isFinished() const
{
    return m_phase != Phase::NotStarted && !isRunning();
}

void RunPage::startRun()
{
    WizardState& s = state();
    m_steps->clear();
    m_rowSteps.clear();
    QList<QTreeWidgetItem*> items;
    for (const Step& step : std::as_const(s.plan.steps)) {
        items << new QTreeWidgetItem({ QString(), step.node, step.title(), QString() });
        m_rowSteps << step;
    }
    m_steps->addTopLevelItems(items);
    m_log->clear();
    while (m_nodeFilter->count() > 1)
        m_nodeFilter->removeItem(1);
    for (const NodeProfile& node : std::as_const(s.profile.nodes))
        m_nodeFilter->addItem(node.name, node.name);

    const QString runDir = s.runsRoot.isEmpty()
        ? Journal::defaultRunDir(s.profile.name, s.plan.mode)
        : s.runsRoot + QLatin1Char('/') + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    m_journal = std::make_unique<Journal>();
    QString error;
    if (!m_journal->open(runDir, s.profile, s.plan, &error)) {
        m_startError = error;
        m_journal.reset();
        m_phase = Phase::StartFailed;
        showStatus();
        return;
    }
    s.runDir = m_journal->runDir();
    m_phase = Phase::Upgrading;
    startRunner(s.plan, m_journal.get(), 0, false);
}

void RunPage::startRunner(const Plan& plan, Journal* journal, int firstStep, bool skipStepsAlreadyDone)
{
    WizardState& s = state();
    // The previous attempt's thread has ended: its finished signal was handled before any choice.
    m_runner.reset();
    m_runner = std::make_unique<Runner>(s.profile, plan, makeExecutor(s.profile, s.interaction));
    m_runner->setFirstStep(firstStep);
    m_runner->setSkipStepsAlreadyDone(skipStepsAlreadyDone);
    journal->attach(m_runner.get());
    // Output lines go straight from the worker thread into the model's queue (thread-safe), not through one
    // queued event per line: the model flushes them in batches on its own timer.
    LogModel* log = m_log;
    connect(m_runner.get(), &Runner::outputLine, log, [log](const OutputLine& line) { log->appendLine(line); },
        Qt::DirectConnection);
    connect(m_runner.get(), &Runner::stepStarted, this, [this](int index, const Step&) { stepStarted(index); });
    connect(m_runner.get(), &Runner::checkProgress, this, [this](int index, const QString& text) {
        if (QTreeWidgetItem* item = m_steps->topLevelItem(m_rowOffset + index))
            item->setToolTip(StatusColumn, text);
    });
    connect(m_runner.get(), &Runner::stepFinished, this, &RunPage::stepFinished);
    connect(m_runner.get(), &Runner::progress, this, [this](int done, int) { m_progress->setValue(done); });
    connect(m_runner.get(), &Runner::finished, this, &RunPage::runFinished);
    m_progress->setRange(0, int(plan.steps.size()));
    m_progress->setValue(firstStep);
    m_currentStep = -1;
    m_firstStep = firstStep;
    // The elapsed time counts from the first start: retries and the way back add to it.
    if (!m_clock.isValid())
        m_clock.start();
    m_elapsedTimer.start();
    m_cancel->setEnabled(true);
    m_runner->start();
    updateChoices();
    showStatus();
    emit completeChanged();
}

void RunPage::stepStarted(int index)
{
    m_currentStep = index;
    if (QTreeWidgetItem* item = m_steps->topLevelItem(m_rowOffset + index)) {
        item->setIcon(StatusColumn, style()->standardIcon(QStyle::SP_MediaPlay));
        item->setText(StatusColumn, Tr::tr("running"));
        item->setText(DurationColumn, QString());
        m_steps->scrollToItem(item);
    }
    showStatus();
}

void RunPage::stepFinished(int index, const StepResult& result)
{
    QTreeWidgetItem* item = m_steps->topLevelItem(m_rowOffset + index);
    if (!item)
        return;
    const bool ok = result.status == StepStatus::Ok;
    item->setIcon(StatusColumn, style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical));
    QString status = Tr::tr("failed");
    if (result.alreadyDone)
        status = Tr::tr("already so"); // the way back found it undone already and did not run it
    else if (ok)
        status = Tr::tr("done");
    else if (result.status == StepStatus::Cancelled)
        status = Tr::tr("cancelled");
    item->setText(StatusColumn, status);
    item->setText(DurationColumn, seconds(result.ms));
    item->setToolTip(StatusColumn, result.message);
}

void RunPage::runFinished(const RunResult& result)
{
    WizardState& s = state();
    if (m_phase == Phase::RollingBack) {
        m_wayBackResult = result;
        m_phase = result.ok ? Phase::RolledBack : Phase::RollBackFailed;
    } else {
        s.runResult = result;
        s.runFinished = true;
        m_phase = result.ok ? Phase::Upgraded : Phase::Choosing;
    }
    m_elapsedTimer.stop();
    updateElapsed();
    m_cancel->setEnabled(false);
    // Show the last lines now rather than at the next tick.
    m_log->flushPending();
    updateChoices();
    showStatus();
    // The keyboard lands on a choice that changes nothing without a question: Roll back asks first,
    // Stop here changes nothing on the cluster. Retry runs at once, so it is never the default.
    if (m_phase == Phase::Choosing || m_phase == Phase::RollBackFailed)
        (m_rollBack->isEnabled() ? m_rollBack : m_stopHere)->setFocus();
    else if (m_phase == Phase::RolledBack && wizard())
        wizard()->button(QWizard::CancelButton)->setFocus();
    emit completeChanged();
}

void RunPage::requestCancel()
{
    if (!isRunning())
        return;
    const bool yes = MessageBox::askYesNo(this, Tr::tr("Cancel the run?"),
        Tr::tr("The current command is stopped and no further step runs. The nodes stay as they are at that moment; "
               "the page then shows each node's state and the way back."));
    // The run may have ended while the question was open.
    if (yes && isRunning() && m_runner)
        m_runner->cancel();
}

Plan RunPage::wayBackPlan() const
{
    const WizardState& s = state();
    if (s.runDir.isEmpty())
        return {};
    // From the journal, as `mogup-cli undo` builds it: every attempt and how it ended.
    return WayBackPlanner::build(s.profile, s.plan, Journal::stepOutcomes(s.runDir));
}

QString RunPage::undoCommand() const
{
    return QStringLiteral("mogup-cli undo --run-dir ") + shellQuote(state().runDir);
}

void RunPage::writeChoice(const QString& choice)
{
    // The operator's decision is part of the record (a report tells "retried" from "rolled back").
    if (m_journal)
        m_journal->writeEvent(QStringLiteral("choice"),
            { { QStringLiteral("choice"), choice }, { QStringLiteral("failed_step"), state().runResult.failedStepId } });
}

void RunPage::retryStep()
{
    if (m_phase != Phase::Choosing || !m_journal)
        return;
    const WizardState& s = state();
    // The failed (or cancelled) step: every step before it is done and checked.
    const int first = s.runResult.stepsDone;
    writeChoice(QStringLiteral("retry"));
    ++m_attempt;
    for (int row = first; row < s.plan.steps.size(); ++row) {
        if (QTreeWidgetItem* item = m_steps->topLevelItem(row)) {
            item->setIcon(StatusColumn, QIcon());
            item->setText(StatusColumn, QString());
            item->setText(DurationColumn, QString());
            item->setToolTip(StatusColumn, QString());
        }
    }
    m_phase = Phase::Upgrading;
    // Into the same journal: the way back reads every attempt's steps from it.
    startRunner(s.plan, m_journal.get(), first, false);
}

void RunPage::rollBack()
{
    if (m_phase != Phase::Choosing && m_phase != Phase::RollBackFailed)
        return;
    const WizardState& s = state();
    // After a failed way back, rolling back again resumes it at its failed step (in its own record), as a
    // retry does for the upgrade: the steps it already undid are not undone twice.
    const bool resume = m_phase == Phase::RollBackFailed && m_wayBackJournal;
    const Plan back = resume ? m_wayBack : wayBackPlan();
    const int first = resume ? m_wayBackResult.stepsDone : 0;
    const int left = int(back.steps.size()) - first;
    if (left <= 0)
        return;
    const bool yes = MessageBox::askYesNo(this, Tr::tr("Roll back?"),
        Tr::tr("%n undo step(s) run now, most recent first, each checked like the upgrade's steps; a step whose effect "
               "is already gone is skipped. Every node goes back to MogDB %1.",
            nullptr, left)
            .arg(s.plan.fromVersion));
    if (!yes || (m_phase != Phase::Choosing && m_phase != Phase::RollBackFailed))
        return;
    writeChoice(QStringLiteral("roll-back"));
    // The previous attempt's runner is attached to the journals: end it before anything is replaced.
    m_runner.reset();
    if (resume) {
        for (int row = m_rowOffset + first; row < m_steps->topLevelItemCount(); ++row) {
            QTreeWidgetItem* item = m_steps->topLevelItem(row);
            item->setIcon(StatusColumn, QIcon());
            item->setText(StatusColumn, QString());
            item->setText(DurationColumn, QString());
            item->setToolTip(StatusColumn, QString());
        }
        m_phase = Phase::RollingBack;
        startRunner(back, m_wayBackJournal.get(), first, true);
        return;
    }
    m_wayBackJournal = std::make_unique<Journal>();
    QString error;
    if (!m_wayBackJournal->open(Journal::undoRunDir(s.runDir), s.profile, back, &error)) {
        m_wayBackJournal.reset();
        m_wayBackError = Tr::tr("The way back could not start: %1").arg(error);
        showStatus();
        return;
    }
    m_wayBackError.clear();
    m_wayBackDir = m_wayBackJournal->runDir();
    m_wayBack = back;
    // The way back's rows follow under a heading; the forward steps stay visible above it.
    auto* heading = new QTreeWidgetItem;
    QFont bold = heading->font(StatusColumn);
    bold.setBold(true);
    heading->setFont(StatusColumn, bold);
    m_steps->addTopLevelItem(heading);
    heading->setFirstColumnSpanned(true);
    m_rowSteps << Step();
    heading->setText(StatusColumn, stepTitleForRow(int(m_rowSteps.size()) - 1));
    m_rowOffset = m_steps->topLevelItemCount();
    QList<QTreeWidgetItem*> items;
    for (const Step& step : back.steps) {
        items << new QTreeWidgetItem({ QString(), step.node, step.title(), QString() });
        m_rowSteps << step;
    }
    m_steps->addTopLevelItems(items);
    m_steps->scrollToItem(heading);
    m_phase = Phase::RollingBack;
    startRunner(back, m_wayBackJournal.get(), 0, true);
}

void RunPage::stopHere()
{
    if (m_phase != Phase::Choosing && m_phase != Phase::RollBackFailed)
        return;
    writeChoice(QStringLiteral("stop-here"));
    m_phase = Phase::Kept;
    updateChoices();
    showStatus();
    // Nothing is left to do on this page but read it and close.
    if (wizard())
        wizard()->button(QWizard::CancelButton)->setFocus();
}

void RunPage::updateChoices()
{
    const bool choosing = m_phase == Phase::Choosing || m_phase == Phase::RollBackFailed;
    m_choices->setVisible(choosing);
    // Once the way back has been tried, going forward again is no longer offered: its undo already ran.
    m_retry->setVisible(m_phase == Phase::Choosing);
    if (!choosing)
        return;
    const WizardState& s = state();
    const RunResult& r = s.runResult;
    const int failed = r.stepsDone;
    if (failed >= 0 && failed < s.plan.steps.size()) {
        const Step& step = s.plan.steps.at(failed);
        m_retry->setToolTip(Tr::tr("Runs step %1 \"%2\" on %3 again (fix its cause first), then the rest of the plan.")
                                .arg(failed + 1)
                                .arg(step.title(), step.node));
    }
    m_retry->setEnabled(failed < s.plan.steps.size());
    const qsizetype undoSteps = m_phase == Phase::RollBackFailed ? m_wayBack.steps.size() - m_wayBackResult.stepsDone
                                                                 : wayBackPlan().steps.size();
    m_rollBack->setEnabled(undoSteps > 0);
    m_rollBack->setToolTip(undoSteps > 0
            ? Tr::tr("Runs the way back: %n undo step(s), most recent first, each checked. Asks first.", nullptr, int(undoSteps))
            : Tr::tr("Nothing to undo: no step that ran changed anything that can be taken back."));
    m_stopHere->setToolTip(Tr::tr("Runs nothing more: the cluster stays as it is now. The page then shows the command that rolls back later."));
}

void RunPage::updateElapsed()
{
    m_elapsed->setText(m_clock.isValid() ? Tr::tr("Elapsed: %1").arg(seconds(m_clock.elapsed())) : QString());
}

QString RunPage::statusText() const
{
    return m_status->text();
}

void RunPage::showStatus()
{
    const WizardState& s = state();
    const QString record = Tr::tr("Record of this run: %1").arg(s.runDir);
    const QString nodesHeading = Tr::tr("State of each node:");
    auto nodeLines = [](const QList<NodeStatus>& nodes) {
        QStringList lines;
        for (const NodeStatus& n : nodes)
            lines << QStringLiteral("  • ") + n.summary();
        return lines;
    };
    QStringList lines;
    switch (m_phase) {
    case Phase::NotStarted:
        break;
    case Phase::StartFailed:
        lines << Tr::tr("The run could not start: %1").arg(m_startError);
        break;
    case Phase::Upgrading:
    case Phase::RollingBack: {
        const bool back = m_phase == Phase::RollingBack;
        const Plan& plan = back ? m_wayBack : s.plan;
        if (m_currentStep >= 0 && m_currentStep < plan.steps.size()) {
            const Step& step = plan.steps.at(m_currentStep);
            const QString where = Tr::tr("Step %1 of %2: %3 on %4").arg(m_currentStep + 1).arg(plan.steps.size()).arg(step.title(), step.node);
            lines << (back ? Tr::tr("Rolling back. %1").arg(where) : where);
        } else {
            lines << Tr::tr("Starting...");
        }
        if (!back && m_attempt > 1)
            lines << Tr::tr("Attempt %1: resumed at step %2; the steps before it are done.").arg(m_attempt).arg(m_firstStep + 1);
        lines << record;
        if (back)
            lines << Tr::tr("Record of the way back: %1").arg(m_wayBackDir);
        break;
    }
    case Phase::Upgraded:
        lines << Tr::tr("Upgrade finished: all %1 steps succeeded. Click Next to verify the cluster.").arg(s.runResult.stepsTotal) << record;
        break;
    case Phase::Choosing: {
        const RunResult& r = s.runResult;
        lines << (r.cancelled ? Tr::tr("The run was cancelled: %1").arg(r.message) : Tr::tr("The run failed: %1").arg(r.message));
        if (!r.failedStepId.isEmpty())
            lines << Tr::tr("Stopped at: %1 on node %2.").arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
        lines << nodesHeading << nodeLines(r.nodes);
        lines << Tr::tr("Choose: retry the step once its cause is fixed, roll back to MogDB %1, or stop here and keep this state.")
                     .arg(s.plan.fromVersion);
        lines << record;
        // Last: it can be long, and the lines above must show without scrolling.
        const Plan back = wayBackPlan();
        if (!back.steps.isEmpty()) {
            lines << Tr::tr("The way back (undo of the completed steps, most recent first; review before running):");
            for (const Step& step : back.steps)
                lines << QStringLiteral("  [%1] %2: %3").arg(step.node, step.title(), step.command);
        }
        break;
    }
    case Phase::Kept: {
        const bool triedBack = !m_wayBackDir.isEmpty();
        const RunResult& r = triedBack ? m_wayBackResult : s.runResult;
        lines << Tr::tr("Stopped here: nothing more runs and the cluster stays as it is.");
        if (!s.runResult.failedStepId.isEmpty())
            lines << Tr::tr("The upgrade stopped at: %1 on node %2.")
                         .arg(s.runResult.failedStepTitle.isEmpty() ? s.runResult.failedStepId : s.runResult.failedStepTitle,
                             s.runResult.failedNode);
        if (triedBack)
            lines << Tr::tr("The way back stopped at: %1 on node %2.")
                         .arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
        lines << Tr::tr("State of each node (read when the last step ended; nothing ran since):") << nodeLines(r.nodes);
        lines << record;
        if (triedBack)
            lines << Tr::tr("Record of the way back: %1").arg(m_wayBackDir);
        lines << Tr::tr("To roll back later, run on this machine:") << QStringLiteral("  ") + undoCommand();
        lines << Tr::tr("You can close the wizard now.");
        break;
    }
    case Phase::RolledBack: {
        const QList<NodeStatus>& nodes = m_wayBackResult.nodes;
        bool allBack = !nodes.isEmpty();
        for (const NodeStatus& n : nodes)
            allBack = allBack && n.running && n.version == s.plan.fromVersion;
        lines << (allBack ? Tr::tr("Rolled back: every node runs MogDB %1 again (read from the nodes):").arg(s.plan.fromVersion)
                          : Tr::tr("The way back ran and each step was checked, but not every node reports MogDB %1 running:")
                                .arg(s.plan.fromVersion));
        lines << nodeLines(nodes);
        lines << Tr::tr("The upgrade was not applied, so the wizard does not go on to Verify. Close it with Cancel.");
        lines << record << Tr::tr("Record of the way back: %1").arg(m_wayBackDir);
        break;
    }
    case Phase::RollBackFailed: {
        const RunResult& r = m_wayBackResult;
        lines << (r.cancelled ? Tr::tr("The way back was cancelled: %1").arg(r.message) : Tr::tr("The way back failed: %1").arg(r.message));
        if (!r.failedStepId.isEmpty())
            lines << Tr::tr("Stopped at: %1 on node %2.").arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
        lines << nodesHeading << nodeLines(r.nodes);
        lines << Tr::tr("Choose: roll back again once the cause is fixed (it goes on from the step that failed), or stop here and keep this state.");
        lines << record << Tr::tr("Record of the way back: %1").arg(m_wayBackDir);
        break;
    }
    }
    if (!m_wayBackError.isEmpty() && (m_phase == Phase::Choosing || m_phase == Phase::RollBackFailed))
        lines.prepend(m_wayBackError);
    m_status->setText(lines.join(QLatin1Char('\n')));
    fitStatusArea();
}

void RunPage::fitStatusArea()
{
    // A scroll area keeps the size hint its label had when it was set, not the text's now: fit it to the
    // text, up to a third of the page, so the step list and the log keep most of the room.
    const int width = qMax(m_statusArea->viewport()->width(), 200);
    const int wanted = m_status->heightForWidth(width);
    const int limit = qMax(fontMetrics().lineSpacing() * 4, height() / 3);
    m_statusArea->setFixedHeight(qMin(wanted < 0 ? m_status->sizeHint().height() : wanted, limit) + 2 * m_statusArea->frameWidth());
}

void RunPage::resizeEvent(QResizeEvent* event)
{
    WizardPageBase::resizeEvent(event);
    fitStatusArea();
}

bool RunPage::isComplete() const
{
    return succeeded();
}

} // namespace MogUp
