#include "NodesPage.h"

#include "MogupWizard.h"
#include "Tr.h"

#include <QHeaderView>
#include <QRegularExpression>
#include <QSet>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MogUp {

namespace {

// The JSON field name of each column, as ClusterProfile::validate() names it in ProfileError::field.
QString fieldOfColumn(int column)
{
    static const char* const fields[] = { "name", "host", "ssh_port", "ssh_user", "auth", "key_file", "gausshome", "pgdata",
        "db_port", "env_file" };
    return column >= 0 && column < NodesPage::ColumnCount ? QString::fromLatin1(fields[column]) : QString();
}

QString cellText(const NodeProfile& node, int column)
{
    switch (column) {
    case NodesPage::NameColumn: return node.name;
    case NodesPage::HostColumn: return node.host;
    case NodesPage::SshPortColumn: return QString::number(node.sshPort);
    case NodesPage::SshUserColumn: return node.sshUser;
    case NodesPage::AuthColumn: return node.auth;
    case NodesPage::KeyFileColumn: return node.keyFile;
    case NodesPage::GausshomeColumn: return node.gausshome;
    case NodesPage::PgdataColumn: return node.pgdata;
    case NodesPage::DbPortColumn: return QString::number(node.dbPort);
    case NodesPage::EnvFileColumn: return node.envFile;
    default: return {};
    }
}

// Writes a cell into the node. A port that is not a number is stored as 0, which validate() reports
// as out of range: the operator sees one message for it, in the same place as every other problem.
void setCell(NodeProfile* node, int column, const QString& rawText)
{
    const QString text = rawText.trimmed();
    bool ok = false;
    switch (column) {
    case NodesPage::NameColumn: node->name = text; break;
    case NodesPage::HostColumn: node->host = text; break;
    case NodesPage::SshPortColumn: node->sshPort = text.toInt(&ok); if (!ok) node->sshPort = 0; break;
    case NodesPage::SshUserColumn: node->sshUser = text; break;
    case NodesPage::AuthColumn: node->auth = text; break;
    case NodesPage::KeyFileColumn: node->keyFile = text; break;
    case NodesPage::GausshomeColumn: node->gausshome = text; break;
    case NodesPage::PgdataColumn: node->pgdata = text; break;
    case NodesPage::DbPortColumn: node->dbPort = text.toInt(&ok); if (!ok) node->dbPort = 0; break;
    case NodesPage::EnvFileColumn: node->envFile = text; break;
    default: break;
    }
}

} // namespace

NodesPage::NodesPage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("nodesTable"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("nodesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    connect(m_table, &QTableWidget::cellChanged, this, &NodesPage::cellEdited);
    connect(wizard, &MogupWizard::profileChanged, this, &NodesPage::fillTable);
    retranslateUi();
}

void NodesPage::retranslateUi()
{
    setTitle(Tr::tr("Nodes"));
    setSubTitle(Tr::tr("Every node of the cluster: how to reach it and where MogDB lives on it."));
    m_table->setHorizontalHeaderLabels({ Tr::tr("Name"), Tr::tr("Host"), Tr::tr("SSH port"), Tr::tr("SSH user"),
        Tr::tr("Login"), Tr::tr("Key file"), Tr::tr("GAUSSHOME"), Tr::tr("PGDATA"), Tr::tr("Database port"),
        Tr::tr("Environment file") });
    revalidate();
}

void NodesPage::initializePage()
{
    fillTable();
}

void NodesPage::fillTable()
{
    m_filling = true;
    const QList<NodeProfile>& nodes = state().profile.nodes;
    m_table->setRowCount(int(nodes.size()));
    for (int row = 0; row < nodes.size(); ++row) {
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cellText(nodes.at(row), column)));
    }
    m_filling = false;
    revalidate();
}

void NodesPage::cellEdited(int row, int column)
{
    if (m_filling)
        return;
    QList<NodeProfile>& nodes = state().profile.nodes;
    if (row < 0 || row >= nodes.size())
        return;
    setCell(&nodes[row], column, m_table->item(row, column)->text());
    revalidate();
}

void NodesPage::revalidate()
{
    const QList<ProfileError> errors = state().profile.validate();
    m_problems.clear();
    // Which cells have a problem: "nodes[ROW].FIELD".
    QSet<QPair<int, int>> badCells;
    for (const ProfileError& e : errors) {
        m_problems << e.toString();
        static const QRegularExpression nodeField(QStringLiteral("^nodes\\[(\\d+)\\]\\.(\\w+)$"));
        const QRegularExpressionMatch m = nodeField.match(e.field);
        if (!m.hasMatch())
            continue;
        const int row = m.captured(1).toInt();
        for (int column = 0; column < ColumnCount; ++column) {
            if (fieldOfColumn(column) == m.captured(2))
                badCells.insert({ row, column });
        }
    }
    m_filling = true; // colouring cells emits cellChanged too
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem* item = m_table->item(row, column);
            if (!item)
                continue;
            const bool bad = badCells.contains({ row, column });
            item->setBackground(bad ? QBrush(QColor(255, 210, 210)) : QBrush());
            item->setToolTip(bad ? Tr::tr("This value has a problem; see the messages below the table.") : QString());
        }
    }
    m_filling = false;
    m_message->setText(m_problems.isEmpty() ? Tr::tr("Every node is complete.")
                                            : Tr::tr("Fix these before going on:") + QLatin1Char('\n')
                                                + m_problems.join(QLatin1Char('\n')));
    emit completeChanged();
}

bool NodesPage::isComplete() const
{
    return m_problems.isEmpty() && !state().profile.nodes.isEmpty();
}

} // namespace MogUp
