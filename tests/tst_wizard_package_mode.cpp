#include "ModePage.h"
#include "ModeSummary.h"
#include "MogupWizard.h"
#include "NodeOrderView.h"
#include "PackagePage.h"
#include "PlanPage.h"
#include "PrechecksPage.h"
#include "SandboxProfile.h"
#include "SshdFixture.h"
#include "TestSupport.h"
#include "WizardTestSupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace MogUp;
using namespace WizardTestSupport;

// The Package page (verify the package where the upgrade reads it; refuse a damaged or wrong one; upload
// it over SSH with a progress bar per node) and the Mode page (downtime and the drawn order of the nodes,
// read from the plan; the MogHA option changes the plan), driven in the real wizard on sandbox clusters.
class Tst_WizardPackageMode : public QObject
{
    Q_OBJECT

private:
    template <typename T> static T* child(QWizard& wizard, const char* name)
    {
        T* w = wizard.currentPage()->findChild<T*>(QLatin1String(name));
        if (!w)
            qWarning("no %s on the page", name);
        return w;
    }

    static QString sha256sum(const QString& path)
    {
        const TestSupport::ProcessResult r = TestSupport::sh(QStringLiteral("sha256sum '%1'").arg(path));
        return r.out.section(QLatin1Char(' '), 0, 0).trimmed();
    }

    // Types a path into the page's file field as an operator would, and waits for its verification.
    static void enterPackage(MogupWizard& wizard, const QString& path)
    {
        auto* file = wizard.currentPage()->findChild<QLineEdit*>(QStringLiteral("packageFile"));
        QVERIFY(file);
        file->setFocus();
        file->selectAll();
        QTest::keyClicks(file, path);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // edited: not verified yet
        QTest::keyClick(file, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.packagePage()->isVerifying(), 60000);
        QCOMPARE(wizard.state().profile.package.file, path);
    }

    static int indexIn(const QString& text, const QString& part)
    {
        const int i = int(text.indexOf(part));
        if (i < 0)
            qWarning("\"%s\" not in \"%s\"", qPrintable(part), qPrintable(text));
        return i;
    }

private slots:
    void initTestCase() { useTestSettings(); }

    // ModeSummary reads the planners' plan: the counts are the plan's, the order is the plan's.
    void modeSummaryFollowsThePlan()
    {
        // Manual install, offline: standbys stop before the primary, the primary starts first.
        ClusterProfile manual = paperProfile(3, InstallMethod::Manual, false);
        PlannerOptions options;
        options.mode = UpgradeMode::Offline;
        ModeSummary s = ModeSummary::build(manual, options);
        QVERIFY2(s.ok, qPrintable(s.error));
        Plan plan;
        QString error;
        QVERIFY(Planner::build(manual, options, &plan, &error));
        QCOMPARE(s.steps, plan.steps.size());
        QCOMPARE(s.switchovers, 0);
        QCOMPARE(s.stopSteps, 3);
        QCOMPARE(s.startSteps, 3);
        QVERIFY(s.downSteps > 6 && s.downSteps < s.steps);
        QVERIFY2(s.orderText().contains(QStringLiteral("1. the whole cluster stops (node2, node3, node1)")),
            qPrintable(s.orderText()));
        QVERIFY2(s.orderText().contains(QStringLiteral("the whole cluster starts (node1, node2, node3)")),
            qPrintable(s.orderText()));
        QVERIFY2(s.downtimeText().contains(
                     QStringLiteral("%1 step(s) of the plan's %2").arg(s.downSteps).arg(s.steps)),
            qPrintable(s.downtimeText()));

        // Rolling, the primary read live is node2 (after an earlier switchover), no switch back.
        options.mode = UpgradeMode::Rolling;
        options.primaryNode = QStringLiteral("node2");
        options.switchBack = false;
        s = ModeSummary::build(manual, options);
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(s.primary, QStringLiteral("node2"));
        QCOMPARE(s.finalPrimary, QStringLiteral("node1"));
        QCOMPARE(s.switchovers, 1);
        QCOMPARE(s.orderText(),
            QStringLiteral(
                "1. node1 (standby) upgraded; 2. node3 (standby) upgraded; "
                "3. switchover: node1 becomes primary, node2 standby; 4. node2 (standby) upgraded"));

        // No primary known: no plan, and the page says why instead of guessing an order.
        ClusterProfile noRoles = manual;
        for (NodeProfile& n : noRoles.nodes)
            n.role = NodeRole::Unspecified;
        options.primaryNode.clear();
        s = ModeSummary::build(noRoles, options);
        QVERIFY(!s.ok);
        QVERIFY2(s.downtimeText().contains(QStringLiteral("no node has role")), qPrintable(s.downtimeText()));
    }

    // On the sandbox (transport local, the package already on the nodes): verified on entry on every
    // node, version and the SHA-256 sha256sum computes shown; damaged, wrong-version, badly named and
    // missing packages refused with the reason and Next disabled; then the Mode page.
    void packageAndModeOnSandbox()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        MogupWizard wizard;
        openOnSandbox(wizard, sandbox);
        if (QTest::currentTestFailed())
            return;
        clickNext(wizard, MogupWizard::NodesPageId);
        clickNext(wizard, MogupWizard::PackagePageId);

        PackagePage* page = wizard.packagePage();
        const QString good = wizard.state().profile.package.file;
        QAbstractButton* next = wizard.button(QWizard::NextButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying(), 60000);
        auto* version = child<QLabel>(wizard, "packageVersion");
        auto* sha = child<QLabel>(wizard, "packageSha256");
        auto* size = child<QLabel>(wizard, "packageSize");
        auto* verdict = child<QLabel>(wizard, "packageVerdict");
        QVERIFY(version && sha && size && verdict);
        QVERIFY2(page->isComplete(), qPrintable(verdict->text()));
        QVERIFY(next->isEnabled());
        QVERIFY(child<QRadioButton>(wizard, "packageOnNodesRadio")->isChecked());
        QCOMPARE(version->text(), QStringLiteral("2.0.3"));
        const QString expectedSha = sha256sum(good);
        QCOMPARE(expectedSha.size(), 64);
        QCOMPARE(sha->text(), expectedSha);
        QVERIFY2(size->text().contains(QLocale().toString(QFileInfo(good).size())), qPrintable(size->text()));
        QVERIFY2(verdict->text().startsWith(QStringLiteral("Verified")), qPrintable(verdict->text()));
        // Checked on every node, each at its own path.
        QTableWidget* nodes = page->nodeTable();
        QCOMPARE(nodes->rowCount(), sandbox.config().nodes.size());
        for (int row = 0; row < nodes->rowCount(); ++row) {
            QCOMPARE(nodes->item(row, PackagePage::PathColumn)->text(), good);
            QVERIFY2(nodes->item(row, PackagePage::CheckColumn)->text().contains(QStringLiteral("verified")),
                qPrintable(nodes->item(row, PackagePage::CheckColumn)->text()));
        }
        saveScreen(wizard, QStringLiteral("package-01-verified-on-nodes"));

        // Damaged copies, built from the good one.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inner = QStringLiteral("MogDB-2.0.3-CentOS-64bit.tar.bz2");
        const QString checksum = QStringLiteral("MogDB-2.0.3-CentOS-64bit.sha256");
        const QString badSum = tmp.filePath(QStringLiteral("badsum/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        const QString badInner = tmp.filePath(QStringLiteral("badinner/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        const QString truncated = tmp.filePath(QStringLiteral("truncated/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        const QString wrongVersion = tmp.filePath(QStringLiteral("MogDB-2.0.2-CentOS-x86_64.tar.gz"));
        const QString badName = tmp.filePath(QStringLiteral("mogdb-latest.tar.gz"));
        const TestSupport::ProcessResult made = TestSupport::sh(QStringLiteral(
            "set -e; cd '%1'; mkdir x badsum badinner truncated; tar -xzf '%2' -C x; "
            // the .sha256 edited
            "cp x/%4 x/orig.sha256; echo 0000000000000000000000000000000000000000000000000000000000000000 > "
            "x/%4; "
            "tar -czf badsum/MogDB-2.0.3-CentOS-x86_64.tar.gz -C x %3 %4; "
            // the inner tarball corrupted, its original .sha256 kept
            "cp x/orig.sha256 x/%4; printf 'XXXXXXXX' | dd of=x/%3 bs=1 seek=2000 conv=notrunc status=none; "
            "tar -czf badinner/MogDB-2.0.3-CentOS-x86_64.tar.gz -C x %3 %4; "
            "head -c 3000 '%2' > truncated/MogDB-2.0.3-CentOS-x86_64.tar.gz; "
            "cp '%2' MogDB-2.0.2-CentOS-x86_64.tar.gz; cp '%2' mogdb-latest.tar.gz")
                                                                    .arg(tmp.path(), good, inner, checksum));
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));

        enterPackage(wizard, badSum);
        QVERIFY(!page->isComplete());
        QVERIFY(!next->isEnabled());
        QVERIFY2(verdict->text().contains(QStringLiteral("Refused"))
                && verdict->text().contains(
                    QStringLiteral("checksum mismatch for %1: the .sha256 says 0000").arg(inner)),
            qPrintable(verdict->text()));
        QVERIFY2(
            verdict->text().contains(QStringLiteral("get the package again")), qPrintable(verdict->text()));
        QCOMPARE(sha->text(), sha256sum(badSum));
        saveScreen(wizard, QStringLiteral("package-02-sha256-edited"));

        enterPackage(wizard, badInner);
        QVERIFY(!next->isEnabled());
        QVERIFY2(verdict->text().contains(QStringLiteral("checksum mismatch for %1").arg(inner)),
            qPrintable(verdict->text()));
        saveScreen(wizard, QStringLiteral("package-03-inner-corrupted"));

        enterPackage(wizard, truncated);
        QVERIFY(!next->isEnabled());
        QVERIFY2(verdict->text().contains(QStringLiteral("cannot be read, or does not hold %1").arg(inner)),
            qPrintable(verdict->text()));
        saveScreen(wizard, QStringLiteral("package-04-truncated"));

        enterPackage(wizard, wrongVersion);
        QVERIFY(!next->isEnabled());
        QCOMPARE(version->text(), QStringLiteral("2.0.2"));
        QVERIFY2(verdict->text().contains(QStringLiteral("is MogDB 2.0.2, not MogDB 2.0.3")),
            qPrintable(verdict->text()));
        saveScreen(wizard, QStringLiteral("package-05-wrong-version"));

        enterPackage(wizard, badName);
        QVERIFY(!next->isEnabled());
        QVERIFY2(verdict->text().contains(QStringLiteral("is not a MogDB package name"))
                && verdict->text().contains(badName),
            qPrintable(verdict->text()));
        saveScreen(wizard, QStringLiteral("package-06-bad-name"));

        const QString missing = tmp.filePath(QStringLiteral("gone/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        enterPackage(wizard, missing);
        QVERIFY(!next->isEnabled());
        // The same file for every node (one machine): the problem is said once, naming every node.
        QVERIFY2(
            verdict->text().contains(QStringLiteral("node1, node2, node3: %1 is not there").arg(missing)),
            qPrintable(verdict->text()));
        QCOMPARE(page->nodeTable()->item(1, PackagePage::CheckColumn)->text(),
            QStringLiteral("%1 is not there").arg(missing));
        saveScreen(wizard, QStringLiteral("package-07-missing"));

        // "On this machine" with transport local: still checked for real, on each node.
        enterPackage(wizard, good);
        QVERIFY(next->isEnabled());
        QTest::mouseClick(child<QRadioButton>(wizard, "packageHereRadio"), Qt::LeftButton, {}, QPoint(6, 6));
        QVERIFY(!wizard.state().profile.package.onNodes);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying(), 60000);
        QVERIFY2(page->isComplete(), qPrintable(verdict->text()));
        QCOMPARE(sha->text(), expectedSha);
        QVERIFY(!child<QPushButton>(wizard, "packageUploadButton")->isVisible()); // nothing to upload locally
        saveScreen(wizard, QStringLiteral("package-08-good-again"));

        // ---- Mode page: downtime and order, from the plan.
        clickNext(wizard, MogupWizard::ModePageId);
        ModePage* mode = wizard.modePage();
        auto* rolling = child<QRadioButton>(wizard, "rollingRadio");
        auto* offline = child<QRadioButton>(wizard, "offlineRadio");
        auto* switchBack = child<QCheckBox>(wizard, "switchBackCheck");
        auto* mogha = child<QCheckBox>(wizard, "moghaCheck");
        auto* rollingDowntime = child<QLabel>(wizard, "rollingDowntime");
        auto* offlineDowntime = child<QLabel>(wizard, "offlineDowntime");
        QVERIFY(rolling && offline && switchBack && mogha && rollingDowntime && offlineDowntime);
        QTest::mouseClick(rolling, Qt::LeftButton, {}, QPoint(6, rolling->height() / 2));
        QVERIFY(rolling->isChecked());
        QVERIFY(switchBack->isChecked());
        QVERIFY(mogha->isChecked()); // the sandbox runs MogHA
        QVERIFY2(rollingDowntime->text().contains(QStringLiteral("the switchovers only"))
                && rollingDowntime->text().contains(QStringLiteral("2 switchover(s)")),
            qPrintable(rollingDowntime->text()));
        QVERIFY2(offlineDowntime->text().contains(QStringLiteral("the whole procedure")),
            qPrintable(offlineDowntime->text()));
        // Rolling, 3 nodes: the standbys first, a switchover, the old primary, the switch back.
        QString order = mode->orderView()->accessibleDescription();
        {
            const int stopMogha = indexIn(order, QStringLiteral("MogHA stopped on"));
            const int node2 = indexIn(order, QStringLiteral("node2 (standby) upgraded"));
            const int node3 = indexIn(order, QStringLiteral("node3 (standby) upgraded"));
            const int over
                = indexIn(order, QStringLiteral("switchover: node2 becomes primary, node1 standby"));
            const int node1 = indexIn(order, QStringLiteral("node1 (standby) upgraded"));
            const int back = indexIn(order, QStringLiteral("switch back: node1 is primary again"));
            const int startMogha = indexIn(order, QStringLiteral("MogHA started on"));
            QVERIFY2(stopMogha >= 0 && stopMogha < node2 && node2 < node3 && node3 < over && over < node1
                    && node1 < back && back < startMogha,
                qPrintable(order));
        }
        QVERIFY(order.startsWith(QStringLiteral("1. ")));
        saveScreen(wizard, QStringLiteral("mode-01-rolling"));

        // Without the switch back: one switchover, node2 stays primary.
        QTest::mouseClick(switchBack, Qt::LeftButton, {}, QPoint(6, switchBack->height() / 2));
        QVERIFY(!switchBack->isChecked());
        order = mode->orderView()->accessibleDescription();
        QVERIFY2(!order.contains(QStringLiteral("switch back")), qPrintable(order));
        QVERIFY2(rollingDowntime->text().contains(QStringLiteral("1 switchover(s)")),
            qPrintable(rollingDowntime->text()));
        saveScreen(wizard, QStringLiteral("mode-02-rolling-no-switch-back"));
        QTest::mouseClick(switchBack, Qt::LeftButton, {}, QPoint(6, switchBack->height() / 2));
        QVERIFY(switchBack->isChecked());

        // Offline: the whole cluster stops (om: gs_om), every node is replaced, the cluster starts.
        QTest::mouseClick(offline, Qt::LeftButton, {}, QPoint(6, offline->height() / 2));
        QVERIFY(offline->isChecked());
        QVERIFY(!switchBack->isEnabled());
        order = mode->orderView()->accessibleDescription();
        {
            const int stop = indexIn(order, QStringLiteral("the whole cluster stops"));
            const int node1 = indexIn(order, QStringLiteral("node1 (primary) upgraded"));
            const int start = indexIn(order, QStringLiteral("the whole cluster starts"));
            QVERIFY2(stop >= 0 && stop < node1 && node1 < start, qPrintable(order));
            QVERIFY2(!order.contains(QStringLiteral("switchover")), qPrintable(order));
        }
        saveScreen(wizard, QStringLiteral("mode-03-offline"));

        // MogHA present: the plan stops it first and starts it last; the drawing follows.
        QTest::mouseClick(rolling, Qt::LeftButton, {}, QPoint(6, rolling->height() / 2));
        QVERIFY(mode->orderView()->accessibleDescription().contains(QStringLiteral("MogHA stopped on")));
        clickNext(wizard, MogupWizard::PrechecksPageId);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
        QVERIFY2(wizard.prechecksPage()->isComplete(),
            qPrintable(wizard.prechecksPage()->failures().join(QLatin1Char('\n'))));
        clickNext(wizard, MogupWizard::PlanPageId);
        auto planMoghaSteps = [&wizard]() {
            int n = 0;
            QTreeWidget* steps = wizard.planPage()->stepTree();
            for (int i = 0; i < steps->topLevelItemCount(); ++i)
                n += steps->topLevelItem(i)
                         ->text(PlanPage::CommandColumn)
                         .contains(QStringLiteral("systemctl stop mogha"));
            return n;
        };
        QCOMPARE(planMoghaSteps(), sandbox.config().nodes.size());
        saveScreen(wizard, QStringLiteral("mode-04-plan-with-mogha"));

        // MogHA gone from the nodes, and the option unticked: the plan has no MogHA step at all.
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(MogupWizard::PrechecksPageId));
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(MogupWizard::ModePageId));
        for (const Sim::SandboxNode& n : sandbox.config().nodes) {
            const TestSupport::ProcessResult r = TestSupport::run(QStringLiteral("/bin/bash"),
                { QStringLiteral("-c"), QStringLiteral("systemctl stop mogha") }, 60000,
                sandbox.nodeEnv(n.name));
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
        QVERIFY(mogha->isChecked());
        QTest::mouseClick(mogha, Qt::LeftButton, {}, QPoint(6, mogha->height() / 2));
        QVERIFY(!mogha->isChecked());
        QVERIFY(!wizard.state().profile.mogha);
        order = mode->orderView()->accessibleDescription();
        QVERIFY2(!order.contains(QStringLiteral("MogHA")), qPrintable(order));
        saveScreen(wizard, QStringLiteral("mode-05-no-mogha"));
        clickNext(wizard, MogupWizard::PrechecksPageId);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
        QVERIFY2(wizard.prechecksPage()->isComplete(),
            qPrintable(wizard.prechecksPage()->failures().join(QLatin1Char('\n'))));
        clickNext(wizard, MogupWizard::PlanPageId);
        QCOMPARE(planMoghaSteps(), 0);
        for (const Step& step : wizard.state().plan.steps)
            QVERIFY(step.kind != StepKind::StopMogha && step.kind != StepKind::StartMogha);
        saveScreen(wizard, QStringLiteral("mode-06-plan-without-mogha"));
    }

    // Transport ssh through a real sshd on 127.0.0.1-2: the package is verified on this machine, uploaded
    // with a progress bar per node that reaches 100 %, each node's copy is the same file (sha256 on disk);
    // a second upload sends nothing (identical copies); a big one shows its progress, stops, and resumes.
    void uploadOverSsh()
    {
        TestSupport::SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QTemporaryDir tmp;
        const QString knownHosts = tmp.filePath(QStringLiteral("known_hosts"));
        QVERIFY(sshd.writeKnownHosts(knownHosts, false));
        Sim::SandboxOptions options;
        options.nodes = 2;
        options.transport = QStringLiteral("ssh");
        TestSupport::Sandbox sandbox(options);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        Sim::SandboxSshAccess ssh;
        ssh.port = sshd.port();
        ssh.identity = sshd.clientKey(TestSupport::SshdFixture::ClientKey::Ed25519);
        ssh.knownHosts = knownHosts;
        QString error;
        QVERIFY2(Sim::writeSandboxProfile(sandbox.config(), &error, &ssh), qPrintable(error));

        MogupWizard wizard;
        QVERIFY2(wizard.loadProfile(sandbox.profile(), &error), qPrintable(error));
        QCOMPARE(wizard.state().profile.transport, Transport::Ssh);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        clickNext(wizard, MogupWizard::NodesPageId);
        clickNext(wizard, MogupWizard::PackagePageId);
        PackagePage* page = wizard.packagePage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying(), 60000);
        auto* verdict = child<QLabel>(wizard, "packageVerdict");
        QVERIFY2(page->isComplete(), qPrintable(verdict->text()));
        QVERIFY(child<QRadioButton>(wizard, "packageHereRadio")->isChecked());
        const QString local = wizard.state().profile.package.file;
        QCOMPARE(child<QLabel>(wizard, "packageSha256")->text(), sha256sum(local));
        auto* upload = child<QPushButton>(wizard, "packageUploadButton");
        QVERIFY(upload && upload->isVisible());
        QTRY_VERIFY(upload->isEnabled());
        saveScreen(wizard, QStringLiteral("upload-01-verified-here"));

        QTest::mouseClick(upload, Qt::LeftButton);
        QVERIFY(page->isUploading());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(child<QPushButton>(wizard, "packageCancelUploadButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isUploading(), 300000);
        QTableWidget* nodes = page->nodeTable();
        QCOMPARE(nodes->rowCount(), 2);
        const QString expected = sha256sum(local);
        for (int row = 0; row < nodes->rowCount(); ++row) {
            const QString node = nodes->item(row, PackagePage::NodeColumn)->text();
            QProgressBar* bar = page->progressBar(row);
            QCOMPARE(bar->objectName(), QStringLiteral("uploadProgress-") + node);
            QCOMPARE(bar->value(), bar->maximum());
            const QString result = nodes->item(row, PackagePage::ResultColumn)->text();
            QVERIFY2(
                result.contains(QStringLiteral("sent, SHA-256 verified on the node")), qPrintable(result));
            const QString remote = sandbox.dir() + QLatin1Char('/') + node
                + QStringLiteral("/mogdb203/MogDB-2.0.3-CentOS-x86_64.tar.gz");
            QCOMPARE(nodes->item(row, PackagePage::PathColumn)->text(), remote);
            QCOMPARE(sha256sum(remote), expected);
        }
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("upload-02-done"));

        // Again: every copy is there and identical, nothing is sent.
        QTest::mouseClick(upload, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isUploading(), 300000);
        for (int row = 0; row < nodes->rowCount(); ++row) {
            QVERIFY2(nodes->item(row, PackagePage::ResultColumn)->text().contains(QStringLiteral("skipped")),
                qPrintable(nodes->item(row, PackagePage::ResultColumn)->text()));
            QCOMPARE(page->progressBar(row)->value(), page->progressBar(row)->maximum());
        }
        saveScreen(wizard, QStringLiteral("upload-03-identical-skipped"));
        // The profile keeps the file on this machine: the run's upload step checks the copies again.
        QVERIFY(!wizard.state().profile.package.onNodes);

        // A big package (random inner "tarball" with its .sha256; tar reads an uncompressed archive too): the
        // bars move with bytes and rate, Stop ends the upload, the next upload continues the partial copies.
        const QString big = tmp.filePath(QStringLiteral("big/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        const TestSupport::ProcessResult made
            = TestSupport::sh(QStringLiteral("set -e; mkdir -p '%1/big/x'; cd '%1/big/x'; head -c 200000000 "
                                             "/dev/urandom > MogDB-2.0.3-CentOS-64bit.tar.bz2; "
                                             "sha256sum MogDB-2.0.3-CentOS-64bit.tar.bz2 | cut -d ' ' -f 1 > "
                                             "MogDB-2.0.3-CentOS-64bit.sha256; "
                                             "tar -cf '%2' MogDB-2.0.3-CentOS-64bit.tar.bz2 "
                                             "MogDB-2.0.3-CentOS-64bit.sha256; rm -r '%1/big/x'")
                                  .arg(tmp.path(), big),
                120000);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        enterPackage(wizard, big);
        QVERIFY2(page->isComplete(), qPrintable(verdict->text()));
        QTRY_VERIFY(upload->isEnabled());
        QTest::mouseClick(upload, Qt::LeftButton);
        QString inFlight;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < nodes->rowCount(); ++row) {
                    QProgressBar* bar = page->progressBar(row);
                    if (bar->value() > 0 && bar->value() < bar->maximum()
                        && bar->format().contains(QStringLiteral("/s"))) {
                        inFlight = bar->format();
                        return true;
                    }
                }
                return false;
            }(),
            120000);
        QVERIFY2(inFlight.contains(QStringLiteral(" of ")) && inFlight.contains(QStringLiteral("MiB")),
            qPrintable(inFlight));
        saveScreen(wizard, QStringLiteral("upload-04-in-progress"));
        QTest::mouseClick(child<QPushButton>(wizard, "packageCancelUploadButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isUploading(), 60000);
        auto* note = child<QLabel>(wizard, "packageUploadNote");
        QVERIFY2(note->text().contains(QStringLiteral("Upload stopped")), qPrintable(note->text()));
        bool someStopped = false;
        for (const DistributionResult& r : page->uploadResults())
            someStopped = someStopped || !r.ok;
        QVERIFY(someStopped);
        QVERIFY(
            wizard.button(QWizard::NextButton)->isEnabled()); // the run's upload step would finish the job
        saveScreen(wizard, QStringLiteral("upload-05-stopped"));

        QTest::mouseClick(upload, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isUploading(), 300000);
        const QString bigSha = sha256sum(big);
        bool resumed = false;
        for (int row = 0; row < nodes->rowCount(); ++row) {
            const QString result = nodes->item(row, PackagePage::ResultColumn)->text();
            QVERIFY2(!result.startsWith(QStringLiteral("failed")), qPrintable(result));
            resumed = resumed || result.contains(QStringLiteral("resumed at"));
            QCOMPARE(page->progressBar(row)->value(), page->progressBar(row)->maximum());
            QCOMPARE(sha256sum(nodes->item(row, PackagePage::PathColumn)->text()), bigSha);
        }
        QVERIFY2(resumed, "no node continued its partial copy");
        saveScreen(wizard, QStringLiteral("upload-06-resumed"));
    }
};

QTEST_MAIN(Tst_WizardPackageMode)
#include "tst_wizard_package_mode.moc"
