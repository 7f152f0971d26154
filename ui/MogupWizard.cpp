#include "MogupWizard.h"

#include "GuiSshInteraction.h"
#include "Language.h"
#include "ModePage.h"
#include "NodesPage.h"
#include "PackagePage.h"
#include "PlanPage.h"
#include "PrechecksPage.h"
#include "RunPage.h"
#include "Tr.h"
#include "VerifyPage.h"
#include "WelcomePage.h"

#include <QAbstractButton>
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
    m_state.interaction = std::make_shared<GuiSshInteraction>(this); // SSH questions as dialogs, answers kept in memory
    // The classic style on every platform: the tests' screenshots look the same as the desktop.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    // The language can be switched on every page, not only on Welcome: a button at the left of the
    // button row, named in the language it switches to.
    setOption(QWizard::HaveCustomButton1, true);
    setButtonLayout({ QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
        QWizard::CommitButton, QWizard::FinishButton, QWizard::CancelButton });
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("languageButton"));
    connect(this, &QWizard::customButtonClicked, this, [](int which) {
        if (which == QWizard::CustomButton1)
            Language::apply(Language::current() == QStringLiteral("zh_CN") ? QStringLiteral("en") : QStringLiteral("zh_CN"));
    });
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
    // No demo until someone provides one (setDemoCluster).
    m_welcome->updateDemoButton();
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
    // The run's session first: its runner's worker thread writes into the Run page's log model, so it is
    // joined while that model still exists. Then the pages, which own worker threads too (probes, demo
    // build), before the sandbox they talk to stops.
    m_state.session.reset();
    const QList<int> ids = pageIds();
    for (int id : ids) {
        QWizardPage* p = page(id);
        removePage(id);
        delete p;
    }
    for (const QString& dir : std::as_const(m_demoSandboxDirs)) {
        QString error;
        if (m_demoCluster && !m_demoCluster->stop(dir, &error))
            qWarning("%s", qUtf8Printable(Tr::tr("Could not stop the demo cluster in %1: %2").arg(dir, error)));
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
    bool isOwnDemo = false;
    for (const QString& dir : std::as_const(m_demoSandboxDirs))
        isOwnDemo = isOwnDemo || (!profile.sandbox.isEmpty() && QFileInfo(profile.sandbox).absoluteFilePath() == QFileInfo(dir).absoluteFilePath());
    // The demo's own profile is not worth remembering: it dies with its sandbox.
    if (!isOwnDemo)
        rememberProfile(absolute);
    setProfile(profile, absolute);
    return true;
}

bool MogupWizard::saveProfile(const QString& path, QString* error)
{
    if (!m_state.profile.save(path, error))
        return false;
    m_state.profilePath = QFileInfo(path).absoluteFilePath();
    rememberProfile(m_state.profilePath);
    return true;
}

void MogupWizard::rememberProfile(const QString& absolutePath)
{
    QStringList recent = recentProfiles();
    recent.removeAll(absolutePath);
    recent.prepend(absolutePath);
    wizardSettings()->setValue(QStringLiteral("recentProfiles"), recent.mid(0, 8));
}

void MogupWizard::startNewProfile()
{
    // What most MogDB 2.0 clusters look like; every field stays editable and is validated on the Nodes page.
    ClusterProfile profile;
    profile.name = QStringLiteral("new-cluster");
    profile.transport = Transport::Ssh;
    profile.installMethod = InstallMethod::Om;
    profile.hostKeyPolicy = QStringLiteral("ask");
    profile.unpackDir = QStringLiteral("/opt/mogdb203");
    for (int i = 1; i <= 2; ++i) {
        NodeProfile node;
        node.name = QStringLiteral("node%1").arg(i);
        node.role = i == 1 ? NodeRole::Primary : NodeRole::Standby;
        profile.nodes << node;
    }
    setProfile(profile);
    if (currentId() == WelcomePageId)
        next();
}

void MogupWizard::setDemoCluster(std::shared_ptr<DemoCluster> demoCluster)
{
    m_demoCluster = std::move(demoCluster);
    m_welcome->updateDemoButton();
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
    // Each language named in itself, so it can be found whatever the current language is.
    const bool chinese = Language::current() == QStringLiteral("zh_CN");
    setButtonText(QWizard::CustomButton1, chinese ? QStringLiteral("English") : QStringLiteral("中文"));
    button(QWizard::CustomButton1)->setToolTip(chinese ? QStringLiteral("Switch to English") : QStringLiteral("切换到中文"));
}

} // namespace MogUp
