#pragma once

#include "WizardPageBase.h"

class QLabel;
class QTableWidget;

namespace MogUp {

// The profile's nodes as an editable table. Every edit is written into the profile and validated with
// ClusterProfile::validate(): cells with a problem are marked, the messages are listed, and Next stays
// disabled until the profile is valid.
class NodesPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { NameColumn, HostColumn, SshPortColumn, SshUserColumn, AuthColumn, KeyFileColumn, GausshomeColumn,
        PgdataColumn, DbPortColumn, EnvFileColumn, ColumnCount };

    explicit NodesPage(MogupWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    // The messages shown under the table (empty when the profile is valid).
    QStringList problems() const { return m_problems; }
    QTableWidget* table() const { return m_table; }

protected:
    void retranslateUi() override;

private:
    void fillTable();
    void cellEdited(int row, int column);
    void revalidate();

    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    QStringList m_problems;
    bool m_filling = false;
};

} // namespace MogUp
