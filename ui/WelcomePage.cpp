#include "WelcomePage.h"

#include "FileChooser.h"
#include "Language.h"
#include "MogupWizard.h"
#include "Tr.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace MogUp {

WelcomePage::WelcomePage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_languageLabel = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Each language named in itself, so it can be found whatever the current language is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(Language::current() == QStringLiteral("zh_CN") ? 1 : 0);
    m_languageLabel->setBuddy(m_language);
    connect(m_language, &QComboBox::currentIndexChanged, this,
        [this](int index) { Language::apply(m_language->itemData(index).toString()); });

    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newProfileButton"));
    connect(m_new, &QPushButton::clicked, wizard, &MogupWizard::startNewProfile);
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openProfileButton"));
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openProfile);
    m_demo = new QPushButton(this);
    m_demo->setObjectName(QStringLiteral("demoButton"));
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::buildDemo);
    m_recentLabel = new QLabel(this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentProfiles"));
    m_recent->setMaximumHeight(120);
    m_recentLabel->setBuddy(m_recent);
    // Enter or a double click opens the profile (itemActivated covers both, so the keyboard works too).
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        QString error;
        if (!mogupWizard()->loadProfile(item->text(), &error))
            m_profileSummary->setText(Tr::tr("Could not open %1:\n%2").arg(item->text(), error));
    });
    m_profileSummary = new QLabel(this);
    m_profileSummary->setObjectName(QStringLiteral("profileSummary"));
    m_profileSummary->setWordWrap(true);
    m_profileSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoLog = new QPlainTextEdit(this);
    m_demoLog->setObjectName(QStringLiteral("demoLog"));
    m_demoLog->setReadOnly(true);
    m_demoLog->setMaximumBlockCount(500);
    m_demoLog->hide();

    auto* languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_language);
    languageRow->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_open);
    buttons->addWidget(m_demo);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(languageRow);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(m_recentLabel);
    layout->addWidget(m_recent);
    layout->addWidget(m_profileSummary);
    layout->addWidget(m_demoLog, 1);
    // Keeps the rows together at the top while the demo log is hidden.
    layout->addStretch(0);

    connect(&m_demoBuild, &QFutureWatcher<QString>::finished, this, &WelcomePage::demoBuilt);
    connect(wizard, &MogupWizard::profileChanged, this, [this] {
        updateProfileSummary();
        fillRecentProfiles();
        emit completeChanged();
    });
    fillRecentProfiles();
    retranslateUi();
}

WelcomePage::~WelcomePage()
{
    // The build touches only its directory; let it finish so the wizard can stop what it started.
    m_demoBuild.waitForFinished();
}

void WelcomePage::retranslateUi()
{
    setTitle(Tr::tr("Welcome to MogUp"));
    setSubTitle(Tr::tr("Patch-upgrade a MogDB 2.0.1 cluster to 2.0.3, step by step."));
    m_intro->setText(Tr::tr("MogUp shows every command before it runs, runs them one node at a time with a live log, "
                            "and checks the result on each node. Open a cluster profile, or try everything on a demo "
                            "cluster built on this machine."));
    m_languageLabel->setText(Tr::tr("&Language:"));
    {
        // Switched elsewhere (the wizard's language button): show it without switching again.
        const QSignalBlocker block(m_language);
        m_language->setCurrentIndex(Language::current() == QStringLiteral("zh_CN") ? 1 : 0);
    }
    m_new->setText(Tr::tr("New &upgrade"));
    m_new->setToolTip(Tr::tr("Start with an empty profile and enter the cluster's nodes"));
    m_open->setText(Tr::tr("&Open a profile..."));
    m_demo->setText(Tr::tr("Try the &demo cluster"));
    m_recentLabel->setText(Tr::tr("&Recent profiles:"));
    updateProfileSummary();
}

bool WelcomePage::isComplete() const
{
    return !m_buildingDemo && !state().profile.nodes.isEmpty();
}

void WelcomePage::updateProfileSummary()
{
    const ClusterProfile& profile = state().profile;
    if (m_buildingDemo)
        return;
    if (profile.nodes.isEmpty()) {
        m_profileSummary->setText(Tr::tr("No cluster yet: open a profile or try the demo cluster."));
        return;
    }
    m_profileSummary->setText(Tr::tr("Cluster \"%1\": %n node(s), transport %2. Click Next to check the nodes.", nullptr,
        int(profile.nodes.size()))
                                  .arg(profile.name, transportName(profile.transport)));
}

void WelcomePage::fillRecentProfiles()
{
    QStringList recent = MogupWizard::recentProfiles();
    recent.removeIf([](const QString& path) { return !QFileInfo::exists(path); });
    m_recent->clear();
    m_recent->addItems(recent);
    m_recentLabel->setVisible(!recent.isEmpty());
    m_recent->setVisible(!recent.isEmpty());
}

void WelcomePage::openProfile()
{
    const QString path = FileChooser::openFile(this, Tr::tr("Open a cluster profile"), Tr::tr("Cluster profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!mogupWizard()->loadProfile(path, &error))
        m_profileSummary->setText(Tr::tr("Could not open %1:\n%2").arg(path, error));
}

void WelcomePage::buildDemo()
{
    if (m_buildingDemo || !mogupWizard()->demoCluster())
        return;
    m_buildingDemo = true;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/demo");
    m_demoDir = base + QLatin1Char('/') + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    m_demo->setEnabled(false);
    m_open->setEnabled(false);
    m_new->setEnabled(false);
    m_demoLog->clear();
    m_demoLog->show();
    m_profileSummary->setText(Tr::tr("Building a demo cluster in %1 ...").arg(m_demoDir));
    // Progress comes from the worker thread: hand each message to the GUI thread (the page outlives the
    // build: its destructor waits for it).
    WelcomePage* page = this;
    DemoCluster* demo = mogupWizard()->demoCluster();
    const QString dir = m_demoDir;
    m_demoBuild.setFuture(QtConcurrent::run([demo, dir, page]() -> QString {
        QString error;
        const bool ok = demo->build(dir, &error, [page](const QString& message) {
            QMetaObject::invokeMethod(page, [page, message] { page->showDemoProgress(message); }, Qt::QueuedConnection);
        });
        return ok ? QString() : (error.isEmpty() ? Tr::tr("the sandbox could not be built") : error);
    }));
    emit completeChanged();
}

void WelcomePage::updateDemoButton()
{
    m_demo->setVisible(mogupWizard()->demoCluster() != nullptr);
}

void WelcomePage::showDemoProgress(const QString& message)
{
    m_demoLog->appendPlainText(message);
}

void WelcomePage::demoBuilt()
{
    m_buildingDemo = false;
    m_demo->setEnabled(true);
    m_open->setEnabled(true);
    m_new->setEnabled(true);
    const QString error = m_demoBuild.result();
    // Even a failed build may have started something; the wizard stops the directory either way.
    mogupWizard()->adoptDemoSandbox(m_demoDir);
    if (!error.isEmpty()) {
        m_profileSummary->setText(Tr::tr("The demo cluster could not be built: %1").arg(error));
        emit completeChanged();
        return;
    }
    QString loadError;
    if (!mogupWizard()->loadProfile(m_demoDir + QStringLiteral("/profile.json"), &loadError))
        m_profileSummary->setText(Tr::tr("The demo cluster's profile could not be read: %1").arg(loadError));
    emit completeChanged();
}

} // namespace MogUp
