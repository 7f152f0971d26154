#include "ClusterSettingsBox.h"

#include "Tr.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace MogUp {

ClusterSettingsBox::ClusterSettingsBox(QWidget* parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("clusterSettings"));
    const auto lineEdit = [this](const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        connect(edit, &QLineEdit::textEdited, this, [this] {
            if (!m_showing)
                emit edited();
        });
        return edit;
    };
    const auto combo = [this](const char* name) {
        auto* box = new QComboBox(this);
        box->setObjectName(QLatin1String(name));
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updateSshFields();
            if (!m_showing)
                emit edited();
        });
        return box;
    };
    m_name = lineEdit("clusterNameEdit");
    m_dbUser = lineEdit("dbUserEdit");
    m_unpackDir = lineEdit("unpackDirEdit");
    m_knownHosts = lineEdit("knownHostsEdit");
    // Item data are the profile's JSON values; the texts are translated in retranslateUi().
    m_transport = combo("transportCombo");
    m_transport->addItem(QString(), QStringLiteral("ssh"));
    m_transport->addItem(QString(), QStringLiteral("local"));
    m_install = combo("installCombo");
    m_install->addItem(QString(), QStringLiteral("om"));
    m_install->addItem(QString(), QStringLiteral("manual"));
    m_hostKeyPolicy = combo("hostKeyPolicyCombo");
    m_hostKeyPolicy->addItem(QString(), QStringLiteral("ask"));
    m_hostKeyPolicy->addItem(QString(), QStringLiteral("strict"));
    m_hostKeyPolicy->addItem(QString(), QStringLiteral("accept-new"));

    const auto label = [this](QWidget* buddy) {
        auto* l = new QLabel(this);
        l->setBuddy(buddy);
        return l;
    };
    m_nameLabel = label(m_name);
    m_transportLabel = label(m_transport);
    m_installLabel = label(m_install);
    m_dbUserLabel = label(m_dbUser);
    m_unpackDirLabel = label(m_unpackDir);
    m_hostKeyPolicyLabel = label(m_hostKeyPolicy);
    m_knownHostsLabel = label(m_knownHosts);

    // Two columns of label + field: the table below keeps most of the height.
    auto* grid = new QGridLayout(this);
    const QList<QPair<QLabel*, QWidget*>> rows = { { m_nameLabel, m_name }, { m_transportLabel, m_transport },
        { m_installLabel, m_install }, { m_dbUserLabel, m_dbUser }, { m_unpackDirLabel, m_unpackDir },
        { m_hostKeyPolicyLabel, m_hostKeyPolicy }, { m_knownHostsLabel, m_knownHosts } };
    for (int i = 0; i < rows.size(); ++i) {
        const int row = i / 2;
        const int column = (i % 2) * 2;
        grid->addWidget(rows.at(i).first, row, column);
        grid->addWidget(rows.at(i).second, row, column + 1);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    // Tab goes down the first column's fields, then the second's... no: left to right, row by row, as read.
    QWidget* previous = nullptr;
    for (const auto& row : rows) {
        if (previous)
            setTabOrder(previous, row.second);
        previous = row.second;
    }
    retranslateUi();
}

void ClusterSettingsBox::retranslateUi()
{
    setTitle(Tr::tr("Cluster"));
    m_nameLabel->setText(Tr::tr("Na&me:"));
    m_transportLabel->setText(Tr::tr("Conn&ection:"));
    m_installLabel->setText(Tr::tr("&Installed with:"));
    m_dbUserLabel->setText(Tr::tr("Database &user:"));
    m_unpackDirLabel->setText(Tr::tr("Un&pack into:"));
    m_hostKeyPolicyLabel->setText(Tr::tr("Unknown &host keys:"));
    m_knownHostsLabel->setText(Tr::tr("&known_hosts file:"));
    m_transport->setItemText(0, Tr::tr("SSH to each node"));
    m_transport->setItemText(1, Tr::tr("This machine (local commands)"));
    m_install->setItemText(0, Tr::tr("OM (gs_om)"));
    m_install->setItemText(1, Tr::tr("Manual (gs_ctl only)"));
    m_hostKeyPolicy->setItemText(0, Tr::tr("Show the fingerprint and ask"));
    m_hostKeyPolicy->setItemText(1, Tr::tr("Refuse (known_hosts must hold them)"));
    m_hostKeyPolicy->setItemText(2, Tr::tr("Trust on first use"));
    m_name->setToolTip(Tr::tr("A name for this cluster; it names the run records and the saved profile"));
    m_dbUser->setToolTip(Tr::tr("The operating-system user that owns the database (runs gs_ctl, gs_om)"));
    m_unpackDir->setToolTip(
        Tr::tr("Where the 2.0.3 package is unpacked on every node before anything is stopped"));
    m_knownHosts->setPlaceholderText(Tr::tr("~/.ssh/known_hosts (default)"));
    m_knownHosts->setToolTip(Tr::tr("OpenSSH's known_hosts file the nodes' host keys are checked against"));
}

void ClusterSettingsBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void ClusterSettingsBox::updateSshFields()
{
    // Also called while the constructor fills the first combo box, before the others exist.
    if (!m_transport || !m_hostKeyPolicy || !m_knownHosts)
        return;
    const bool ssh = m_transport->currentData().toString() == QStringLiteral("ssh");
    m_hostKeyPolicy->setEnabled(ssh);
    m_knownHosts->setEnabled(ssh);
}

void ClusterSettingsBox::showProfile(const ClusterProfile& profile)
{
    m_showing = true;
    m_name->setText(profile.name);
    m_transport->setCurrentIndex(m_transport->findData(transportName(profile.transport)));
    m_install->setCurrentIndex(m_install->findData(installMethodName(profile.installMethod)));
    m_dbUser->setText(profile.dbUser);
    m_unpackDir->setText(profile.unpackDir);
    const int policy = m_hostKeyPolicy->findData(profile.hostKeyPolicy);
    m_hostKeyPolicy->setCurrentIndex(policy >= 0 ? policy : 1);
    m_knownHosts->setText(profile.knownHosts);
    updateSshFields();
    m_showing = false;
}

void ClusterSettingsBox::applyTo(ClusterProfile* profile) const
{
    profile->name = m_name->text().trimmed();
    profile->transport
        = m_transport->currentData().toString() == QStringLiteral("ssh") ? Transport::Ssh : Transport::Local;
    profile->installMethod = m_install->currentData().toString() == QStringLiteral("manual")
        ? InstallMethod::Manual
        : InstallMethod::Om;
    profile->dbUser = m_dbUser->text().trimmed();
    profile->unpackDir = m_unpackDir->text().trimmed();
    profile->hostKeyPolicy = m_hostKeyPolicy->currentData().toString();
    profile->knownHosts = m_knownHosts->text().trimmed();
}

QWidget* ClusterSettingsBox::fieldWidget(const QString& field) const
{
    if (field == QStringLiteral("name"))
        return m_name;
    if (field == QStringLiteral("transport"))
        return m_transport;
    if (field == QStringLiteral("install_method"))
        return m_install;
    if (field == QStringLiteral("db_user"))
        return m_dbUser;
    if (field == QStringLiteral("unpack_dir"))
        return m_unpackDir;
    if (field == QStringLiteral("host_key_policy"))
        return m_hostKeyPolicy;
    if (field == QStringLiteral("known_hosts"))
        return m_knownHosts;
    return nullptr;
}

void ClusterSettingsBox::markProblems(const QList<ProfileError>& problems)
{
    const QList<QWidget*> fields
        = { m_name, m_transport, m_install, m_dbUser, m_unpackDir, m_hostKeyPolicy, m_knownHosts };
    for (QWidget* w : fields) {
        w->setStyleSheet(QString());
        w->setProperty("problem", QString());
        w->setToolTip(QString());
    }
    retranslateUi(); // the fields' own tooltips back
    for (const ProfileError& e : problems) {
        if (!e.node.isEmpty())
            continue;
        if (QWidget* w = fieldWidget(e.field)) {
            // A red frame and the message on hover; the full list is under the table.
            w->setStyleSheet(QStringLiteral("border: 1px solid #c00000;"));
            w->setProperty("problem", e.toString());
            w->setToolTip(e.toString());
        }
    }
}

} // namespace MogUp
