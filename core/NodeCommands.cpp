#include "NodeCommands.h"

#include "ShellQuote.h"

namespace MogUp {

NodeCommands::NodeCommands(const ClusterProfile& cluster, const NodeProfile& node)
    : m_cluster(cluster)
    , m_node(node)
{
}

QString NodeCommands::asDbUserShell(const QString& shellFragment) const
{
    // Local transport runs as the current user (the sandbox); SSH adds su/sudo here (next issue).
    if (m_node.envFile.isEmpty())
        return shellFragment;
    return QStringLiteral(". ") + shellQuote(m_node.envFile) + QStringLiteral(" && ") + shellFragment;
}

QString NodeCommands::asDbUser(const QStringList& words) const
{
    return asDbUserShell(shellJoin(words));
}

QString NodeCommands::asRoot(const QStringList& words) const
{
    return shellJoin(words);
}

QString NodeCommands::tool(const QString& name) const
{
    return m_node.gausshome + QStringLiteral("/bin/") + name;
}

QString NodeCommands::gsCtl(const QStringList& args) const
{
    return asDbUser(QStringList { tool(QStringLiteral("gs_ctl")) } + args);
}

QString NodeCommands::gsCtlQuery() const
{
    return gsCtl({ QStringLiteral("query"), QStringLiteral("-D"), m_node.pgdata });
}

QString NodeCommands::gsCtlStart(const QString& mode) const
{
    return gsCtl({ QStringLiteral("start"), QStringLiteral("-D"), m_node.pgdata, QStringLiteral("-M"), mode });
}

QString NodeCommands::gsCtlStop() const
{
    return gsCtl({ QStringLiteral("stop"), QStringLiteral("-D"), m_node.pgdata });
}

QString NodeCommands::gsCtlSwitchover() const
{
    return gsCtl({ QStringLiteral("switchover"), QStringLiteral("-D"), m_node.pgdata });
}

QString NodeCommands::gsOm(const QStringList& args) const
{
    return asDbUser(QStringList { tool(QStringLiteral("gs_om")) } + args);
}

QString NodeCommands::gsql(const QString& sql) const
{
    return asDbUser({ tool(QStringLiteral("gsql")), QStringLiteral("-d"), QStringLiteral("postgres"),
        QStringLiteral("-p"), QString::number(m_node.dbPort), QStringLiteral("-A"), QStringLiteral("-t"),
        QStringLiteral("-c"), sql });
}

QString NodeCommands::gaussdbVersion() const
{
    return gaussdbVersionIn(m_node.gausshome + QStringLiteral("/bin"));
}

QString NodeCommands::gaussdbVersionIn(const QString& binDir) const
{
    return asDbUser({ binDir + QStringLiteral("/gaussdb"), QStringLiteral("-V") });
}

QString NodeCommands::mogha(const QString& action) const
{
    return asRoot({ QStringLiteral("systemctl"), action, QStringLiteral("mogha") });
}

QString NodeCommands::moghaIsActive() const
{
    return mogha(QStringLiteral("is-active"));
}

} // namespace MogUp
