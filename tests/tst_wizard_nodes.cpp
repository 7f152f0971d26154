#include "ClusterSettingsBox.h"
#include "GuiSshInteraction.h"
#include "MessageBox.h"
#include "MogupWizard.h"
#include "NodesPage.h"
#include "PackagePage.h"
#include "Planner.h"
#include "PrechecksPage.h"
#include "RunPage.h"
#include "SandboxProfile.h"
#include "SshdFixture.h"
#include "TestSupport.h"
#include "VerifyPage.h"
#include "WizardTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace MogUp;
using namespace WizardTestSupport;
using TestSupport::SshdFixture;

// The Nodes page of the real wizard (offscreen): "Test connections" against a sandbox served through a real
// sshd on 127.0.0.1-3 (unknown host key asked about and refused / accepted, a changed host key, a password
// login asked once and never shown), and "Discover" filling the table from one node of the OM sandbox.
class Tst_WizardNodes : public QObject
{
    Q_OBJECT

private:
    // A sandbox whose nodes sit on 127.0.0.1-N, reached through `sshd` with the ed25519 client key.
    static bool sshProfile(const TestSupport::Sandbox& sandbox, const SshdFixture& sshd,
        const QString& knownHosts, const QString& policy, ClusterProfile* out, QString* error)
    {
        Sim::SandboxSshAccess access;
        access.port = sshd.port();
        access.identity = sshd.clientKey(SshdFixture::ClientKey::Ed25519);
        access.knownHosts = knownHosts;
        if (!Sim::writeSandboxProfile(sandbox.config(), error, &access))
            return false;
        QList<ProfileError> errors;
        if (!ClusterProfile::load(sandbox.profile(), out, &errors)) {
            *error = errors.value(0).toString();
            return false;
        }
        out->hostKeyPolicy = policy;
        return true;
    }

    static Sim::SandboxOptions sshSandboxOptions()
    {
        Sim::SandboxOptions options;
        options.transport = QStringLiteral("ssh");
        options.mogha = false; // not needed to test connections; keeps the sandbox light
        return options;
    }

    // Opens the wizard on `profile` and goes to the Nodes page.
    static void openOnNodes(MogupWizard& wizard, const ClusterProfile& profile)
    {
        wizard.setProfile(profile);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        clickNext(wizard, MogupWizard::NodesPageId);
    }

    static void runTest(NodesPage* page)
    {
        QVERIFY(page->testButton()->isEnabled());
        QTest::mouseClick(page->testButton(), Qt::LeftButton);
        QVERIFY(page->isBusy());
        QVERIFY(!page->testButton()->isEnabled());
        QVERIFY(!page->discoverButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 60000);
        QVERIFY(page->testButton()->isEnabled());
    }

    static QTreeWidgetItem* resultRow(NodesPage* page, const QString& node)
    {
        const QList<QTreeWidgetItem*> items
            = page->resultTree()->findItems(node, Qt::MatchExactly, NodesPage::ResultNodeColumn);
        return items.value(0);
    }

    static QList<MessageBox::Question> questionsOf(MessageBox::Kind kind)
    {
        QList<MessageBox::Question> list;
        for (const MessageBox::Question& q : MessageBox::askedQuestions()) {
            if (q.kind == kind)
                list << q;
        }
        return list;
    }

    static int knownHostsLines(const QString& path)
    {
        return int(TestSupport::readFile(path).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
    }

    // Types into a cell the way an operator does: the cell's editor, the text, Enter.
    static void typeCell(QTableWidget* table, int row, int column, const QString& text)
    {
        table->setCurrentCell(row, column);
        table->editItem(table->item(row, column));
        // The editor of this cell: a line edit on the table's viewport that has the focus (the previous
        // cell's editor is hidden when it closes and deleted later).
        QLineEdit* editor = nullptr;
        QTRY_VERIFY2((editor = qobject_cast<QLineEdit*>(QApplication::focusWidget())) && editor->isVisible()
                && editor->parentWidget() == table->viewport(),
            qPrintable(QStringLiteral("no editor for row %1 column %2 (focus: %3)")
                           .arg(row)
                           .arg(column)
                           .arg(QApplication::focusWidget() ? QString::fromLatin1(
                                    QApplication::focusWidget()->metaObject()->className())
                                                            : QString())));
        const QPointer<QLineEdit> guard(editor); // deleted once closed
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits on the next event-loop turn (so the editor sees the key first).
        QTRY_COMPARE(table->item(row, column)->text(), text);
        QTRY_VERIFY(!guard || !guard->isVisible());
    }

    // Chooses a value in a cell that offers a list (login method, role, run as), with the keyboard.
    static void chooseCell(QTableWidget* table, int row, int column, const QString& value)
    {
        table->setCurrentCell(row, column);
        table->editItem(table->item(row, column));
        QComboBox* list = nullptr;
        QTRY_VERIFY((list = qobject_cast<QComboBox*>(QApplication::focusWidget())) && list->isVisible());
        const QPointer<QComboBox> guard(list);
        const int index = list->findText(value);
        QVERIFY2(index >= 0, qPrintable(value));
        list->setCurrentIndex(index);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE(table->item(row, column)->text(), value);
        QTRY_VERIFY(!guard || !guard->isVisible());
    }

    static void typeField(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
        QCOMPARE(edit->text(), text);
    }

private slots:
    void initTestCase() { useTestSettings(); }

    void init() { MessageBox::clearAskedQuestions(); }

    void cleanup()
    {
        // An answer a test queued but nobody used would answer the next test's question.
        QCOMPARE(MessageBox::pendingAnswers(), 0);
    }

    // The whole job as an operator does it on a cluster MogUp has never seen: New upgrade, the cluster's
    // settings and every node typed in (the third row added with Add node), Test connections (three unknown
    // host keys shown and trusted), the package already on the nodes verified, rolling mode, pre-checks,
    // plan, run, and the Verify page showing every node on 2.0.3 with one primary. Through a real sshd on
    // 127.0.0.1-3.
    void newUpgradeTypedInAndRunOverSsh()
    {
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        TestSupport::Sandbox sandbox(sshSandboxOptions());
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const QString knownHosts = sandbox.dir() + QStringLiteral("/known_hosts");
        QVERIFY(TestSupport::writeFile(knownHosts, QByteArray()));
        const Sim::SandboxConfig& config = sandbox.config();
        QCOMPARE(config.nodes.size(), 3);

        MogupWizard wizard;
        wizard.state().runsRoot = sandbox.dir() + QStringLiteral("/runs");
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto* newButton = wizard.currentPage()->findChild<QPushButton*>(QStringLiteral("newProfileButton"));
        QVERIFY(newButton);
        QTest::mouseClick(newButton, Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(MogupWizard::NodesPageId));
        NodesPage* page = wizard.nodesPage();
        QCOMPARE(page->table()->rowCount(), 2);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // empty rows
        // The sandbox's own tools come first on PATH on its "nodes" (not an operator setting: a real node has
        // MogDB's tools where its env file puts them), and its databases settle in 3 s instead of 10.
        wizard.state().profile.sandbox = sandbox.dir();
        wizard.state().profile.stopSettleSeconds = 3;

        ClusterSettingsBox* cluster = page->clusterSettings();
        typeField(cluster->nameEdit(), QStringLiteral("typed-in"));
        QCOMPARE(cluster->transportCombo()->currentData().toString(), QStringLiteral("ssh"));
        QCOMPARE(cluster->installCombo()->currentData().toString(), QStringLiteral("om"));
        typeField(cluster->dbUserEdit(), config.dbUser);
        // One unpack directory for the three "nodes" that share this machine (the unpack steps run one after
        // the other).
        typeField(cluster->unpackDirEdit(), sandbox.dir() + QStringLiteral("/mogdb203"));
        cluster->hostKeyPolicyCombo()->setCurrentIndex(
            cluster->hostKeyPolicyCombo()->findData(QStringLiteral("ask")));
        typeField(cluster->knownHostsEdit(), knownHosts);

        QTableWidget* table = page->table();
        table->setCurrentCell(1, NodesPage::NameColumn);
        QTest::mouseClick(page->addNodeButton(), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            const Sim::SandboxNode& node = config.nodes.at(row);
            const QString envFile = node.root + QStringLiteral("/home/.bashrc");
            typeCell(table, row, NodesPage::NameColumn, node.name);
            typeCell(table, row, NodesPage::HostColumn, QStringLiteral("127.0.0.%1").arg(row + 1));
            typeCell(table, row, NodesPage::SshPortColumn, QString::number(sshd.port()));
            typeCell(table, row, NodesPage::SshUserColumn, QStringLiteral("root"));
            chooseCell(table, row, NodesPage::AuthColumn, QStringLiteral("key"));
            typeCell(table, row, NodesPage::KeyFileColumn, sshd.clientKey(SshdFixture::ClientKey::Ed25519));
            typeCell(table, row, NodesPage::GausshomeColumn, node.gausshome);
            typeCell(table, row, NodesPage::PgdataColumn, node.pgdata);
            typeCell(table, row, NodesPage::DbPortColumn, QString::number(node.dbPort));
            typeCell(table, row, NodesPage::EnvFileColumn, envFile);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(page->problems().isEmpty(), qPrintable(page->problems().join(QLatin1Char('\n'))));
        QCOMPARE(wizard.state().profile.nodes.at(0).role, NodeRole::Primary);
        saveScreen(wizard, QStringLiteral("typed-01-nodes"));

        for (int i = 0; i < 3; ++i)
            MessageBox::setNextHostKeyAnswer(true);
        runTest(page);
        for (const ConnectionCheck& c : page->connectionChecks()) {
            QVERIFY2(c.ok(), qPrintable(c.node + QStringLiteral(": ") + c.detail));
            QCOMPARE(c.version, QStringLiteral("2.0.1"));
            QCOMPARE(c.role,
                c.node == config.nodes.at(0).name ? QStringLiteral("primary") : QStringLiteral("standby"));
        }
        QCOMPARE(knownHostsLines(knownHosts), 3);
        saveScreen(wizard, QStringLiteral("typed-02-connections"));

        clickNext(wizard, MogupWizard::PackagePageId);
        auto* onNodes = wizard.currentPage()->findChild<QRadioButton*>(QStringLiteral("packageOnNodesRadio"));
        auto* file = wizard.currentPage()->findChild<QLineEdit*>(QStringLiteral("packageFile"));
        QVERIFY(onNodes && file);
        QTest::mouseClick(onNodes, Qt::LeftButton, {}, QPoint(6, onNodes->height() / 2));
        QVERIFY(onNodes->isChecked());
        typeField(file, config.root + QStringLiteral("/packages/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        QTest::keyClick(file, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.packagePage()->isComplete(), 60000);
        auto* version = wizard.currentPage()->findChild<QLabel*>(QStringLiteral("packageVersion"));
        QVERIFY(version && version->text().contains(QStringLiteral("2.0.3")));
        saveScreen(wizard, QStringLiteral("typed-03-package"));

        clickNext(wizard, MogupWizard::ModePageId);
        auto* rolling = wizard.currentPage()->findChild<QRadioButton*>(QStringLiteral("rollingRadio"));
        QVERIFY(rolling);
        QTest::mouseClick(rolling, Qt::LeftButton, {}, QPoint(6, rolling->height() / 2));
        QVERIFY(rolling->isChecked());
        clickNext(wizard, MogupWizard::PrechecksPageId);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
        QVERIFY2(wizard.prechecksPage()->failures().isEmpty(),
            qPrintable(wizard.prechecksPage()->failures().join(QLatin1Char('\n'))));
        if (auto* accept
            = wizard.currentPage()->findChild<QCheckBox*>(QStringLiteral("precheckAcceptWarnings"));
            accept && accept->isVisible())
            accept->setChecked(true);
        saveScreen(wizard, QStringLiteral("typed-04-prechecks"));
        clickNext(wizard, MogupWizard::PlanPageId);
        QCOMPARE(wizard.state().plan.mode, UpgradeMode::Rolling);
        saveScreen(wizard, QStringLiteral("typed-05-plan"));
        clickNext(wizard, MogupWizard::RunPageId);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.runPage()->isFinished(), 400000);
        QVERIFY2(wizard.runPage()->succeeded(), qPrintable(wizard.runPage()->statusText()));
        saveScreen(wizard, QStringLiteral("typed-06-run"));
        clickNext(wizard, MogupWizard::VerifyPageId);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.verifyPage()->isDone(), 60000);
        QVERIFY2(wizard.verifyPage()->isVerified(), qPrintable(wizard.verifyPage()->summaryText()));
        QTableWidget* verified = wizard.verifyPage()->table();
        QCOMPARE(verified->rowCount(), 3);
        int primaries = 0;
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(verified->item(row, VerifyPage::VersionAfterColumn)->text(), QStringLiteral("2.0.3"));
            QCOMPARE(verified->item(row, VerifyPage::StateAfterColumn)->text(), QStringLiteral("Normal"));
            primaries += verified->item(row, VerifyPage::RoleAfterColumn)->text() == QStringLiteral("primary")
                ? 1
                : 0;
        }
        QCOMPARE(primaries, 1);
        saveScreen(wizard, QStringLiteral("typed-07-verify"));
    }

    // host_key_policy "ask", empty known_hosts: every node's key is shown with its exact SHA256 fingerprint;
    // refused -> nothing logged in; accepted -> every node logged in and read; then the server's key changes
    // -> refused with the reason, without asking.
    void unknownThenChangedHostKey()
    {
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        TestSupport::Sandbox sandbox(sshSandboxOptions());
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const QString knownHosts = sandbox.dir() + QStringLiteral("/known_hosts");
        QVERIFY(TestSupport::writeFile(knownHosts, QByteArray()));
        ClusterProfile profile;
        QString error;
        QVERIFY2(sshProfile(sandbox, sshd, knownHosts, QStringLiteral("ask"), &profile, &error),
            qPrintable(error));

        MogupWizard wizard;
        openOnNodes(wizard, profile);
        NodesPage* page = wizard.nodesPage();
        QCOMPARE(page->table()->rowCount(), 3);
        QVERIFY(page->resultTree()->topLevelItemCount() == 0);
        saveScreen(wizard, QStringLiteral("ssh-01-nodes"));
        const QString fingerprint = sshd.hostFingerprint(QStringLiteral("ed25519"));
        QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));

        // Refused: the key is not recorded and no login is attempted.
        for (int i = 0; i < 3; ++i)
            MessageBox::setNextHostKeyAnswer(false);
        runTest(page);
        QList<MessageBox::Question> asked = questionsOf(MessageBox::Kind::HostKey);
        QCOMPARE(asked.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QString node = QStringLiteral("node%1").arg(i + 1);
            bool shown = false;
            for (const MessageBox::Question& q : std::as_const(asked)) {
                if (q.text.contains(
                        QStringLiteral("node %1 (127.0.0.%2:%3)").arg(node).arg(i + 1).arg(sshd.port()))) {
                    shown = true;
                    QVERIFY2(
                        q.text.contains(QStringLiteral("Fingerprint: ") + fingerprint), qPrintable(q.text));
                    QVERIFY2(q.text.contains(QStringLiteral("Key type: ssh-ed25519")), qPrintable(q.text));
                    QVERIFY2(q.text.contains(knownHosts), qPrintable(q.text));
                }
            }
            QVERIFY2(shown, qPrintable(node));
        }
        QCOMPARE(page->connectionChecks().size(), 3);
        for (const ConnectionCheck& c : page->connectionChecks()) {
            QCOMPARE(c.reachable, ConnectionStageResult::Ok);
            QCOMPARE(c.hostKey, ConnectionCheck::HostKey::Refused);
            QCOMPARE(c.fingerprint, fingerprint);
            QCOMPARE(c.login, ConnectionStageResult::NotTried);
            QCOMPARE(c.probe, ConnectionStageResult::NotTried);
            QTreeWidgetItem* row = resultRow(page, c.node);
            QVERIFY(row);
            QVERIFY2(row->text(NodesPage::ResultHostKeyColumn).startsWith(QStringLiteral("refused by you")),
                qPrintable(row->text(NodesPage::ResultHostKeyColumn)));
            QVERIFY2(row->text(NodesPage::ResultLoginColumn).startsWith(QStringLiteral("not attempted")),
                qPrintable(row->text(NodesPage::ResultLoginColumn)));
        }
        QVERIFY2(page->statusText().startsWith(QStringLiteral("3 of 3 node(s) failed")),
            qPrintable(page->statusText()));
        QCOMPARE(knownHostsLines(knownHosts), 0);
        saveScreen(wizard, QStringLiteral("ssh-02-host-key-refused"));

        // Accepted: recorded in known_hosts, logged in, version and roles read.
        MessageBox::clearAskedQuestions();
        for (int i = 0; i < 3; ++i)
            MessageBox::setNextHostKeyAnswer(true);
        runTest(page);
        QCOMPARE(questionsOf(MessageBox::Kind::HostKey).size(), 3);
        for (const ConnectionCheck& c : page->connectionChecks()) {
            QVERIFY2(c.ok(), qPrintable(c.node + QStringLiteral(": ") + c.detail));
            QCOMPARE(c.hostKey, ConnectionCheck::HostKey::AskedAccepted);
            QCOMPARE(c.login, ConnectionStageResult::Ok);
            QCOMPARE(c.version, QStringLiteral("2.0.1"));
            QCOMPARE(c.role,
                c.node == QStringLiteral("node1") ? QStringLiteral("primary") : QStringLiteral("standby"));
            QTreeWidgetItem* row = resultRow(page, c.node);
            QVERIFY(row);
            QVERIFY(row->text(NodesPage::ResultHostKeyColumn).contains(QStringLiteral("accepted by you")));
            QVERIFY(row->text(NodesPage::ResultLoginColumn).startsWith(QStringLiteral("logged in as ")));
            QCOMPARE(row->text(NodesPage::ResultVersionColumn), QStringLiteral("MogDB 2.0.1"));
            QVERIFY(row->text(NodesPage::ResultRoleColumn).startsWith(c.role));
        }
        QVERIFY2(page->statusText().startsWith(QStringLiteral("Every node (3) was reached")),
            qPrintable(page->statusText()));
        QCOMPARE(knownHostsLines(knownHosts), 3);
        saveScreen(wizard, QStringLiteral("ssh-03-host-key-accepted"));

        // Once known, nothing is asked.
        MessageBox::clearAskedQuestions();
        runTest(page);
        QVERIFY(MessageBox::askedQuestions().isEmpty());
        for (const ConnectionCheck& c : page->connectionChecks()) {
            QCOMPARE(c.hostKey, ConnectionCheck::HostKey::Known);
            QVERIFY(c.ok());
        }

        // The server now presents other keys: refused with the reason, never asked about.
        QVERIFY2(sshd.restart(true), qPrintable(sshd.error()));
        const QString newFingerprint = sshd.hostFingerprint(QStringLiteral("ed25519"));
        QVERIFY(newFingerprint != fingerprint);
        runTest(page);
        QVERIFY(MessageBox::askedQuestions().isEmpty());
        for (const ConnectionCheck& c : page->connectionChecks()) {
            QCOMPARE(c.hostKey, ConnectionCheck::HostKey::Changed);
            QCOMPARE(c.login, ConnectionStageResult::NotTried);
            QCOMPARE(c.fingerprint, newFingerprint);
            QVERIFY2(c.detail.contains(QStringLiteral("the host key has CHANGED")), qPrintable(c.detail));
            QVERIFY2(c.detail.contains(knownHosts), qPrintable(c.detail));
            QVERIFY2(
                c.detail.contains(fingerprint), qPrintable(c.detail)); // the old key, as known_hosts holds it
            QTreeWidgetItem* row = resultRow(page, c.node);
            QVERIFY(row->text(NodesPage::ResultHostKeyColumn).startsWith(QStringLiteral("CHANGED, refused")));
            QVERIFY(row->text(NodesPage::ResultHostKeyColumn).contains(newFingerprint));
        }
        // The reason is on the page, not only in a tooltip.
        QVERIFY2(page->statusText().contains(QStringLiteral("the host key has CHANGED")),
            qPrintable(page->statusText()));
        QCOMPARE(knownHostsLines(knownHosts), 3); // nothing rewritten
        saveScreen(wizard, QStringLiteral("ssh-04-host-key-changed"));
    }

    // A password login: asked once in a dialog that names node, user and host; kept in memory for the next
    // test; the password appears nowhere on the page or in the profile.
    void passwordAskedOnceNeverShown()
    {
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QString whyNot;
        if (!sshd.ensureTestUser(&whyNot))
            MOGUP_SKIP_OR_FAIL(whyNot);
        Sim::SandboxOptions options = sshSandboxOptions();
        options.nodes = 2;
        TestSupport::Sandbox sandbox(options);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        const QString knownHosts = sandbox.dir() + QStringLiteral("/known_hosts");
        QVERIFY(sshd.writeKnownHosts(knownHosts, false));
        ClusterProfile profile;
        QString error;
        QVERIFY2(sshProfile(sandbox, sshd, knownHosts, QStringLiteral("strict"), &profile, &error),
            qPrintable(error));
        profile.nodes[1].auth = QStringLiteral("password");
        profile.nodes[1].sshUser = sshd.testUser();
        profile.nodes[1].keyFile.clear();

        MogupWizard wizard;
        openOnNodes(wizard, profile);
        NodesPage* page = wizard.nodesPage();
        const QString password = sshd.testPassword();

        // A wrong answer first: the dialog asks again, saying the previous answer was wrong.
        MessageBox::setNextSecret(QStringLiteral("not-the-password"));
        MessageBox::setNextSecret(password);
        runTest(page);
        QList<MessageBox::Question> asked = questionsOf(MessageBox::Kind::Secret);
        QCOMPARE(asked.size(), 2);
        QVERIFY2(asked.at(0).text.contains(
                     QStringLiteral("Password of %1 on 127.0.0.2 (node node2)").arg(sshd.testUser())),
            qPrintable(asked.at(0).text));
        QVERIFY(!asked.at(0).text.contains(QStringLiteral("not accepted")));
        QVERIFY2(asked.at(1).text.startsWith(QStringLiteral("The previous answer was not accepted.")),
            qPrintable(asked.at(1).text));
        const ConnectionCheck node2 = page->connectionChecks().value(1);
        QCOMPARE(node2.node, QStringLiteral("node2"));
        QCOMPARE(node2.hostKey, ConnectionCheck::HostKey::Known);
        QCOMPARE(node2.login, ConnectionStageResult::Ok);
        QVERIFY2(node2.loginText == QStringLiteral("logged in as %1 (password)").arg(sshd.testUser()),
            qPrintable(node2.loginText));
        QVERIFY(page->connectionChecks().value(0).ok());
        saveScreen(wizard, QStringLiteral("password-01-logged-in"));

        // Kept in memory: the next test (and the pre-checks, the run) do not ask again.
        auto* gui = dynamic_cast<GuiSshInteraction*>(wizard.state().interaction.get());
        QVERIFY(gui);
        QCOMPARE(gui->keptSecrets(), 1);
        MessageBox::clearAskedQuestions();
        runTest(page);
        QVERIFY(MessageBox::askedQuestions().isEmpty());
        QCOMPARE(page->connectionChecks().value(1).login, ConnectionStageResult::Ok);

        // Never shown: not in any text of the page, its tooltips, the dialogs' texts, or the profile.
        QStringList seen { page->statusText() };
        for (const QLabel* label : page->findChildren<QLabel*>())
            seen << label->text();
        for (int i = 0; i < page->resultTree()->topLevelItemCount(); ++i) {
            for (int column = 0; column < NodesPage::ResultColumnCount; ++column)
                seen << page->resultTree()->topLevelItem(i)->text(column)
                     << page->resultTree()->topLevelItem(i)->toolTip(column);
        }
        for (int row = 0; row < page->table()->rowCount(); ++row) {
            for (int column = 0; column < NodesPage::ColumnCount; ++column)
                seen << page->table()->item(row, column)->text();
        }
        for (const MessageBox::Question& q : asked)
            seen << q.title << q.text;
        for (const ConnectionCheck& c : page->connectionChecks())
            seen << c.detail << c.loginText << c.probeText;
        seen << QString::fromUtf8(QJsonDocument(wizard.state().profile.toJson()).toJson());
        for (const QString& text : std::as_const(seen))
            QVERIFY2(!text.contains(password), "the password was shown");
        saveScreen(wizard, QStringLiteral("password-02-asked-once"));
    }

    // Questions from worker threads are answered on the GUI thread while the worker waits; a secret is then
    // kept (no second question); after shutDown() (the wizard's teardown) nothing is asked and nobody waits.
    void interactionFromWorkerThreads()
    {
        QWidget parent;
        GuiSshInteraction gui(&parent);
        SecretRequest request;
        request.kind = SecretRequest::Kind::KeyPassphrase;
        request.node = QStringLiteral("node7");
        request.user = QStringLiteral("omm");
        request.host = QStringLiteral("10.0.0.7");
        request.prompt = QStringLiteral("/home/me/.ssh/id_ed25519");
        const auto askFromWorker = [&](auto&& call) {
            std::atomic<bool> done { false };
            std::thread worker([&] {
                call();
                done = true;
            });
            // The worker waits for the GUI thread, which answers while QTRY spins the event loop.
            QTRY_VERIFY(done.load());
            worker.join();
        };
        MessageBox::setNextSecret(QStringLiteral("s3cret"));
        std::optional<QString> answer;
        askFromWorker([&] { answer = gui.secret(request); });
        QCOMPARE(answer.value_or(QString()), QStringLiteral("s3cret"));
        QCOMPARE(MessageBox::askedQuestions().size(), 1);
        const MessageBox::Question q = MessageBox::askedQuestions().first();
        QCOMPARE(q.kind, MessageBox::Kind::Secret);
        QCOMPARE(q.title, QStringLiteral("Key passphrase for node7"));
        QVERIFY2(q.text.startsWith(QStringLiteral(
                     "Passphrase of the key /home/me/.ssh/id_ed25519 (user omm, node node7):")),
            qPrintable(q.text));
        answer.reset();
        askFromWorker([&] { answer = gui.secret(request); });
        QCOMPARE(answer.value_or(QString()), QStringLiteral("s3cret"));
        QCOMPARE(MessageBox::askedQuestions().size(), 1); // kept: not asked again
        // Cancelled: nullopt, and nothing is kept for a retry.
        request.retry = true;
        MessageBox::setNextSecret(std::nullopt);
        askFromWorker([&] { answer = gui.secret(request); });
        QVERIFY(!answer);
        QCOMPARE(gui.keptSecrets(), 0);
        QVERIFY(MessageBox::askedQuestions().last().text.startsWith(
            QStringLiteral("The previous answer was not accepted.")));

        gui.shutDown();
        HostKeyInfo key;
        key.node = QStringLiteral("node7");
        bool accepted = true;
        askFromWorker([&] { accepted = gui.acceptHostKey(key); });
        QVERIFY(!accepted);
        QCOMPARE(MessageBox::askedQuestions().size(), 2); // no dialog after shutDown
    }

    // The real dialogs, answered with the keyboard: Enter refuses an unknown host key (Refuse is the
    // default), Alt+T trusts it; the password field does not echo, Enter gives the answer, Escape cancels.
    void realDialogsWithTheKeyboard()
    {
        MogupWizard wizard; // the dialogs' parent, as in the application
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto* gui = dynamic_cast<GuiSshInteraction*>(wizard.state().interaction.get());
        QVERIFY(gui);
        QDir().mkpath(screensDir());
        HostKeyInfo key;
        key.node = QStringLiteral("node2");
        key.host = QStringLiteral("10.0.0.12");
        key.port = 2222;
        key.keyType = QStringLiteral("ssh-ed25519");
        key.fingerprint = QStringLiteral("SHA256:Q8l9gHc2b0m3hJq8yS1p4X8vF1m9Wc5n0pT7rK2dZxE");
        key.knownHostsFile = QStringLiteral("/home/dba/.ssh/known_hosts");
        const auto fromWorker = [](auto&& call) {
            std::atomic<bool> done { false };
            std::thread worker([&] {
                call();
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done.load(), 10000);
            worker.join();
        };

        QString shown;
        QString defaultButton;
        MessageBox::setDialogHook([&](QDialog* dialog) {
            auto* box = qobject_cast<QMessageBox*>(dialog);
            shown = box ? box->text() : QString();
            defaultButton = box && box->defaultButton() ? box->defaultButton()->text() : QString();
            dialog->grab().save(screensDir() + QStringLiteral("/dialog-01-host-key.png"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        bool trusted = true;
        fromWorker([&] { trusted = gui->acceptHostKey(key); });
        QVERIFY(!trusted);
        QCOMPARE(defaultButton, QStringLiteral("&Refuse"));
        QVERIFY2(shown.contains(QStringLiteral("node node2 (10.0.0.12:2222)")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Fingerprint: ") + key.fingerprint), qPrintable(shown));
        QVERIFY2(shown.contains(key.knownHostsFile), qPrintable(shown));

        MessageBox::setDialogHook([](QDialog* dialog) {
            // Mnemonics work in the active window only.
            dialog->activateWindow();
            if (!QTest::qWaitForWindowActive(dialog))
                qWarning("the host-key dialog did not become active");
            QTest::keyClick(dialog, Qt::Key_T, Qt::AltModifier);
        });
        fromWorker([&] { trusted = gui->acceptHostKey(key); });
        QVERIFY(trusted);

        SecretRequest request;
        request.kind = SecretRequest::Kind::Password;
        request.node = QStringLiteral("node2");
        request.user = QStringLiteral("omm");
        request.host = QStringLiteral("10.0.0.12");
        const QString typed = QStringLiteral("typed 'pw' $x");
        QLineEdit::EchoMode echo = QLineEdit::Normal;
        bool focused = false;
        MessageBox::setDialogHook([&](QDialog* dialog) {
            auto* edit = dialog->findChild<QLineEdit*>();
            if (!edit)
                return;
            echo = edit->echoMode();
            focused = dialog->focusWidget() == edit;
            QTest::keyClicks(edit, typed);
            shown = dialog->findChild<QLabel*>()->text();
            dialog->grab().save(screensDir() + QStringLiteral("/dialog-02-password.png"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        std::optional<QString> answer;
        fromWorker([&] { answer = gui->secret(request); });
        QCOMPARE(answer.value_or(QString()), typed);
        QCOMPARE(echo, QLineEdit::Password);
        QVERIFY(focused);
        QVERIFY2(shown.startsWith(QStringLiteral("Password of omm on 10.0.0.12 (node node2):")),
            qPrintable(shown));
        QVERIFY(!shown.contains(typed));

        request.node = QStringLiteral("node3");
        MessageBox::setDialogHook([](QDialog* dialog) { QTest::keyClick(dialog, Qt::Key_Escape); });
        answer = QStringLiteral("not yet");
        fromWorker([&] { answer = gui->secret(request); });
        QVERIFY(!answer);
        MessageBox::setDialogHook({});
        QCOMPARE(gui->keptSecrets(), 1); // node2's; the cancelled one is not kept
    }

    // "Discover" on the OM sandbox: one row becomes the three nodes the OM lists; a second discovery asks
    // before it replaces rows; Test connections then shows the local transport honestly.
    // The role cell offers the three roles; Test connections takes the live primary into the table when the
    // profile names another (the pre-checks would refuse it) and says so.
    void liveRolesReplaceTheProfiles()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile;
        QList<ProfileError> errors;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, &errors));
        MogupWizard wizard;
        openOnNodes(wizard, profile);
        NodesPage* page = wizard.nodesPage();
        QTableWidget* table = page->table();
        QCOMPARE(table->item(0, NodesPage::RoleColumn)->text(), QStringLiteral("primary"));

        // Through the cells' lists, as after a switchover nobody recorded: node2 primary, node1 standby.
        chooseCell(table, 0, NodesPage::RoleColumn, QStringLiteral("standby"));
        chooseCell(table, 1, NodesPage::RoleColumn, QStringLiteral("primary"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(wizard.state().profile.nodes.at(0).role, NodeRole::Standby);
        QCOMPARE(wizard.state().profile.nodes.at(1).role, NodeRole::Primary);
        saveScreen(wizard, QStringLiteral("roles-01-profile-says-node2"));

        runTest(page);
        QCOMPARE(table->item(0, NodesPage::RoleColumn)->text(), QStringLiteral("primary"));
        QCOMPARE(table->item(1, NodesPage::RoleColumn)->text(), QStringLiteral("standby"));
        QCOMPARE(wizard.state().profile.nodes.at(0).role, NodeRole::Primary);
        QCOMPARE(wizard.state().profile.nodes.at(1).role, NodeRole::Standby);
        QVERIFY2(page->statusText().contains(QStringLiteral(
                     "Roles taken from the nodes: node1 is the primary now (the profile said node2).")),
            qPrintable(page->statusText()));
        QVERIFY(page->problems().isEmpty());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("roles-02-taken-from-the-nodes"));

        // Run as: chosen from the list, it is what the plan's commands use on that node.
        QCOMPARE(table->item(1, NodesPage::BecomeColumn)->text(), QStringLiteral("auto"));
        chooseCell(table, 1, NodesPage::BecomeColumn, QStringLiteral("sudo"));
        QCOMPARE(wizard.state().profile.nodes.at(1).become, QStringLiteral("sudo"));
        wizard.state().profile.transport = Transport::Ssh; // run-as applies to SSH logins
        PlannerOptions options;
        options.primaryNode = QStringLiteral("node1");
        Plan plan;
        QString planError;
        QVERIFY2(Planner::build(wizard.state().profile, options, &plan, &planError), qPrintable(planError));
        int onNode2 = 0;
        for (const Step& step : std::as_const(plan.steps)) {
            if (step.node == QStringLiteral("node2") && step.runAs != RunAs::Root) {
                ++onNode2;
                QVERIFY2(step.command.contains(QStringLiteral("sudo -n")), qPrintable(step.command));
            }
        }
        QVERIFY(onNode2 > 0);
    }

    void discoverFillsTheTable()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile;
        QList<ProfileError> errors;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, &errors));
        const QList<NodeProfile> complete = profile.nodes;
        profile.nodes = { complete.first() };

        MogupWizard wizard;
        openOnNodes(wizard, profile);
        NodesPage* page = wizard.nodesPage();
        QCOMPARE(page->table()->rowCount(), 1);
        saveScreen(wizard, QStringLiteral("discover-01-one-row"));

        // From the keyboard: the mnemonic of "&Discover" (it clicks the button animated: a moment later).
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        QTest::keyClick(&wizard, Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!page->statusText().isEmpty() && !page->isBusy(), 60000);
        QVERIFY2(page->lastDiscovery().ok, qPrintable(page->lastDiscovery().error));
        QCOMPARE(page->table()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            const NodeProfile& expected = complete.at(row);
            QCOMPARE(page->table()->item(row, NodesPage::NameColumn)->text(), expected.name);
            QCOMPARE(page->table()->item(row, NodesPage::HostColumn)->text(), expected.host);
            QCOMPARE(page->table()->item(row, NodesPage::PgdataColumn)->text(), expected.pgdata);
            QCOMPARE(page->table()->item(row, NodesPage::GausshomeColumn)->text(), expected.gausshome);
            QCOMPARE(
                page->table()->item(row, NodesPage::DbPortColumn)->text(), QString::number(expected.dbPort));
        }
        QVERIFY2(page->problems().isEmpty(), qPrintable(page->problems().join(QLatin1Char('\n'))));
        QVERIFY2(page->statusText().startsWith(
                     QStringLiteral("Found 3 nodes through the OM on node1: node1 (127.0.0.1, primary), "
                                    "node2 (127.0.0.1, standby)")),
            qPrintable(page->statusText()));
        QVERIFY(questionsOf(MessageBox::Kind::YesNo).isEmpty()); // nothing to overwrite: nothing asked
        saveScreen(wizard, QStringLiteral("discover-02-three-rows"));

        // Rows exist now: asked first; "No" leaves the table alone.
        page->table()->setCurrentCell(1, NodesPage::NameColumn); // discover from node2 this time
        page->table()->item(0, NodesPage::EnvFileColumn)->setText(QString()); // an edit that "No" must keep
        MessageBox::setNextAnswer(false);
        QTest::mouseClick(page->discoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 60000);
        QCOMPARE(questionsOf(MessageBox::Kind::YesNo).size(), 1);
        QVERIFY2(questionsOf(MessageBox::Kind::YesNo)
                     .first()
                     .text.contains(QStringLiteral("The OM on node2 lists 3 nodes")),
            qPrintable(questionsOf(MessageBox::Kind::YesNo).first().text));
        QCOMPARE(page->table()->item(0, NodesPage::EnvFileColumn)->text(), QString());
        QCOMPARE(page->statusText(), QStringLiteral("Discovery done; the table was left as it was."));
        // "Yes" replaces the other rows (node1's edit is gone), with node2's settings moved beside their
        // data.
        MessageBox::setNextAnswer(true);
        QTest::mouseClick(page->discoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 60000);
        QCOMPARE(page->table()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(page->table()->item(row, NodesPage::EnvFileColumn)->text(), complete.at(row).envFile);

        // Test connections (Alt+T) on the local sandbox: no network, host key or login to check, said so.
        QTest::keyClick(&wizard, Qt::Key_T, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(page->connectionChecks().size() == 3 && !page->isBusy(), 60000);
        for (const ConnectionCheck& c : page->connectionChecks()) {
            QVERIFY2(c.ok(), qPrintable(c.node + QStringLiteral(": ") + c.detail));
            QCOMPARE(c.reachable, ConnectionStageResult::Local);
            QCOMPARE(c.hostKey, ConnectionCheck::HostKey::Local);
            QCOMPARE(c.version, QStringLiteral("2.0.1"));
            QTreeWidgetItem* row = resultRow(page, c.node);
            QVERIFY(row);
            QCOMPARE(row->text(NodesPage::ResultHostKeyColumn), QStringLiteral("not used (transport local)"));
        }
        QCOMPARE(resultRow(page, QStringLiteral("node1"))->text(NodesPage::ResultRoleColumn),
            QStringLiteral("primary (Normal)"));
        QCOMPARE(resultRow(page, QStringLiteral("node3"))->text(NodesPage::ResultRoleColumn),
            QStringLiteral("standby (Normal)"));
        saveScreen(wizard, QStringLiteral("discover-03-tested"));
        clickNext(wizard, MogupWizard::PackagePageId);
    }

    // A manual install has no OM: the page says why and what to do instead, and keeps the table.
    void discoverOnManualInstallSaysWhy()
    {
        Sim::SandboxOptions options;
        options.install = QStringLiteral("manual");
        options.nodes = 2;
        options.mogha = false;
        TestSupport::Sandbox sandbox(options);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile;
        QList<ProfileError> errors;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, &errors));
        MogupWizard wizard;
        openOnNodes(wizard, profile);
        NodesPage* page = wizard.nodesPage();
        QTest::mouseClick(page->discoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 60000);
        QVERIFY(!page->lastDiscovery().ok);
        QVERIFY2(
            page->statusText().startsWith(QStringLiteral("node1: the profile says this is a manual install")),
            qPrintable(page->statusText()));
        QVERIFY(page->statusText().contains(QStringLiteral("add a row per node")));
        QCOMPARE(page->table()->rowCount(), 2);
        saveScreen(wizard, QStringLiteral("discover-04-manual-install"));
    }
};

QTEST_MAIN(Tst_WizardNodes)
#include "tst_wizard_nodes.moc"
