#pragma once

#include "Profile.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;

namespace MogUp {

// The cluster-wide part of a profile, above the node table: name, transport, install method, database
// user, unpack directory, and for SSH the host-key policy and known_hosts file. A new upgrade starts
// here; an opened profile shows its values. Edits go into the profile through applyTo(); the Nodes page
// validates the whole profile and marks the fields a problem names.
class ClusterSettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit ClusterSettingsBox(QWidget* parent = nullptr);

    // Shows the profile's values (without emitting edited()).
    void showProfile(const ClusterProfile& profile);
    // Writes the shown values into the profile.
    void applyTo(ClusterProfile* profile) const;
    // Marks the fields named by these problems (JSON field names: "name", "unpack_dir", ...) and clears the
    // rest.
    void markProblems(const QList<ProfileError>& problems);

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* transportCombo() const { return m_transport; }
    QComboBox* installCombo() const { return m_install; }
    QLineEdit* dbUserEdit() const { return m_dbUser; }
    QLineEdit* unpackDirEdit() const { return m_unpackDir; }
    QComboBox* hostKeyPolicyCombo() const { return m_hostKeyPolicy; }
    QLineEdit* knownHostsEdit() const { return m_knownHosts; }

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateSshFields();
    QWidget* fieldWidget(const QString& field) const;

    QLineEdit* m_name = nullptr;
    QComboBox* m_transport = nullptr;
    QComboBox* m_install = nullptr;
    QLineEdit* m_dbUser = nullptr;
    QLineEdit* m_unpackDir = nullptr;
    QComboBox* m_hostKeyPolicy = nullptr;
    QLineEdit* m_knownHosts = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_transportLabel = nullptr;
    QLabel* m_installLabel = nullptr;
    QLabel* m_dbUserLabel = nullptr;
    QLabel* m_unpackDirLabel = nullptr;
    QLabel* m_hostKeyPolicyLabel = nullptr;
    QLabel* m_knownHostsLabel = nullptr;
    bool m_showing = false;
};

} // namespace MogUp
