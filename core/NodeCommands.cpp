#include "NodeCommands.h"

#include "ShellQuote.h"

namespace MogUp {

NodeCommands::NodeCommands(const ClusterProfile& cluster, const NodeProfile& node)
    : m_cluster(cluster)
    , m_node(node)
{
}

NodeCommands::Become NodeCommands::becomeForDbUser() const
{
    if (m_cluster.transport == Transport::Local)
        return Become::None; // the sandbox runs everything as the current user
    const QString b = m_node.become;
    if (b == QStringLiteral("none"))
        return Become::None;
    if (b == QStringLiteral("su"))
        return Become::Su;
    if (b == QStringLiteral("sudo"))
        return Become::Sudo;
    if (b == QStringLiteral("sudo-password"))
        return Become::SudoPassword;
    if (m_node.sshUser == m_cluster.dbUser)
        return Become::None;
    return m_node.sshUser == QStringLiteral("root") ? Become::Su : Become::Sudo;
}

NodeCommands::Become NodeCommands::becomeForRoot() const
{
    if (m_cluster.transport == Transport::Local || m_node.sshUser == QStringLiteral("root")
        || m_node.become == QStringLiteral("none"))
        return Become::None;
    // `su -c` would want root's password; switching to root goes through sudo.
    return m_node.become == QStringLiteral("sudo-password") ? Become::SudoPassword : Become::Sudo;
}

QString NodeCommands::wrap(const QString& shellFragment, Become become, const QString& user) const
{
    const bool toRoot = user == QStringLiteral("root");
    switch (become) {
    case Become::None:
        return shellFragment;
    case Become::Su:
        // A login shell: db_user's own environment, as when the DBA types `su - omm`.
        return QStringLiteral("su - ") + shellQuote(user) + QStringLiteral(" -c ") + shellQuote(shellFragment);
    case Become::Sudo:
        // -n: never prompt (NOPASSWD); a missing rule fails at once instead of hanging.
        return QStringLiteral("sudo -n ") + (toRoot ? QString() : QStringLiteral("-H -u ") + shellQuote(user) + QLatin1Char(' '))
            + QStringLiteral("-- bash -c ") + shellQuote(shellFragment);
    case Become::SudoPassword:
        // The password arrives on stdin; stdin is closed before the command runs, so a sudo that did
        // not ask (cached credentials) cannot pass the password on to the command.
        return sudoPasswordPrefix() + (toRoot ? QString() : QStringLiteral("-H -u ") + shellQuote(user) + QLatin1Char(' '))
            + QStringLiteral("-- bash -c ") + shellQuote(QStringLiteral("exec 0</dev/null; ") + shellFragment);
    }
    return shellFragment;
}

QString NodeCommands::asDbUserShell(const QString& shellFragment) const
{
    QString inner = shellFragment;
    if (!m_node.envFile.isEmpty())
        inner = QStringLiteral(". ") + shellQuote(m_node.envFile) + QStringLiteral(" && ") + shellFragment;
    return wrap(inner, becomeForDbUser(), m_cluster.dbUser);
}

QString NodeCommands::asDbUser(const QStringList& words) const
{
    return asDbUserShell(shellJoin(words));
}

QString NodeCommands::asRoot(const QStringList& words) const
{
    return asRootShell(shellJoin(words));
}

QString NodeCommands::asRootShell(const QString& shellFragment) const
{
    return wrap(shellFragment, becomeForRoot(), QStringLiteral("root"));
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
    return asDbUser(QStringList { QStringLiteral("gs_om") } + args);
}

QString NodeCommands::gsql(const QString& sql) const
{
    return asDbUser({ tool(QStringLiteral("gsql")), QStringLiteral("-d"), QStringLiteral("postgres"),
        QStringLiteral("-p"), QString::number(m_node.dbPort), QStringLiteral("-A"), QStringLiteral("-t"),
        QStringLiteral("-c"), sql });
}

QString NodeCommands::walSenderMemorySql()
{
    return QStringLiteral("select contextname, sum(totalsize), sum(freesize) from gs_session_memory_detail "
                          "where contextname = 'Wal Sender' group by contextname");
}

QString NodeCommands::walSenderMemory() const
{
    return gsql(walSenderMemorySql());
}

QString NodeCommands::walSenderSampleSql()
{
    // Each statement is one openGauss 2.0.1 accepts on its own: the role query gs_ctl's get_runmode()
    // sends, version(), and the memory query with its GROUP BY.
    return QStringLiteral("select local_role from pg_stat_get_stream_replications(); select version(); ")
        + walSenderMemorySql();
}

QString NodeCommands::walSenderSample() const
{
    return gsql(walSenderSampleSql());
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

QString NodeCommands::environmentProbe(const QStringList& backupNames) const
{
    const QString env = shellQuote(m_node.envFile);
    const QString home = shellQuote(m_node.gausshome);
    const QString gsCtl = shellQuote(tool(QStringLiteral("gs_ctl")));
    const QString data = shellQuote(m_node.pgdata);
    QString t;
    if (m_node.envFile.isEmpty())
        t += QStringLiteral("echo 'env_file none'; ");
    else
        // Sourced quietly: only this command's own lines go to stdout.
        t += QStringLiteral("if ! test -e ") + env + QStringLiteral("; then echo 'env_file missing'; elif ! test -r ")
            + env + QStringLiteral("; then echo 'env_file unreadable'; else . ") + env
            + QStringLiteral(" >/dev/null 2>&1; echo 'env_file ok'; fi; ");
    t += QStringLiteral("if test -d ") + home + QStringLiteral("; then echo 'gausshome ok'; else echo 'gausshome missing'; fi; ");
    t += QStringLiteral("if test -x ") + gsCtl + QStringLiteral("; then echo 'gs_ctl ok'; elif test -e ") + gsCtl
        + QStringLiteral("; then echo 'gs_ctl not-executable'; else echo 'gs_ctl missing'; fi; ");
    t += QStringLiteral("if ! test -e ") + data + QStringLiteral("; then echo 'pgdata missing'; elif ! test -r ") + data
        + QStringLiteral(" || ! test -x ") + data + QStringLiteral("; then echo 'pgdata unreadable'; else echo 'pgdata ok'; fi; ");
    t += QStringLiteral("echo \"gs_om $(command -v gs_om 2>/dev/null || echo -)\"; ");
    for (const QString& b : backupNames) {
        const QString path = shellQuote(m_node.gausshome + QLatin1Char('/') + b);
        t += QStringLiteral("if test -e ") + path + QStringLiteral(" || test -L ") + path
            + QStringLiteral("; then echo ") + shellQuote(QStringLiteral("leftover ") + b) + QStringLiteral("; fi; ");
    }
    t += QStringLiteral("true");
    return wrap(t, becomeForDbUser(), m_cluster.dbUser);
}

} // namespace MogUp
