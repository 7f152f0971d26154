#pragma once

#include "Language.h"
#include "MessageBox.h"
#include "ModePage.h"
#include "MogupWizard.h"
#include "PrechecksPage.h"
#include "RunPage.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

// Driving the real wizard the way an operator would (offscreen), shared by the tst_wizard_* tests.
namespace WizardTestSupport {

// Every page a test visits is saved as a PNG under wizard-screens/<test executable>/ in the working
// directory (one folder per test: ctest runs them in parallel, each starts by emptying its own).
inline QString screensDir()
{
    return QDir::currentPath() + QStringLiteral("/wizard-screens/")
        + QFileInfo(QCoreApplication::applicationFilePath()).baseName();
}

inline void saveScreen(QWizard& wizard, const QString& name)
{
    QDir().mkpath(screensDir());
    const QString path = screensDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(wizard.grab().save(path), qPrintable(path));
}

// Clicks Next (the commit button on a commit page) and checks where the wizard went.
inline void clickNext(QWizard& wizard, int expectedId)
{
    QAbstractButton* next
        = wizard.button(wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    QVERIFY(next->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 60000);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), expectedId);
}

// Opens the wizard on the sandbox's profile (Welcome page, shown), its run records kept in the sandbox.
inline void openOnSandbox(MogUp::MogupWizard& wizard, const TestSupport::Sandbox& sandbox)
{
    wizard.state().runsRoot = sandbox.dir() + QStringLiteral("/runs");
    wizard.state().baselineMs = 0; // the baseline has its own tests (tst_session); these test the failure paths
    QString error;
    QVERIFY2(wizard.loadProfile(sandbox.profile(), &error), qPrintable(error));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
}

// From the sandbox's profile through Nodes, Package, Mode, Pre-checks and Plan into the run (started).
inline void driveIntoRun(
    MogUp::MogupWizard& wizard, const TestSupport::Sandbox& sandbox, MogUp::UpgradeMode mode)
{
    using MogUp::MogupWizard;
    openOnSandbox(wizard, sandbox);
    if (QTest::currentTestFailed())
        return;
    clickNext(wizard, MogupWizard::NodesPageId);
    clickNext(wizard, MogupWizard::PackagePageId);
    clickNext(wizard, MogupWizard::ModePageId);
    wizard.modePage()->setMode(mode);
    clickNext(wizard, MogupWizard::PrechecksPageId);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
    QVERIFY2(wizard.prechecksPage()->isComplete(),
        qPrintable(wizard.prechecksPage()->failures().join(QLatin1Char('\n'))));
    clickNext(wizard, MogupWizard::PlanPageId);
    QCOMPARE(wizard.state().plan.mode, mode);
    clickNext(wizard, MogupWizard::RunPageId);
}

// The run stuck in a known step, cancelled there. `tool` hangs on `node` (a "hang" fault,
// sim/FaultInjector.h: it sleeps until killed, once) so the run always has something to cancel, however
// fast or slow the machine: Cancel is pressed only once the hung process is there and its step shows
// "running". Then checks what the operator sees (the step cancelled, the ones before it done, none after
// it started, the page naming the step and every node's state, Next disabled), the journal, and that the
// hung process was ended with the step. Pick a step whose own timeout is long (a stop or start: 180 s):
// the cancel must reach it first.
inline void cancelWhileHung(MogUp::MogupWizard& wizard, TestSupport::Sandbox& sandbox,
    MogUp::UpgradeMode mode, const QString& node, const QString& tool, const QString& args,
    const QString& hungStepId)
{
    using namespace MogUp;
    sandbox.addFault(node, tool, args, QStringLiteral("hang"), 1);
    driveIntoRun(wizard, sandbox, mode);
    if (QTest::currentTestFailed())
        return;
    RunPage* run = wizard.runPage();
    const Plan& plan = wizard.state().plan;
    int hungRow = -1;
    for (int i = 0; i < plan.steps.size(); ++i) {
        if (plan.steps.at(i).id == hungStepId)
            hungRow = i;
    }
    QVERIFY2(hungRow > 0, qPrintable(hungStepId)); // mid-run: at least one step done before it
    QTreeWidget* steps = run->stepTree();

    QTRY_VERIFY_WITH_TIMEOUT(!sandbox.toolProcesses(tool, args).isEmpty() || run->isFinished(), 300000);
    QVERIFY2(!run->isFinished(), qPrintable(run->statusText())); // the run reached the hang
    QTRY_COMPARE_WITH_TIMEOUT(
        steps->topLevelItem(hungRow)->text(RunPage::StatusColumn), QStringLiteral("running"), 60000);
    QVERIFY(run->isRunning());
    auto* cancel = run->findChild<QPushButton*>(QStringLiteral("cancelRunButton"));
    QVERIFY(cancel);
    QVERIFY(cancel->isEnabled());
    MessageBox::setNextAnswer(true);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 120000);

    const RunResult& result = wizard.state().runResult;
    QVERIFY(!result.ok);
    QVERIFY2(result.cancelled, qPrintable(result.message));
    QCOMPARE(result.failedStepId, hungStepId);
    QCOMPARE(result.failedNode, node);
    QCOMPARE(result.stepsDone, hungRow);
    for (int row = 0; row < hungRow; ++row)
        QCOMPARE(steps->topLevelItem(row)->text(RunPage::StatusColumn), QStringLiteral("done"));
    QCOMPARE(steps->topLevelItem(hungRow)->text(RunPage::StatusColumn), QStringLiteral("cancelled"));
    for (int row = hungRow + 1; row < plan.steps.size(); ++row)
        QVERIFY2(steps->topLevelItem(row)->text(RunPage::StatusColumn).isEmpty(),
            "a step after the cancel started");
    const QString status = run->statusText();
    QVERIFY2(status.contains(QStringLiteral("The run was cancelled")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("Stopped at: %1 on node %2.").arg(result.failedStepTitle, node)),
        qPrintable(status));
    QCOMPARE(result.nodes.size(), sandbox.config().nodes.size());
    for (const NodeStatus& n : result.nodes)
        QVERIFY2(status.contains(n.summary()), qPrintable(status));
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    // The record says the same: that step ended cancelled, then the run.
    const QList<QJsonObject> events = TestSupport::readJournal(wizard.state().runDir);
    QVERIFY(!events.isEmpty());
    bool stepCancelled = false;
    for (const QJsonObject& e : events) {
        if (e.value(QStringLiteral("event")).toString() == QStringLiteral("step-end")
            && e.value(QStringLiteral("step")).toString() == hungStepId)
            stepCancelled = e.value(QStringLiteral("status")).toString() == QStringLiteral("cancelled");
    }
    QVERIFY(stepCancelled);
    QCOMPARE(events.last().value(QStringLiteral("event")).toString(), QStringLiteral("run-end"));
    QCOMPARE(events.last().value(QStringLiteral("result")).toString(), QStringLiteral("cancelled"));

    // The hung process went with its step (the executor ends the command's whole process group).
    QTRY_VERIFY2_WITH_TIMEOUT(
        sandbox.toolProcesses(tool, args).isEmpty(), qPrintable(tool + QLatin1Char(' ') + args), 60000);
}

// What an operator reads on the current page: its title and subtitle, every visible label, button and group
// box, the headers of its tables and trees, and the wizard's own buttons. Keys name the widget.
inline QMap<QString, QString> visibleTexts(QWizard& wizard)
{
    QMap<QString, QString> texts;
    QWizardPage* page = wizard.currentPage();
    texts.insert(QStringLiteral("page title"), page->title());
    texts.insert(QStringLiteral("page subtitle"), page->subTitle());
    const QList<int> buttons = { QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
        QWizard::FinishButton, QWizard::CancelButton };
    for (int which : buttons) {
        QAbstractButton* b = wizard.button(QWizard::WizardButton(which));
        if (b->isVisible())
            texts.insert(QStringLiteral("wizard button %1").arg(which), b->text());
    }
    const QList<QWidget*> widgets = page->findChildren<QWidget*>();
    for (int i = 0; i < widgets.size(); ++i) {
        QWidget* w = widgets.at(i);
        if (!w->isVisible())
            continue;
        const QString key = QStringLiteral("%1 #%2 '%3'")
                                .arg(QString::fromLatin1(w->metaObject()->className()))
                                .arg(i)
                                .arg(w->objectName());
        if (auto* label = qobject_cast<QLabel*>(w))
            texts.insert(key, label->text());
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts.insert(key, button->text());
        else if (auto* group = qobject_cast<QGroupBox*>(w))
            texts.insert(key, group->title());
        else if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
            for (int c = 0; c < tree->columnCount(); ++c)
                texts.insert(key + QStringLiteral(" header %1").arg(c), tree->headerItem()->text(c));
        } else if (auto* table = qobject_cast<QTableWidget*>(w)) {
            for (int c = 0; c < table->columnCount(); ++c)
                if (table->horizontalHeaderItem(c))
                    texts.insert(
                        key + QStringLiteral(" header %1").arg(c), table->horizontalHeaderItem(c)->text());
        }
    }
    return texts;
}

// Switches to Chinese with the wizard's language button (present on every page) and checks that every text
// that had English words now reads Chinese; saves the page as <screenName>-zh; switches back and checks the
// English texts are back. `dataWidgets`: objectNames of labels that show data (paths, node names), not words.
// Needs the app's Chinese translation in the test's resources (:/i18n).
inline void checkLanguageSwitch(
    QWizard& wizard, const QString& screenName, const QStringList& dataWidgets = {})
{
    static const QRegularExpression englishWord(QStringLiteral("[A-Za-z]{3,}"));
    static const QRegularExpression chinese(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression technicalNames(QStringLiteral(
        "\\b(GAUSSHOME|PGDATA|MogUp|MogDB|MogHA|SSH|SHA-256|SHA256|known_hosts|gs_om|gs_ctl|stderr)\\b"));
    QAbstractButton* language = wizard.button(QWizard::CustomButton1);
    QVERIFY(language->isVisible());
    QVERIFY(language->isEnabled());
    const QMap<QString, QString> english = visibleTexts(wizard);
    QCOMPARE(MogUp::Language::current(), QStringLiteral("en"));
    QTest::mouseClick(language, Qt::LeftButton);
    QCOMPARE(MogUp::Language::current(), QStringLiteral("zh_CN"));
    // QApplication posts LanguageChange to the top-level widgets: deliver it now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    const QMap<QString, QString> translated = visibleTexts(wizard);
    QStringList untranslated;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        QString text = it.value();
        text.remove(tags);
        // Names that stay as they are in every language (environment variables, products, protocols).
        text.remove(technicalNames);
        if (!text.contains(englishWord) || text.contains(chinese))
            continue;
        if (std::any_of(dataWidgets.cbegin(), dataWidgets.cend(), [&](const QString& name) {
                return it.key().endsWith(QLatin1Char('\'') + name + QLatin1Char('\''));
            }))
            continue;
        const QString now = translated.value(it.key());
        if (!now.contains(chinese))
            untranslated << QStringLiteral("%1: \"%2\" -> \"%3\"").arg(it.key(), it.value(), now);
    }
    saveScreen(wizard, screenName + QStringLiteral("-zh"));
    QTest::mouseClick(wizard.button(QWizard::CustomButton1), Qt::LeftButton);
    QCOMPARE(MogUp::Language::current(), QStringLiteral("en"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY2(untranslated.isEmpty(),
        qPrintable(QStringLiteral("still English after switching to Chinese:\n")
            + untranslated.join(QLatin1Char('\n'))));
    const QMap<QString, QString> back = visibleTexts(wizard);
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        if (it.key().endsWith(QStringLiteral("'runElapsed'")))
            continue; // a clock
        QCOMPARE(back.value(it.key()), it.value());
    }
}

// Tab from the wizard's buttons visits every enabled, visible control of the page: nothing is reachable by
// mouse only (an editable table takes one Tab per cell and lets go after its last one).
inline void checkTabReachesEveryControl(QWizard& wizard)
{
    QWizardPage* page = wizard.currentPage();
    QSet<QWidget*> controls;
    const QList<QWidget*> widgets = page->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)
            || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w)
            || qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w);
        if (control && w->isVisible() && w->isEnabled() && !qobject_cast<QComboBox*>(w->parentWidget())
            && !qobject_cast<QAbstractSpinBox*>(w->parentWidget())
            && !qobject_cast<QAbstractItemView*>(w->parentWidget())
            && !qobject_cast<QAbstractItemView*>(w->parentWidget()->parentWidget()))
            controls.insert(w);
    }
    QSet<QWidget*> reached;
    wizard.activateWindow();
    QWidget* start = wizard.button(QWizard::CancelButton);
    start->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 200 && reached.size() < controls.size(); ++i) {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
        QWidget* now = QApplication::focusWidget();
        for (QWidget* w = now; w; w = w->parentWidget())
            if (controls.contains(w))
                reached.insert(w);
    }
    // Two controls with the same Alt+letter: Qt then only moves the focus between them (the Next button's
    // Alt+N would stop working on a page that has another "&N...").
    QMap<QString, QString> mnemonics;
    QStringList clashes;
    QList<QWidget*> labelled = widgets;
    for (int which :
        { QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton })
        labelled << wizard.button(QWizard::WizardButton(which));
    for (QWidget* w : std::as_const(labelled)) {
        QString text;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            text = b->text();
        else if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy())
            text = l->text();
        const QString key = QKeySequence::mnemonic(text).toString();
        if (!w->isVisible() || key.isEmpty())
            continue;
        if (mnemonics.contains(key))
            clashes << QStringLiteral("%1: \"%2\" and \"%3\"").arg(key, mnemonics.value(key), text);
        mnemonics.insert(key, text);
    }
    QVERIFY2(clashes.isEmpty(),
        qPrintable(QStringLiteral("page %1: the same mnemonic twice: ").arg(wizard.currentId())
            + clashes.join(QStringLiteral("; "))));
    // Radio buttons of one group are one Tab stop; the arrow keys move between them.
    for (QWidget* w : std::as_const(controls)) {
        auto* radio = qobject_cast<QRadioButton*>(w);
        if (!radio || !radio->autoExclusive() || reached.contains(w))
            continue;
        const QList<QRadioButton*> group
            = w->parentWidget()->findChildren<QRadioButton*>(Qt::FindDirectChildrenOnly);
        if (std::any_of(
                group.cbegin(), group.cend(), [&reached](QRadioButton* r) { return reached.contains(r); }))
            reached.insert(w);
    }
    QStringList missed;
    for (QWidget* w : std::as_const(controls))
        if (!reached.contains(w))
            missed << QStringLiteral("%1 '%2' (%3)")
                          .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                              qobject_cast<QAbstractButton*>(w) ? qobject_cast<QAbstractButton*>(w)->text()
                                                                : QString());
    QVERIFY2(missed.isEmpty(),
        qPrintable(QStringLiteral("page %1: not reachable with Tab: ").arg(wizard.currentId())
            + missed.join(QStringLiteral(", "))));
}

// A valid profile of `nodes` nodes that needs no live cluster (node1 primary), for the pages that only read
// it.
inline MogUp::ClusterProfile paperProfile(
    int nodes, MogUp::InstallMethod install = MogUp::InstallMethod::Om, bool mogha = false)
{
    using namespace MogUp;
    ClusterProfile profile;
    profile.name = QStringLiteral("paper");
    profile.installMethod = install;
    profile.mogha = mogha;
    profile.package.file = QStringLiteral("/srv/MogDB-2.0.3-CentOS-x86_64.tar.gz");
    profile.unpackDir = QStringLiteral("/opt/mogdb203");
    for (int i = 1; i <= nodes; ++i) {
        NodeProfile node;
        node.name = QStringLiteral("node%1").arg(i);
        node.host = QStringLiteral("10.0.0.%1").arg(i);
        node.gausshome = QStringLiteral("/opt/mogdb/app");
        node.pgdata = QStringLiteral("/opt/mogdb/data");
        node.role = i == 1 ? NodeRole::Primary : NodeRole::Standby;
        profile.nodes << node;
    }
    return profile;
}

// QSettings and data directories go to test locations, not the user's.
// Call from initTestCase(); also empties this test's screenshot folder.
inline void useTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(screensDir()).removeRecursively();
    QCoreApplication::setApplicationName(QStringLiteral("mogup-test"));
}

} // namespace WizardTestSupport
