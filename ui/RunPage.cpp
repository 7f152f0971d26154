#include "RunPage.h"

#include "Journal.h"
#include "LogFilterModel.h"
#include "LogModel.h"
#include "MessageBox.h"
#include "MogupWizard.h"
#include "Runner.h"
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
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

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
    m_logView = new QListView(this);
    m_logView->setObjectName(QStringLiteral("runLog"));
    // Uniform heights let the view lay out 200 000 rows without measuring each one.
    m_logView->setUniformItemSizes(true);
    m_logView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logView->setSelectionMode(QAbstractItemView::ExtendedSelection);
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
    layout->addWidget(m_status);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    m_elapsedTimer.setInterval(1000);
    connect(&m_elapsedTimer, &QTimer::timeout, this, &RunPage::updateElapsed);
    retranslateUi();
}

RunPage::~RunPage()
{
    // Runner's destructor cancels and waits for its thread; the journal must outlive it (it writes from there).
    m_runner.reset();
    m_journal.reset();
}

void RunPage::retranslateUi()
{
    setTitle(Tr::tr("Run"));
    setSubTitle(Tr::tr("Each step runs its command, then reads the node to prove it worked. The full log is kept in the run directory."));
    m_steps->setHeaderLabels({ Tr::tr("Status"), Tr::tr("Node"), Tr::tr("Step"), Tr::tr("Duration") });
    m_cancel->setText(Tr::tr("C&ancel run"));
    m_follow->setText(Tr::tr("&Follow the log"));
    m_stderrOnly->setText(Tr::tr("&stderr only"));
    m_search->setPlaceholderText(Tr::tr("Show lines containing..."));
    if (m_nodeFilter->count() == 0)
        m_nodeFilter->addItem(QString(), QString());
    m_nodeFilter->setItemText(0, Tr::tr("All nodes"));
    const Plan& plan = state().plan;
    for (int i = 0; i < m_steps->topLevelItemCount() && i < plan.steps.size(); ++i)
        m_steps->topLevelItem(i)->setText(TitleColumn, plan.steps.at(i).title());
    showStatus();
    updateElapsed();
}

void RunPage::initializePage()
{
    // A commit page precedes this one, so it is entered once per run.
    if (!m_started)
        startRun();
}

bool RunPage::isRunning() const
{
    // Until the finished signal has been handled, not just until the worker thread ends.
    return m_started && !m_finished;
}

void RunPage::startRun()
{
    WizardState& s = state();
    m_steps->clear();
    QList<QTreeWidgetItem*> items;
    for (const Step& step : std::as_const(s.plan.steps))
        items << new QTreeWidgetItem({ QString(), step.node, step.title(), QString() });
    m_steps->addTopLevelItems(items);
    m_progress->setRange(0, int(s.plan.steps.size()));
    m_progress->setValue(0);
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
        showStatus();
        return;
    }
    s.runDir = m_journal->runDir();
    m_started = true;
    m_runner = std::make_unique<Runner>(s.profile, s.plan, makeExecutor(s.profile, s.interaction));
    m_journal->attach(m_runner.get());
    // Output lines go straight from the worker thread into the model's queue (thread-safe), not through one
    // queued event per line: the model flushes them in batches on its own timer.
    LogModel* log = m_log;
    connect(m_runner.get(), &Runner::outputLine, log, [log](const OutputLine& line) { log->appendLine(line); },
        Qt::DirectConnection);
    connect(m_runner.get(), &Runner::stepStarted, this, [this](int index, const Step&) { stepStarted(index); });
    connect(m_runner.get(), &Runner::checkProgress, this, [this](int index, const QString& text) {
        if (QTreeWidgetItem* item = m_steps->topLevelItem(index))
            item->setToolTip(StatusColumn, text);
    });
    connect(m_runner.get(), &Runner::stepFinished, this, &RunPage::stepFinished);
    connect(m_runner.get(), &Runner::progress, this, [this](int done, int) { m_progress->setValue(done); });
    connect(m_runner.get(), &Runner::finished, this, &RunPage::runFinished);
    m_clock.start();
    m_elapsedTimer.start();
    m_runner->start();
    showStatus();
}

void RunPage::stepStarted(int index)
{
    m_currentStep = index;
    if (QTreeWidgetItem* item = m_steps->topLevelItem(index)) {
        item->setIcon(StatusColumn, style()->standardIcon(QStyle::SP_MediaPlay));
        item->setText(StatusColumn, Tr::tr("running"));
        m_steps->scrollToItem(item);
    }
    showStatus();
}

void RunPage::stepFinished(int index, const StepResult& result)
{
    QTreeWidgetItem* item = m_steps->topLevelItem(index);
    if (!item)
        return;
    const bool ok = result.status == StepStatus::Ok;
    item->setIcon(StatusColumn, style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical));
    item->setText(StatusColumn, ok ? Tr::tr("done") : result.status == StepStatus::Cancelled ? Tr::tr("cancelled") : Tr::tr("failed"));
    item->setText(DurationColumn, seconds(result.ms));
    item->setToolTip(StatusColumn, result.message);
}

void RunPage::runFinished(const RunResult& result)
{
    WizardState& s = state();
    s.runResult = result;
    s.runFinished = true;
    m_finished = true;
    m_elapsedTimer.stop();
    updateElapsed();
    m_cancel->setEnabled(false);
    // Show the last lines now rather than at the next tick.
    m_log->flushPending();
    showStatus();
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
    if (!m_startError.isEmpty()) {
        m_status->setText(Tr::tr("The run could not start: %1").arg(m_startError));
        return;
    }
    if (!m_started) {
        m_status->clear();
        return;
    }
    if (!m_finished) {
        const QString current = m_currentStep >= 0 && m_currentStep < s.plan.steps.size()
            ? Tr::tr("Step %1 of %2: %3 on %4")
                  .arg(m_currentStep + 1)
                  .arg(s.plan.steps.size())
                  .arg(s.plan.steps.at(m_currentStep).title(), s.plan.steps.at(m_currentStep).node)
            : Tr::tr("Starting...");
        m_status->setText(current + QLatin1Char('\n') + Tr::tr("Record of this run: %1").arg(s.runDir));
        return;
    }
    const RunResult& r = s.runResult;
    if (r.ok) {
        m_status->setText(Tr::tr("Upgrade finished: all %1 steps succeeded. Click Next to verify the cluster.").arg(r.stepsTotal)
            + QLatin1Char('\n') + Tr::tr("Record of this run: %1").arg(s.runDir));
        return;
    }
    QStringList lines;
    lines << (r.cancelled ? Tr::tr("The run was cancelled: %1").arg(r.message) : Tr::tr("The run failed: %1").arg(r.message));
    if (!r.failedStepId.isEmpty())
        lines << Tr::tr("Stopped at: %1 on node %2.").arg(r.failedStepTitle.isEmpty() ? r.failedStepId : r.failedStepTitle, r.failedNode);
    lines << Tr::tr("State of each node:");
    for (const NodeStatus& n : r.nodes)
        lines << QStringLiteral("  • ") + n.summary();
    // Retry and roll back as buttons come next (issue 4); until then the way back is shown to be run by hand.
    if (!r.wayBack.isEmpty()) {
        lines << Tr::tr("The way back (undo of the completed steps, most recent first; review before running):");
        for (const Step& step : r.wayBack)
            lines << QStringLiteral("  [%1] %2: %3").arg(step.undoNode.isEmpty() ? step.node : step.undoNode, step.undoTitle(), step.undoCommand);
    }
    lines << Tr::tr("Record of this run: %1").arg(s.runDir);
    m_status->setText(lines.join(QLatin1Char('\n')));
}

bool RunPage::isComplete() const
{
    return succeeded();
}

} // namespace MogUp
