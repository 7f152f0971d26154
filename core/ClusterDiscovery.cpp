#include "ClusterDiscovery.h"

#include "GsOmStatusParser.h"
#include "NodeCommands.h"
#include "Tr.h"

#include <QMap>
#include <QRegularExpression>

namespace MogUp {

namespace {

constexpr int kCommandTimeoutMs = 60000;

struct Collected
{
    ExecResult result;
    QString out;
    QString err;
};

Collected collect(
    Executor& executor, const NodeProfile& node, const QString& command, const CancelToken& cancel)
{
    const CapturedRun run = runCaptured(executor, node, command, kCommandTimeoutMs, cancel);
    return Collected { run.exec, run.out, run.err };
}

// The first few lines of what a command printed, for an error message (bounded: it ends up in a dialog).
QString excerpt(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(0, 3);
    QString joined = lines.join(QStringLiteral(" / ")).simplified();
    if (joined.size() > 300)
        joined = joined.left(300) + QStringLiteral("...");
    return joined;
}

// No OM on the node: the binary is missing (a manual install has none), or it is there but the OM's
// files are not (gs_om then prints GAUSS-50201 naming bin/upgrade_version or bin/cluster_static_config).
bool looksLikeNoOm(const Collected& c)
{
    const QString all = c.out + c.err;
    return c.result.exitCode == 127 || all.contains(QLatin1String("No such file or directory"))
        || all.contains(QLatin1String("command not found"))
        || (all.contains(QLatin1String("GAUSS-50201"))
            && (all.contains(QLatin1String("cluster_static_config"))
                || all.contains(QLatin1String("upgrade_version"))));
}

NodeRole roleOf(const QString& liveRole)
{
    if (liveRole == QLatin1String("Primary"))
        return NodeRole::Primary;
    if (liveRole == QLatin1String("Standby") || liveRole == QLatin1String("Secondary"))
        return NodeRole::Standby;
    if (liveRole == QLatin1String("Cascade"))
        return NodeRole::CascadeStandby;
    // Down / Unknown: the install-time letter does not follow switchovers, so claim nothing; MogUp reads
    // the live roles when the role is left open.
    return NodeRole::Unspecified;
}

QString withoutTrailingSlash(QString path)
{
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

// The directory part that differs between two data directories with the same tail:
// ("/s/node1/data", "/s/node2/data") -> ("/s/node1", "/s/node2"). Empty when they have no common tail
// or are the same.
std::pair<QString, QString> differingPrefixes(const QString& a, const QString& b)
{
    QStringList pa = withoutTrailingSlash(a).split(QLatin1Char('/'));
    QStringList pb = withoutTrailingSlash(b).split(QLatin1Char('/'));
    int common = 0;
    while (common < pa.size() - 1 && common < pb.size() - 1
        && pa.at(pa.size() - 1 - common) == pb.at(pb.size() - 1 - common))
        ++common;
    if (common == 0)
        return {};
    const QString prefixA = pa.mid(0, pa.size() - common).join(QLatin1Char('/'));
    const QString prefixB = pb.mid(0, pb.size() - common).join(QLatin1Char('/'));
    if (prefixA == prefixB || prefixA.isEmpty() || prefixB.isEmpty())
        return {};
    return { prefixA, prefixB };
}

QString movePath(const QString& path, const std::pair<QString, QString>& prefixes)
{
    if (prefixes.first.isEmpty())
        return path;
    if (path == prefixes.first)
        return prefixes.second;
    if (path.startsWith(prefixes.first + QLatin1Char('/')))
        return prefixes.second + path.mid(prefixes.first.size());
    return path;
}

} // namespace

ClusterDiscovery::ClusterDiscovery(Executor& executor, const ClusterProfile& profile)
    : m_executor(executor)
    , m_profile(profile)
{
}

DiscoveryResult ClusterDiscovery::discover(const NodeProfile& from, const CancelToken& cancel) const
{
    DiscoveryResult d;
    d.from = from.name;
    const QString manualHelp
        = Tr::tr("Discovery reads the cluster from the OM (gs_om), which only OM installs have. "
                 "On a manual install, add a row per node and fill in its host, GAUSSHOME, PGDATA "
                 "and database port (gs_ctl query -D PGDATA on each node shows its role).");
    if (m_profile.installMethod == InstallMethod::Manual) {
        d.error = Tr::tr("%1: the profile says this is a manual install (no gs_om). %2")
                      .arg(from.name, manualHelp);
        return d;
    }
    if (from.gausshome.isEmpty() || from.pgdata.isEmpty()) {
        d.error
            = Tr::tr("%1: GAUSSHOME and PGDATA of this node are needed to ask its OM; fill them in first.")
                  .arg(from.name);
        return d;
    }

    const NodeCommands cmd(m_profile, from);
    const QString statusCommand
        = cmd.gsOm({ QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") });
    const Collected status = collect(m_executor, from, statusCommand, cancel);
    if (!status.result.started) {
        d.error = Tr::tr(
            "%1: could not run gs_om there: %2. Check the node's host, SSH port and login (Test connections "
            "shows what fails).")
                      .arg(from.name, status.result.error);
        return d;
    }
    if (status.result.cancelled || status.result.timedOut) {
        d.error = status.result.error;
        return d;
    }
    if (looksLikeNoOm(status)) {
        // OM installs keep gs_om in $GPHOME/script, reached through the PATH the env file sets.
        d.error = Tr::tr("%1: no usable gs_om on the PATH that %2 sets (the node said: %3). %4")
                      .arg(from.name, from.envFile.isEmpty() ? Tr::tr("the login shell") : from.envFile,
                          excerpt(status.out + status.err), manualHelp);
        return d;
    }
    GsOmStatus parsed;
    QString parseError;
    if (!GsOmStatusParser::parse(status.out, &parsed, &parseError) || !parsed.detail) {
        const QString why = parseError.isEmpty() ? Tr::tr("no datanode table") : parseError;
        d.error = Tr::tr(
            "%1: gs_om -t status --detail printed something MogUp cannot read (%2; exit code %3; it began: "
            "\"%4\"). Run it on %1 as %5 to see what is wrong, or fill in the rows by hand.")
                      // One pass: the node's output may hold "%1"-like text a later .arg() would fill.
                      .arg(from.name, why, QString::number(status.result.exitCode), excerpt(status.out + status.err),
                          m_profile.dbUser);
        return d;
    }
    if (parsed.nodes.isEmpty()) {
        d.error = Tr::tr(
            "%1: gs_om -t status --detail lists no datanode. Run it on %1 as %2 to see why, or fill in "
            "the rows by hand.")
                      .arg(from.name, m_profile.dbUser);
        return d;
    }
    d.clusterState = parsed.clusterState;
    for (const GsOmNodeStatus& n : parsed.nodes) {
        DiscoveredNode dn;
        dn.name = n.nodeName;
        dn.host = n.nodeIp;
        dn.pgdata = n.dataDir;
        dn.dbPort = n.port;
        dn.liveRole = n.role;
        dn.state = n.state;
        dn.role = roleOf(n.role);
        d.nodes.append(dn);
    }

    // Which of them is the node we asked: by name, else by address and data directory, else by a unique
    // address.
    const QString fromData = withoutTrailingSlash(from.pgdata);
    for (int i = 0; i < d.nodes.size() && d.fromIndex < 0; ++i) {
        if (d.nodes.at(i).name == from.name)
            d.fromIndex = i;
    }
    for (int i = 0; i < d.nodes.size() && d.fromIndex < 0; ++i) {
        if (d.nodes.at(i).host == from.host && withoutTrailingSlash(d.nodes.at(i).pgdata) == fromData)
            d.fromIndex = i;
    }
    if (d.fromIndex < 0) {
        int match = -1, count = 0;
        for (int i = 0; i < d.nodes.size(); ++i) {
            if (d.nodes.at(i).host == from.host) {
                match = i;
                ++count;
            }
        }
        if (count == 1)
            d.fromIndex = match;
    }
    if (d.fromIndex < 0) {
        QStringList listed;
        for (const DiscoveredNode& n : std::as_const(d.nodes))
            listed << QStringLiteral("%1 (%2, %3)").arg(n.name, n.host, n.pgdata);
        d.error = Tr::tr(
            "%1: its OM lists %2, but none of them is this node (name %1, host %3, PGDATA %4). Correct the "
            "name, host or PGDATA of %1 to match, then discover again.")
                      .arg(from.name, listed.join(QStringLiteral(", ")), from.host, from.pgdata);
        d.nodes.clear();
        return d;
    }
    d.nodes[d.fromIndex].dbPort = from.dbPort;

    bool portMissing = false;
    for (const DiscoveredNode& n : std::as_const(d.nodes))
        portMissing = portMissing || n.dbPort <= 0;
    if (portMissing) {
        // OM 2.0.1 prints no ports. The replication settings of the node asked name every peer with its
        // replication port, which MogDB puts at the database port + 1 (26000 / 26001).
        d.portsDerived = true;
        const Collected conf = collect(m_executor, from,
            cmd.asDbUser({ QStringLiteral("grep"), QStringLiteral("-E"),
                QStringLiteral("^[[:space:]]*replconninfo[0-9]+[[:space:]]*="),
                fromData + QStringLiteral("/postgresql.conf") }),
            cancel);
        static const QRegularExpression peer(QStringLiteral("remotehost=([^\\s']+).*remoteport=(\\d+)"));
        QMap<QString, QList<int>> portsByHost; // in replconninfo order
        for (const QString& line : conf.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch m = peer.match(line);
            if (m.hasMatch())
                portsByHost[m.captured(1)].append(m.captured(2).toInt() - 1);
        }
        QMap<QString, QList<int>> othersByHost; // indexes of the other nodes, in gs_om order
        for (int i = 0; i < d.nodes.size(); ++i) {
            if (i != d.fromIndex && d.nodes.at(i).dbPort <= 0)
                othersByHost[d.nodes.at(i).host].append(i);
        }
        QStringList copied;
        for (auto it = othersByHost.cbegin(); it != othersByHost.cend(); ++it) {
            const QList<int> ports = portsByHost.value(it.key());
            // Peers on one address (nodes sharing a machine) are paired in order; a count that does not
            // match leaves nothing to pair safely.
            const bool pairable = ports.size() == it.value().size();
            for (int k = 0; k < it.value().size(); ++k) {
                DiscoveredNode& n = d.nodes[it.value().at(k)];
                if (pairable && ports.at(k) > 0) {
                    n.dbPort = ports.at(k);
                } else {
                    n.dbPort = from.dbPort;
                    copied << n.name;
                }
            }
        }
        if (!copied.isEmpty())
            d.notes += Tr::tr(
                "The database port of %1 could not be read (gs_om prints none and the replication settings "
                "of %2 do not name it): %2's port was used; check it. ")
                           .arg(copied.join(QStringLiteral(", ")), from.name);
        else
            d.notes += Tr::tr(
                "Database ports were read from the replication settings of %1 (this gs_om prints no port "
                "column): replication port - 1. ")
                           .arg(from.name);
    }
    d.notes += Tr::tr(
        "SSH port, SSH user, login, GAUSSHOME and environment file of the other nodes were taken from %1: "
        "check them.")
                   .arg(from.name);
    d.ok = true;
    return d;
}

QList<NodeProfile> ClusterDiscovery::toNodeProfiles(const DiscoveryResult& result, const NodeProfile& from)
{
    QList<NodeProfile> nodes;
    if (!result.ok)
        return nodes;
    for (int i = 0; i < result.nodes.size(); ++i) {
        const DiscoveredNode& dn = result.nodes.at(i);
        if (i == result.fromIndex) {
            NodeProfile same = from;
            if (dn.role != NodeRole::Unspecified)
                same.role = dn.role;
            nodes.append(same);
            continue;
        }
        NodeProfile n = from;
        const auto prefixes = differingPrefixes(from.pgdata, dn.pgdata);
        n.name = dn.name;
        n.host = dn.host;
        n.pgdata = dn.pgdata;
        n.dbPort = dn.dbPort > 0 ? dn.dbPort : from.dbPort;
        n.role = dn.role;
        n.gausshome = movePath(from.gausshome, prefixes);
        n.envFile = movePath(from.envFile, prefixes);
        n.unpackDir = movePath(from.unpackDir, prefixes);
        nodes.append(n);
    }
    return nodes;
}

} // namespace MogUp
