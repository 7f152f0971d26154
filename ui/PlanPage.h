#pragma once

#include "WizardPageBase.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace MogUp {

// The plan, read-only: every step with its node, title and exact command. Nothing has run yet; Next
// starts the run (a commit page: there is no going back once commands have run).
class PlanPage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column { NumberColumn, NodeColumn, TitleColumn, CommandColumn, ColumnCount };

    explicit PlanPage(MogupWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    QTreeWidget* stepTree() const { return m_steps; }
    // Puts the plan on the clipboard as a shell script.
    void copyAsShellScript();
    // Asks where, then writes the profile (no secrets are in it) so it can be opened again later.
    void saveProfile();
    QString saveStatus() const;

protected:
    void retranslateUi() override;

private:
    void showPlan();
    void showStepDetail();

    QLabel* m_summary = nullptr;
    QTreeWidget* m_steps = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_saveStatus = nullptr;
    QString m_error;
    bool m_built = false;
};

} // namespace MogUp
