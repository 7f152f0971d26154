#include "MogupWizard.h"

#include "ModePage.h"
#include "NodesPage.h"
#include "PackagePage.h"
#include "PlanPage.h"
#include "PrechecksPage.h"
#include "RunPage.h"
#include "SandboxBuilder.h"
#include "Tr.h"
#include "VerifyPage.h"
#include "WelcomePage.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <memory>

namespace MogUp {

namespace {

// ~/.config/<application name>/wizard.conf: no organisation level, so the data directory stays
// ~/.local/share/mogup (where the CLI keeps its run records too).
std::unique_ptr<QSettings> wizardSettings()
{
    return std::make_unique<QSettings>(QSettings::UserScope, QCoreApplication::applicationName(), QStringLiteral("wizard"));
}

} // namespace

MogupWizard::MogupWizard(QWidget* parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("mogupWizard"));
    // The classic style on every platform: the tests' screenshots look the same as the desktop.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    m_welcome = new WelcomePage(this);
    m_nodes = new NodesPage(this);
    m_package = new PackagePage(this);
    m_mode = new ModePage(this);
    m_prechecks = new PrechecksPage(this);
    m_plan = new PlanPage(this);
    m_run = new RunPage(this);
    m_verify = new VerifyPage(this);
    setPage(WelcomePageId, m_welcome);
    setPage(NodesPageId, m_nodes);
    setPage(PackagePageId, m_package);
    setPage(ModePageId, m_mode);
    setPage(PrechecksPageId, m_prechecks);
    setPage(PlanPageId, m_plan);
    setPage(RunPageId, m_run);
    setPage(VerifyPageId, m_verify);
    setStartId(WelcomePageId);
    retranslateUi();

    if (!restoreGeometry(wizardSettings()->value(QStringLiteral("geometry")).toByteArray()))
        resize(1100, 760);
}

MogupWizard::~MogupWizard()
{
    {
        std::unique_ptr<QSettings> settings = wizardSettings();
        settings->setValue(QStringLiteral("geometry"), saveGeometry());
    }
    // The pages own worker threads (run, probes, demo build); delete them before the sandbox they talk to stops.
    const QList<int> ids = pageIds();
    for (int id : ids) {
        QWizardPage* p = page(id);
        removePage(id);
        delete p;
    }
    if (!m_demoSandboxDir.isEmpty()) {
        QString error;
        if (!Sim::SandboxBuilder::stop(m_demoSandboxDir, &error))
            qWarning("%s", qUtf8Printable(Tr::tr("Could not stop the demo cluster in %1: %2").arg(m_demoSandboxDir, error)));
    }
}

void MogupWizard::setProfile(const ClusterProfile& profile, const QString& path)
{
    m_state.profile = profile;
    m_state.profilePath = path;
    m_state.plan = Plan();
    m_state.before.clear();
    m_state.after.clear();
    emit profileChanged();
}

bool MogupWizard::loadProfile(const QString& path, QString* error)
{
    ClusterProfile profile;
    QList<ProfileError> errors;
    if (!ClusterProfile::load(path, &profile, &errors)) {
        QStringList lines;
        for (const ProfileError& e : errors)
            lines << e.toString();
        *error = lines.join(QLatin1Char('\n'));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!profile.sandbox.isEmpty() && QFileInfo(profile.sandbox).absoluteFilePath() == QFileInfo(m_demoSandboxDir).absoluteFilePath()) {
        // The demo's own profile: not worth remembering.
    } else {
        QStringList recent = recentProfiles();
        recent.removeAll(absolute);
        recent.prepend(absolute);
        wizardSettings()->setValue(QStringLiteral("recentProfiles"), recent.mid(0, 8));
    }
    setProfile(profile, absolute);
    return true;
}

void MogupWizard::startDemo()
{
    if (currentId() != WelcomePageId)
        restart();
    m_welcome->buildDemo();
}

QStringList MogupWizard::recentProfiles()
{
    return wizardSettings()->value(QStringLiteral("recentProfiles")).toStringList();
}

bool MogupWizard::isRunning() const
{
    return m_run->isRunning();
}

void MogupWizard::reject()
{
    // Closing the window mid-run would leave the cluster half upgraded with nobody watching: ask to cancel
    // the run instead (the current command is ended cleanly); the window stays until the run has stopped.
    if (isRunning()) {
        m_run->requestCancel();
        return;
    }
    QWizard::reject();
}

void MogupWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void MogupWizard::retranslateUi()
{
    // A product name, the same in every language.
    setWindowTitle(QStringLiteral("MogUp"));
    // QWizard (Qt 6.4) sets its default button texts once and ignores LanguageChange; set them again from
    // Qt's own translation (qtbase_*.qm, context "QWizard"). The context is a variable so lupdate does not
    // copy Qt's strings into our .ts. The texts are ClassicStyle's, the style this wizard uses.
    static const char* const qwizardContext = "QWizard";
    setButtonText(QWizard::BackButton, QCoreApplication::translate(qwizardContext, "< &Back"));
    setButtonText(QWizard::NextButton, QCoreApplication::translate(qwizardContext, "&Next >"));
    setButtonText(QWizard::CommitButton, QCoreApplication::translate(qwizardContext, "Commit"));
    setButtonText(QWizard::FinishButton, QCoreApplication::translate(qwizardContext, "&Finish"));
    setButtonText(QWizard::CancelButton, QCoreApplication::translate(qwizardContext, "Cancel"));
    setButtonText(QWizard::HelpButton, QCoreApplication::translate(qwizardContext, "&Help"));
}

} // namespace MogUp
