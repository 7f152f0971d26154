#include "RunPage.h"

#include "LogFilterModel.h"
#include "LogModel.h"
#include "LogView.h"
#include "MessageBox.h"
#include "MogupWizard.h"
#include "Tr.h"

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

RunPage::~RunPage() = default;

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
    if (phase() == Phase::NotStarted)
        startRun();
}

UpgradeSession* RunPage::session() const
{
    return state().session.get();
}

RunPage::Phase RunPage::phase() const
{
    return session() ? session()->phase() : Phase::NotStarted;
}

QString RunPage::wayBackRunDir() const
{
    return session() ? session()->wayBackDir() : QString();
}

bool RunPage::isRunning() const
{
    // Until the finished signal has been handled, not just until the worker thread ends.
    return session() && session()->isRunning();
}

bool RunPage::isFinished() const
{
    return session() && session()->isFinished();
}

void RunPage::startRun()
{
    WizardState& s = state();
    m_steps->clear();
    m_rowSteps.clear();
    m_rowOffset = 0;
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

    // One session per run: it owns the run directory, the runner, the choices and the verdict.
    s.session = std::make_shared<UpgradeSession>(s.profile, s.plan, makeExecutor(s.profile, s.interaction));
    UpgradeSession* session = s.session.get();
    session->setBaselineMs(s.baselineMs >= 0 ? s.baselineMs : UpgradeSession::defaultBaselineMs(s.profile));
    // The baseline counts down on the page (the elapsed timer ticks from the session's start).
    connect(session, &UpgradeSession::baselineStarted, this, [this] {
        m_elapsedTimer.start();
        m_cancel->setEnabled(true);
        emit completeChanged();
    });
    connect(session, &UpgradeSession::observerProblem, this, [this](const QString& message) {
        m_log->appendLine(OutputLine { QString(), OutputStream::Stderr, QDateTime::currentDateTimeUtc(), message });
    });
    // Output lines go straight from the worker thread into the model's queue (thread-safe), not through one
    // queued event per line: the model flushes them in batches on its own timer.
    LogModel* log = m_log;
    connect(session, &UpgradeSession::outputLine, log, [log](const OutputLine& line) { log->appendLine(line); },
        Qt::DirectConnection);
    connect(session, &UpgradeSession::runStarted, this, &RunPage::runStarted);
    connect(session, &UpgradeSession::wayBackStarted, this, &RunPage::wayBackStarted);
    connect(session, &UpgradeSession::stepStarted, this, [this](int index, const Step&) { stepStarted(index); });
    connect(session, &UpgradeSession::checkProgress, this, [this](int index, const QString& text) {
        if (QTreeWidgetItem* item = m_steps->topLevelItem(m_rowOffset + index))
            item->setToolTip(StatusColumn, text);
    });
    connect(session, &UpgradeSession::stepFinished, this, &RunPage::stepFinished);
    connect(session, &UpgradeSession::progress, this, [this](int done, int) { m_progress->setValue(done); });
    connect(session, &UpgradeSession::runFinished, this, &RunPage::runFinished);
    // A choice that could not start (the way back's record could not be opened) re-shows the page.
    connect(session, &UpgradeSession::phaseChanged, this, [this] {
        updateChoices();
        showStatus();
    });
    if (!session->start(UpgradeSession::newRunDir(s.runsRoot, s.profile.name, s.plan.mode))) {
        showStatus();
        return;
    }
    s.runDir = session->runDir();
}

void RunPage::runStarted(const Plan& plan, int firstStep)
{
    m_progress->setRange(0, int(plan.steps.size()));
    m_progress->setValue(firstStep);
    // Rows of a retried attempt (or of a resumed way back) are shown anew from the step it starts at.
    for (int row = m_rowOffset + firstStep; row < m_steps->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_steps->topLevelItem(row);
        item->setIcon(StatusColumn, QIcon());
        item->setText(StatusColumn, QString());
        item->setText(DurationColumn, QString());
        item->setToolTip(StatusColumn, QString());
    }
    m_elapsedTimer.start();
    m_cancel->setEnabled(true);
    updateChoices();
    showStatus();
    emit completeChanged();
}

void RunPage::wayBackStarted(const Plan& wayBack)
{
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
    for (const Step& step : wayBack.steps) {
        items << new QTreeWidgetItem({ QString(), step.node, step.title(), QString() });
        m_rowSteps << step;
    }
    m_steps->addTopLevelItems(items);
    m_steps->scrollToItem(heading);
}

void RunPage::stepStarted(int index)
{
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

void RunPage::runFinished(const RunResult&)
{
    WizardState& s = state();
    const Phase now = phase();
    if (now != Phase::RolledBack && now != Phase::RollBackFailed) {
        s.runResult = session()->runResult();
        s.runFinished = true;
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
    if (now == Phase::Choosing || now == Phase::RollBackFailed)
        (m_rollBack->isEnabled() ? m_rollBack : m_stopHere)->setFocus();
    else if (now == Phase::RolledBack && wizard())
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
    if (yes && isRunning())
        session()->cancel();
}

Plan RunPage::wayBackPlan() const
{
    return session() ? session()->wayBackPlan() : Plan();
}

QString RunPage::undoCommand() const
{
    return session() ? session()->undoCommand() : QString();
}

void RunPage::retryStep()
{
    if (phase() == Phase::Choosing)
        session()->retry();
}

void RunPage::rollBack()
{
    if (phase() != Phase::Choosing && phase() != Phase::RollBackFailed)
        return;
    const int left = session()->undoStepsLeft();
    if (left <= 0)
        return;
    const bool yes = MessageBox::askYesNo(this, Tr::tr("Roll back?"),
        Tr::tr("%n undo step(s) run now, most recent first, each checked like the upgrade's steps; a step whose effect "
               "is already gone is skipped. Every node goes back to MogDB %1.",
            nullptr, left)
            .arg(state().plan.fromVersion));
    if (yes)
        session()->rollBack();
}

void RunPage::stopHere()
{
    if (!session() || !session()->stopHere())
        return;
    // Nothing is left to do on this page but read it and close.
    if (wizard())
        wizard()->button(QWizard::CancelButton)->setFocus();
}

void RunPage::updateChoices()
{
    const Phase now = phase();
    const bool choosing = now == Phase::Choosing || now == Phase::RollBackFailed;
    m_choices->setVisible(choosing);
    // Once the way back has been tried, going forward again is no longer offered: its undo already ran.
    m_retry->setVisible(now == Phase::Choosing);
    if (!choosing)
        return;
    const UpgradeSession* ses = session();
    const RunResult& r = ses->runResult();
    const Plan& plan = ses->plan();
    const int failed = r.stepsDone;
    if (failed >= 0 && failed < plan.steps.size()) {
        const Step& step = plan.steps.at(failed);
        m_retry->setToolTip(Tr::tr("Runs step %1 \"%2\" on %3 again (fix its cause first), then the rest of the plan.")
                                .arg(failed + 1)
                                .arg(step.title(), step.node));
    }
    m_retry->setEnabled(failed < plan.steps.size());
    const int undoSteps = ses->undoStepsLeft();
    m_rollBack->setEnabled(undoSteps > 0);
    m_rollBack->setToolTip(undoSteps > 0
            ? Tr::tr("Runs the way back: %n undo step(s), most recent first, each checked. Asks first.", nullptr, undoSteps)
            : Tr::tr("Nothing to undo: no step that ran changed anything that can be taken back."));
    m_stopHere->setToolTip(Tr::tr("Runs nothing more: the cluster stays as it is now. The page then shows the command that rolls back later."));
}

void RunPage::updateElapsed()
{
    const qint64 ms = session() ? session()->elapsedMs() : -1;
    m_elapsed->setText(ms >= 0 ? Tr::tr("Elapsed: %1").arg(seconds(ms)) : QString());
}

QString RunPage::statusText() const
{
    return m_status->text();
}

void RunPage::showStatus()
{
    const UpgradeSession* ses = session();
    if (!ses) {
        m_status->clear();
        return;
    }
    const QString record = Tr::tr("Record of this run: %1").arg(ses->runDir());
    const Plan& forward = ses->plan();
    const RunResult& runResult = ses->runResult();
    const RunResult& wayBackResult = ses->wayBackResult();
    const QString wayBackDir = ses->wayBackDir();
    const QString nodesHeading = Tr::tr("State of each node:");
    auto nodeLines = [](const QList<NodeStatus>& nodes) {
        QStringList lines;
        for (const NodeStatus& n : nodes)
            lines << QStringLiteral("  • ") + n.summary();
        return lines;
    };
    QStringList lines;
    switch (ses->phase()) {
    case Phase::NotStarted:
        break;
    case Phase::StartFailed:
        lines << Tr::tr("The run could not start: %1").arg(ses->startError());
        break;
    case Phase::Baseline:
        lines << Tr::tr("Baseline: sampling the walsender memory on MogDB %1 for %2 s before anything changes, to compare "
                        "the new version with. Nothing has been changed yet.")
                     .arg(forward.fromVersion)
                     .arg(ses->baselineMs() / 1000.0, 0, 'f', 0);
        lines << record;
        break;
    case Phase::Upgrading:
    case Phase::RollingBack: {
        const bool back = ses->phase() == Phase::RollingBack;
        const Plan& plan = back ? ses->wayBack() : forward;
        const int current = ses->currentStep();
        if (current >= 0 && current < plan.steps.size()) {
            const Step& step = plan.steps.at(current);
            const QString where = Tr::tr("Step %1 of %2: %3 on %4").arg(current + 1).arg(plan.steps.size()).arg(step.title(), step.node);
            lines << (back ? Tr::tr("Rolling back. %1").arg(where) : where);
        } else {
            lines << Tr::tr("Starting...");
        }
        if (!back && ses->attempt() > 1)
            lines << Tr::tr("Attempt %1: resumed at step %2; the steps before it are done.").arg(ses->attempt()).arg(ses->firstStep() + 1);
        lines << record;
        if (back)
            lines << Tr::tr("Record of the way back: %1").arg(wayBackDir);
        break;
    }
    case Phase::Upgraded:
        lines << Tr::tr("Upgrade finished: all %1 steps succeeded. Click Next to verify the cluster.").arg(runResult.stepsTotal);
        lines << ses->downtimeText();
        lines << record;
        break;
    case Phase::Choosing: {
        const RunResult& r = runResult;
        lines << (r.cancelled ? Tr::tr("The run was cancelled: %1").arg(r.message) : Tr::tr("The run failed: %1").arg(r.message));
        if (!r.failedStepId.isEmpty())
            lines << Tr::tr("Stopped at: %1 on node %2.").arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
        lines << nodesHeading << nodeLines(r.nodes);
        lines << Tr::tr("Choose: retry the step once its cause is fixed, roll back to MogDB %1, or stop here and keep this state.")
                     .arg(forward.fromVersion);
        lines << record;
        // Last: it can be long, and the lines above must show without scrolling.
        const Plan back = ses->wayBackPlan();
        if (!back.steps.isEmpty()) {
            lines << Tr::tr("The way back (undo of the completed steps, most recent first; review before running):");
            for (const Step& step : back.steps)
                lines << QStringLiteral("  [%1] %2: %3").arg(step.node, step.title(), step.command);
        }
        break;
    }
    case Phase::Kept: {
        const bool triedBack = !wayBackDir.isEmpty();
        const RunResult& r = triedBack ? wayBackResult : runResult;
        lines << Tr::tr("Stopped here: nothing more runs and the cluster stays as it is.");
        if (!runResult.failedStepId.isEmpty())
            lines << Tr::tr("The upgrade stopped at: %1 on node %2.")
                         .arg(runResult.failedStepTitle.isEmpty() ? runResult.failedStepId : runResult.failedStepTitle,
                             runResult.failedNode);
        if (triedBack)
            lines << Tr::tr("The way back stopped at: %1 on node %2.")
                         .arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
        lines << Tr::tr("State of each node (read when the last step ended; nothing ran since):") << nodeLines(r.nodes);
        lines << record;
        if (triedBack)
            lines << Tr::tr("Record of the way back: %1").arg(wayBackDir);
        lines << Tr::tr("To roll back later, run on this machine:") << QStringLiteral("  ") + undoCommand();
        lines << Tr::tr("You can close the wizard now.");
        break;
    }
    case Phase::RolledBack: {
        const QList<NodeStatus>& nodes = wayBackResult.nodes;
        bool allBack = !nodes.isEmpty();
        for (const NodeStatus& n : nodes)
            allBack = allBack && n.running && n.version == forward.fromVersion;
        lines << (allBack ? Tr::tr("Rolled back: every node runs MogDB %1 again (read from the nodes):").arg(forward.fromVersion)
                          : Tr::tr("The way back ran and each step was checked, but not every node reports MogDB %1 running:")
                                .arg(forward.fromVersion));
        lines << nodeLines(nodes);
        lines << Tr::tr("The upgrade was not applied, so the wizard does not go on to Verify. Close it with Cancel.");
        lines << record << Tr::tr("Record of the way back: %1").arg(wayBackDir);
        break;
    }
    case Phase::RollBackFailed: {
        const RunResult& r = wayBackResult;
        lines << (r.cancelled ? Tr::tr("The way back was cancelled: %1").arg(r.message) : Tr::tr("The way back failed: %1").arg(r.message));
        if (!r.failedStepId.isEmpty())
            lines << Tr::tr("Stopped at: %1 on node %2.").arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
        lines << nodesHeading << nodeLines(r.nodes);
        lines << Tr::tr("Choose: roll back again once the cause is fixed (it goes on from the step that failed), or stop here and keep this state.");
        lines << record << Tr::tr("Record of the way back: %1").arg(wayBackDir);
        break;
    }
    }
    if (!ses->wayBackError().isEmpty() && (ses->phase() == Phase::Choosing || ses->phase() == Phase::RollBackFailed))
        lines.prepend(ses->wayBackError());
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
