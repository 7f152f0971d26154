#include "NodesPage.h"

#include "ClusterSettingsBox.h"

#include "GuiSshInteraction.h"
#include "MessageBox.h"
#include "MogupWizard.h"
#include "Tr.h"

#include <QApplication>
#include <QComboBox>
#include <QStyledItemDelegate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStyle>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <QtConcurrent>

namespace MogUp {

namespace {

// The profile's role values; anything else reads as no role, which validation reports (no primary...).
NodeRole roleFromText(const QString& text)
{
    for (NodeRole r : { NodeRole::Primary, NodeRole::Standby, NodeRole::CascadeStandby }) {
        if (text == nodeRoleName(r))
            return r;
    }
    return NodeRole::Unspecified;
}

QStringList roleValues()
{
    return { nodeRoleName(NodeRole::Primary), nodeRoleName(NodeRole::Standby), nodeRoleName(NodeRole::CascadeStandby) };
}

// Cells whose value is one of a few words (login method, role, run-as) offer them in a list instead of free
// text, so nothing can be mistyped.
class ValueListDelegate : public QStyledItemDelegate
{
public:
    ValueListDelegate(QStringList values, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_values(std::move(values))
    {
    }
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* box = new QComboBox(parent);
        box->addItems(m_values);
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        auto* box = static_cast<QComboBox*>(editor);
        box->setCurrentIndex(std::max(0, box->findText(index.data().toString())));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentText());
    }

private:
    QStringList m_values;
};

// The JSON field name of each column, as ClusterProfile::validate() names it in ProfileError::field.
QString fieldOfColumn(int column)
{
    static const char* const fields[] = { "name", "host", "ssh_port", "ssh_user", "auth", "key_file", "gausshome", "pgdata",
        "db_port", "env_file", "role", "become" };
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
    case NodesPage::RoleColumn: return nodeRoleName(node.role);
    case NodesPage::BecomeColumn: return node.become;
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
    case NodesPage::RoleColumn: node->role = roleFromText(text); break;
    case NodesPage::BecomeColumn: node->become = text; break;
    default: break;
    }
}

QColor outcomeColour(ConnectionStageResult o)
{
    switch (o) {
    case ConnectionStageResult::Ok:
        return QColor(0x00, 0x70, 0x00);
    case ConnectionStageResult::Local:
        return QColor(0x30, 0x50, 0x90);
    case ConnectionStageResult::Failed:
        return QColor(0xc0, 0x00, 0x00);
    case ConnectionStageResult::NotTried:
        break;
    }
    return QColor(0x70, 0x70, 0x70);
}

QIcon outcomeIcon(ConnectionStageResult o)
{
    QStyle* style = QApplication::style();
    switch (o) {
    case ConnectionStageResult::Ok:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case ConnectionStageResult::Local:
        return style->standardIcon(QStyle::SP_ComputerIcon);
    case ConnectionStageResult::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case ConnectionStageResult::NotTried:
        break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}

QString roleText(NodeRole role)
{
    return role == NodeRole::Unspecified ? Tr::tr("unknown") : nodeRoleName(role);
}

} // namespace

NodesPage::NodesPage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    m_cluster = new ClusterSettingsBox(this);
    connect(m_cluster, &ClusterSettingsBox::edited, this, &NodesPage::clusterEdited);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("nodesTable"));
    m_table->setItemDelegateForColumn(AuthColumn, new ValueListDelegate(nodeAuthValues(), m_table));
    m_table->setItemDelegateForColumn(RoleColumn, new ValueListDelegate(roleValues(), m_table));
    m_table->setItemDelegateForColumn(BecomeColumn, new ValueListDelegate(nodeBecomeValues(), m_table));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Tab leaves the table, so that the buttons below are reachable from the keyboard; the arrow keys move
    // between cells, and Tab in a cell being edited still goes on to edit the next cell (the delegate's doing).
    m_table->setTabKeyNavigation(false);
    m_editTriggers = m_table->editTriggers();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("nodesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_addButton = new QPushButton(this);
    m_addButton->setObjectName(QStringLiteral("nodesAddButton"));
    connect(m_addButton, &QPushButton::clicked, this, &NodesPage::addNode);
    m_removeButton = new QPushButton(this);
    m_removeButton->setObjectName(QStringLiteral("nodesRemoveButton"));
    connect(m_removeButton, &QPushButton::clicked, this, &NodesPage::removeNode);
    m_discoverButton = new QPushButton(this);
    m_discoverButton->setObjectName(QStringLiteral("nodesDiscoverButton"));
    m_testButton = new QPushButton(this);
    m_testButton->setObjectName(QStringLiteral("nodesTestButton"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("nodesBusy"));
    m_busyBar->setRange(0, 0); // no steps to count: a busy indicator
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setTextVisible(false);
    m_busyBar->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("nodesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultsLabel = new QLabel(this);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("nodesConnectionResults"));
    m_results->setColumnCount(ResultColumnCount);
    m_results->setRootIsDecorated(false);
    m_results->setAlternatingRowColors(true);
    m_results->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_results->header()->setStretchLastSection(true);
    m_results->setMaximumHeight(160);
    m_resultsLabel->setBuddy(m_results);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_discoverButton);
    buttons->addWidget(m_testButton);
    buttons->addWidget(m_busyBar);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_cluster);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_resultsLabel);
    layout->addWidget(m_results);
    setTabOrder(m_cluster->knownHostsEdit(), m_table);
    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_discoverButton);
    setTabOrder(m_discoverButton, m_testButton);
    setTabOrder(m_testButton, m_results);

    connect(m_table, &QTableWidget::cellChanged, this, &NodesPage::cellEdited);
    connect(wizard, &MogupWizard::profileChanged, this, [this] {
        // A discovery or test still running is about the old profile: its answer will be dropped.
        ++m_profileGeneration;
        if (m_cancel)
            m_cancel->cancel();
        m_checks.clear(); // about the nodes of another profile
        m_statusText = nullptr;
        showStatus(false);
        showChecks();
        fillTable();
    });
    connect(m_discoverButton, &QPushButton::clicked, this, &NodesPage::discover);
    connect(m_testButton, &QPushButton::clicked, this, &NodesPage::testConnections);
    connect(&m_discovery, &QFutureWatcher<DiscoveryResult>::finished, this, &NodesPage::discovered);
    connect(&m_test, &QFutureWatcher<QList<ConnectionCheck>>::finished, this, &NodesPage::tested);
    retranslateUi();
}

NodesPage::~NodesPage()
{
    // The wizard is going away: a worker waiting for a dialog answer is released (answered "no") and every
    // later question too, so the waits here and in the later pages' destructors end.
    if (m_cancel)
        m_cancel->cancel();
    if (auto* gui = dynamic_cast<GuiSshInteraction*>(state().interaction.get()))
        gui->shutDown();
    m_discovery.waitForFinished();
    m_test.waitForFinished();
}

void NodesPage::retranslateUi()
{
    setTitle(Tr::tr("Nodes"));
    setSubTitle(Tr::tr("Every node of the cluster: how to reach it and where MogDB lives on it."));
    m_table->setHorizontalHeaderLabels({ Tr::tr("Name"), Tr::tr("Host"), Tr::tr("SSH port"), Tr::tr("SSH user"),
        Tr::tr("Login"), Tr::tr("Key file"), Tr::tr("GAUSSHOME"), Tr::tr("PGDATA"), Tr::tr("Database port"),
        Tr::tr("Environment file"), Tr::tr("Role"), Tr::tr("Run as db user") });
    m_addButton->setText(Tr::tr("&Add node"));
    m_addButton->setToolTip(Tr::tr("A new row below the selected one, as a standby; its SSH and path settings are copied"));
    m_removeButton->setText(Tr::tr("Remo&ve node"));
    m_removeButton->setToolTip(Tr::tr("Remove the selected row from the profile (nothing on the node changes)"));
    m_discoverButton->setText(Tr::tr("&Discover"));
    m_discoverButton->setToolTip(Tr::tr("Fill in the other nodes from the selected node (the first if none is selected) "
                                        "with gs_om -t status --detail; OM installs only"));
    m_testButton->setText(Tr::tr("&Test connections"));
    m_testButton->setToolTip(Tr::tr("Check every node at once: reachable, host key, login, MogDB version and role"));
    m_resultsLabel->setText(Tr::tr("Connection &results:"));
    m_results->setHeaderLabels({ Tr::tr("Node"), Tr::tr("Reachable"), Tr::tr("Host key"), Tr::tr("Login", "connection test result: did the login succeed"),
        Tr::tr("Version"), Tr::tr("Role") });
    if (m_statusText)
        m_status->setText(m_statusText());
    showChecks();
    revalidate();
}

void NodesPage::initializePage()
{
    fillTable();
    m_table->setFocus();
}

void NodesPage::fillTable()
{
    m_cluster->showProfile(state().profile);
    m_filling = true;
    const QList<NodeProfile>& nodes = state().profile.nodes;
    m_table->setRowCount(int(nodes.size()));
    for (int row = 0; row < nodes.size(); ++row) {
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cellText(nodes.at(row), column)));
    }
    m_filling = false;
    m_discoverButton->setEnabled(!m_busy && !nodes.isEmpty());
    m_testButton->setEnabled(!m_busy && !nodes.isEmpty());
    m_removeButton->setEnabled(!m_busy && nodes.size() > 1);
    revalidate();
}

void NodesPage::clusterEdited()
{
    m_cluster->applyTo(&state().profile);
    revalidate();
}

void NodesPage::addNode()
{
    if (m_busy)
        return;
    QList<NodeProfile>& nodes = state().profile.nodes;
    const int current = m_table->currentRow();
    const int row = current >= 0 && current < nodes.size() ? current + 1 : int(nodes.size());
    // The row above as the model: what usually is the same on every node stays (SSH port, user and login,
    // GAUSSHOME, env file, database port, run-as); what is this node's own is left to fill in.
    NodeProfile node = nodes.isEmpty() ? NodeProfile() : nodes.at(row - 1 >= 0 ? row - 1 : 0);
    node.host.clear();
    node.pgdata.clear();
    node.unpackDir.clear(); // a per-node directory of the model is that node's; the cluster's applies
    // A name no other row has: node<N>.
    int n = int(nodes.size()) + 1;
    const auto taken = [&nodes](const QString& name) {
        return std::any_of(nodes.cbegin(), nodes.cend(), [&name](const NodeProfile& other) { return other.name == name; });
    };
    while (taken(QStringLiteral("node%1").arg(n)))
        ++n;
    node.name = QStringLiteral("node%1").arg(n);
    node.role = nodes.isEmpty() ? NodeRole::Primary : NodeRole::Standby;
    nodes.insert(row, node);
    fillTable();
    m_table->setCurrentCell(row, HostColumn);
}

void NodesPage::removeNode()
{
    QList<NodeProfile>& nodes = state().profile.nodes;
    const int row = m_table->currentRow();
    if (m_busy || row < 0 || row >= nodes.size() || nodes.size() <= 1)
        return;
    const bool wasPrimary = nodes.at(row).role == NodeRole::Primary;
    nodes.removeAt(row);
    // The profile needs a primary; the first row takes over until the operator says otherwise.
    if (wasPrimary && !nodes.isEmpty())
        nodes.first().role = NodeRole::Primary;
    fillTable();
    m_table->setCurrentCell(std::min(row, int(nodes.size()) - 1), NameColumn);
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
    QList<ProfileError> errors = state().profile.validate();
    // The package is chosen and checked on the next page: a new profile has none yet.
    errors.removeIf([](const ProfileError& e) { return e.field.startsWith(QStringLiteral("package")); });
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
    m_cluster->markProblems(errors);
    m_message->setText(m_problems.isEmpty() ? Tr::tr("Every node is complete.")
                                            : Tr::tr("Fix these before going on:") + QLatin1Char('\n')
                                                + m_problems.join(QLatin1Char('\n')));
    emit completeChanged();
}

bool NodesPage::isComplete() const
{
    // While Discover runs its answer may still replace rows: the pages after this one wait for it.
    return m_problems.isEmpty() && !state().profile.nodes.isEmpty() && !m_busy;
}

QString NodesPage::statusText() const
{
    return m_status->text();
}

void NodesPage::showStatus(bool problem)
{
    m_status->setText(m_statusText ? m_statusText() : QString());
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c00000;") : QString());
}

void NodesPage::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_discoverButton->setEnabled(!busy && !state().profile.nodes.isEmpty());
    m_testButton->setEnabled(!busy && !state().profile.nodes.isEmpty());
    m_addButton->setEnabled(!busy);
    m_removeButton->setEnabled(!busy && state().profile.nodes.size() > 1);
    m_cluster->setEnabled(!busy);
    // Edits made now would be lost when Discover fills the table, and the test reads the rows as they were.
    m_table->setEditTriggers(busy ? QAbstractItemView::NoEditTriggers : m_editTriggers);
    emit completeChanged();
}

void NodesPage::discover()
{
    const QList<NodeProfile>& nodes = state().profile.nodes;
    if (m_busy || nodes.isEmpty())
        return;
    const int row = m_table->currentRow() >= 0 && m_table->currentRow() < nodes.size() ? m_table->currentRow() : 0;
    m_discoverFrom = nodes.at(row);
    const ClusterProfile profile = state().profile;
    const NodeProfile from = m_discoverFrom;
    const std::shared_ptr<SshInteraction> interaction = state().interaction;
    m_cancel = std::make_shared<CancelToken>();
    const std::shared_ptr<CancelToken> cancel = m_cancel;
    m_jobGeneration = m_profileGeneration;
    m_statusText = [name = from.name] { return Tr::tr("Asking the OM on %1 for the cluster's nodes...").arg(name); };
    showStatus(false);
    setBusy(true);
    m_discovery.setFuture(QtConcurrent::run([profile, from, interaction, cancel]() {
        std::shared_ptr<Executor> executor = makeExecutor(profile, interaction);
        return ClusterDiscovery(*executor, profile).discover(from, *cancel);
    }));
}

void NodesPage::discovered()
{
    const DiscoveryResult d = m_discovery.result();
    setBusy(false);
    if (m_jobGeneration != m_profileGeneration)
        return;
    m_lastDiscovery = d;
    if (!d.ok) {
        m_statusText = [error = d.error] { return error; };
        showStatus(true);
        return;
    }
    const QList<NodeProfile> rows = ClusterDiscovery::toNodeProfiles(d, m_discoverFrom);
    QList<NodeProfile>& nodes = state().profile.nodes;
    const qsizetype others = nodes.size() - 1;
    if (others > 0) {
        const bool yes = MessageBox::askYesNo(this, Tr::tr("Replace the other rows?"),
            Tr::tr("The OM on %1 lists %2 nodes. Discover replaces the other %3 row(s) of the table with them; "
                   "the row of %1 stays as it is. Go on?")
                .arg(d.from)
                .arg(rows.size())
                .arg(others));
        if (!yes) {
            m_statusText = [] { return Tr::tr("Discovery done; the table was left as it was."); };
            showStatus(false);
            return;
        }
    }
    nodes = rows;
    m_checks.clear(); // they were about the old rows
    fillTable();
    showChecks();
    QStringList found;
    for (const DiscoveredNode& n : d.nodes)
        found << QStringLiteral("%1 (%2, %3)").arg(n.name, n.host, roleText(n.role));
    m_statusText = [d, found] {
        return Tr::tr("Found %1 nodes through the OM on %2: %3. %4")
            .arg(d.nodes.size())
            .arg(d.from, found.join(QStringLiteral(", ")), d.notes);
    };
    showStatus(false);
}

void NodesPage::testConnections()
{
    if (m_busy || state().profile.nodes.isEmpty())
        return;
    const ClusterProfile profile = state().profile;
    const std::shared_ptr<SshInteraction> interaction = state().interaction;
    m_cancel = std::make_shared<CancelToken>();
    const std::shared_ptr<CancelToken> cancel = m_cancel;
    m_jobGeneration = m_profileGeneration;
    m_checks.clear();
    showChecks();
    m_statusText = [n = profile.nodes.size()] { return Tr::tr("Testing the connections to %1 node(s)...").arg(n); };
    showStatus(false);
    setBusy(true);
    m_test.setFuture(QtConcurrent::run([profile, interaction, cancel]() {
        return ConnectionTester(profile, interaction).run(*cancel);
    }));
}

void NodesPage::tested()
{
    const QList<ConnectionCheck> checks = m_test.result();
    setBusy(false);
    if (m_jobGeneration != m_profileGeneration)
        return;
    m_checks = checks;
    // The pre-checks refuse a profile whose primary is not the live one (after a switchover, say): take the
    // live primary into the table, and say so.
    QString livePrimary;
    int primaries = 0;
    for (const ConnectionCheck& c : std::as_const(m_checks)) {
        if (c.role == QStringLiteral("primary")) {
            livePrimary = c.node;
            ++primaries;
        }
    }
    bool rolesTaken = false;
    QString was;
    QList<NodeProfile>& nodes = state().profile.nodes;
    const NodeProfile* declared = state().profile.primaryNode();
    if (primaries == 1 && (!declared || declared->name != livePrimary)) {
        was = declared ? declared->name : QString();
        rolesTaken = true;
        for (NodeProfile& n : nodes) {
            if (n.name == livePrimary)
                n.role = NodeRole::Primary;
            else if (n.role == NodeRole::Primary || n.role == NodeRole::Unspecified)
                n.role = NodeRole::Standby;
        }
        fillTable();
    }
    showChecks();
    QStringList failures;
    for (const ConnectionCheck& c : std::as_const(m_checks)) {
        if (!c.ok())
            failures << (c.detail.isEmpty() ? c.node : c.detail);
    }
    const qsizetype total = m_checks.size();
    m_statusText = [failures, total, rolesTaken, livePrimary, was]() -> QString {
        QString text = failures.isEmpty() ? Tr::tr("Every node (%1) was reached, logged in to and read.").arg(total)
                                          : Tr::tr("%1 of %2 node(s) failed:").arg(failures.size()).arg(total) + QLatin1Char('\n')
                + failures.join(QLatin1Char('\n'));
        if (rolesTaken) {
            text += QLatin1Char('\n')
                + (was.isEmpty() ? Tr::tr("Roles taken from the nodes: %1 is the primary.").arg(livePrimary)
                                 : Tr::tr("Roles taken from the nodes: %1 is the primary now (the profile said %2).").arg(livePrimary, was));
        }
        return text;
    };
    showStatus(!failures.isEmpty());
}

void NodesPage::showChecks()
{
    m_results->clear();
    for (const ConnectionCheck& c : std::as_const(m_checks)) {
        auto* item = new QTreeWidgetItem(m_results);
        item->setText(ResultNodeColumn, c.node);
        item->setToolTip(ResultNodeColumn, c.address);
        auto cell = [item](int column, ConnectionStageResult outcome, const QString& text) {
            item->setText(column, text.isEmpty() ? ConnectionTester::outcomeName(outcome) : text);
            item->setIcon(column, outcomeIcon(outcome));
            item->setForeground(column, outcomeColour(outcome));
            item->setToolTip(column, item->text(column));
        };
        cell(ResultReachableColumn, c.reachable, c.reachableText);
        cell(ResultHostKeyColumn, c.hostKeyOutcome, c.hostKeyText);
        cell(ResultLoginColumn, c.login, c.loginText);
        const QString version = c.probe == ConnectionStageResult::NotTried ? QString()
            : c.version.isEmpty()                                 ? Tr::tr("not read")
                                                                  : QStringLiteral("MogDB %1").arg(c.version);
        cell(ResultVersionColumn, c.probe, version);
        item->setToolTip(ResultVersionColumn, c.probeText);
        const QString role = c.probe == ConnectionStageResult::NotTried ? QString()
            : c.state.isEmpty()                              ? c.role
                                                             : QStringLiteral("%1 (%2)").arg(c.role, c.state);
        cell(ResultRoleColumn, c.probe, role);
    }
    // Long messages stay readable in the tooltips and the status line; the columns stay within reach.
    for (int column = 0; column < ResultColumnCount - 1; ++column) {
        m_results->resizeColumnToContents(column);
        m_results->setColumnWidth(column, qMin(m_results->columnWidth(column), 320));
    }
}

} // namespace MogUp
