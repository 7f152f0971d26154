#include "Profile.h"

#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace MogUp {

QString transportName(Transport t)
{
    return t == Transport::Ssh ? QStringLiteral("ssh") : QStringLiteral("local");
}

QString installMethodName(InstallMethod m)
{
    return m == InstallMethod::Manual ? QStringLiteral("manual") : QStringLiteral("om");
}

QString nodeRoleName(NodeRole r)
{
    switch (r) {
    case NodeRole::Primary:
        return QStringLiteral("primary");
    case NodeRole::Standby:
        return QStringLiteral("standby");
    case NodeRole::CascadeStandby:
        return QStringLiteral("cascade_standby");
    case NodeRole::Unspecified:
        break;
    }
    return {};
}

QString ProfileError::toString() const
{
    QString where = field;
    if (!node.isEmpty())
        where = Tr::tr("node %1, %2").arg(node, field);
    QString text = where + QStringLiteral(": ") + message;
    if (!fix.isEmpty())
        text += QStringLiteral(" ") + Tr::tr("Fix: %1").arg(fix);
    return text;
}

QString ClusterProfile::unpackDirFor(const NodeProfile& n) const
{
    return n.unpackDir.isEmpty() ? unpackDir : n.unpackDir;
}

const NodeProfile* ClusterProfile::node(const QString& nodeName) const
{
    for (const NodeProfile& n : nodes) {
        if (n.name == nodeName)
            return &n;
    }
    return nullptr;
}

const NodeProfile* ClusterProfile::primaryNode() const
{
    for (const NodeProfile& n : nodes) {
        if (n.role == NodeRole::Primary)
            return &n;
    }
    return nullptr;
}

namespace {

const QStringList kTopKeys = { QStringLiteral("name"), QStringLiteral("transport"),
    QStringLiteral("install_method"), QStringLiteral("mogha"), QStringLiteral("db_user"),
    QStringLiteral("package"), QStringLiteral("unpack_dir"), QStringLiteral("nodes"),
    QStringLiteral("stop_settle_seconds"), QStringLiteral("catchup_max_lag_bytes"), QStringLiteral("sandbox"), QStringLiteral("host_key_policy"),
    QStringLiteral("known_hosts") };
const QStringList kPackageKeys = { QStringLiteral("file"), QStringLiteral("on_nodes") };
const QStringList kNodeKeys = { QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("ssh_port"),
    QStringLiteral("ssh_user"), QStringLiteral("auth"), QStringLiteral("key_file"), QStringLiteral("gausshome"),
    QStringLiteral("pgdata"), QStringLiteral("db_port"), QStringLiteral("env_file"), QStringLiteral("unpack_dir"),
    QStringLiteral("role"), QStringLiteral("become") };
const QStringList kBecomeValues = { QStringLiteral("auto"), QStringLiteral("none"), QStringLiteral("su"),
    QStringLiteral("sudo"), QStringLiteral("sudo-password") };
const QStringList kAuthValues = { QStringLiteral("agent"), QStringLiteral("key"), QStringLiteral("password"),
    QStringLiteral("keyboard-interactive") };
const QStringList kRoleValues = { QStringLiteral("primary"), QStringLiteral("standby"),
    QStringLiteral("cascade_standby") };

int editDistance(const QString& a, const QString& b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            cur[j] = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString closest(const QString& key, const QStringList& known)
{
    QString best;
    int bestDistance = 3; // only suggest near misses
    for (const QString& k : known) {
        const int d = editDistance(key.toLower(), k);
        if (d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    return best;
}

// Collects errors while reading one JSON object; every accessor reports a precise field path.
class Reader
{
public:
    Reader(QList<ProfileError>* errors, QString node, QString prefix)
        : m_errors(errors)
        , m_node(std::move(node))
        , m_prefix(std::move(prefix))
    {
    }

    QString path(const QString& key) const { return m_prefix.isEmpty() ? key : m_prefix + QLatin1Char('.') + key; }

    void error(const QString& key, const QString& message, const QString& fix) const
    {
        m_errors->append(ProfileError { path(key), m_node, message, fix });
    }

    void rejectUnknownKeys(const QJsonObject& o, const QStringList& known) const
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (known.contains(it.key()))
                continue;
            const QString near = closest(it.key(), known);
            const QString fix = near.isEmpty()
                ? Tr::tr("remove it; the known keys here are: %1.").arg(known.join(QStringLiteral(", ")))
                : Tr::tr("did you mean \"%1\"? Rename or remove it.").arg(near);
            error(it.key(), Tr::tr("unknown key \"%1\" (a misspelt key would otherwise be ignored).").arg(it.key()),
                fix);
        }
    }

    bool has(const QJsonObject& o, const QString& key) const { return o.contains(key) && !o.value(key).isNull(); }

    QString string(const QJsonObject& o, const QString& key, bool required, const QString& fallback = {}) const
    {
        if (!has(o, key)) {
            if (required)
                error(key, Tr::tr("is missing."), Tr::tr("add \"%1\" (a text value).").arg(key));
            return fallback;
        }
        const QJsonValue v = o.value(key);
        if (!v.isString()) {
            error(key, Tr::tr("must be text."), Tr::tr("write it in double quotes."));
            return fallback;
        }
        if (required && v.toString().trimmed().isEmpty()) {
            error(key, Tr::tr("is empty."), Tr::tr("fill in \"%1\".").arg(key));
            return fallback;
        }
        return v.toString();
    }

    QString absolutePath(const QJsonObject& o, const QString& key, bool required) const
    {
        const QString p = string(o, key, required);
        if (!p.isEmpty() && !QDir::isAbsolutePath(p))
            error(key, Tr::tr("\"%1\" is a relative path; it would depend on the directory a command runs in.").arg(p),
                Tr::tr("write the full path, starting with /."));
        return p;
    }

    int port(const QJsonObject& o, const QString& key, bool required, int fallback) const
    {
        if (!has(o, key)) {
            if (required)
                error(key, Tr::tr("is missing."), Tr::tr("add \"%1\" (a port number, 1-65535).").arg(key));
            return fallback;
        }
        const QJsonValue v = o.value(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != double(qint64(d))) {
            error(key, Tr::tr("must be a whole number."), Tr::tr("write the port without quotes, e.g. 26000."));
            return fallback;
        }
        if (d < 1 || d > 65535) {
            error(key, Tr::tr("%1 is out of range (1-65535).").arg(qint64(d)), Tr::tr("use a valid TCP port."));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const QJsonObject& o, const QString& key, bool required, bool fallback) const
    {
        if (!has(o, key)) {
            if (required)
                error(key, Tr::tr("is missing."), Tr::tr("add \"%1\": true or false.").arg(key));
            return fallback;
        }
        if (!o.value(key).isBool()) {
            error(key, Tr::tr("must be true or false."), Tr::tr("write true or false without quotes."));
            return fallback;
        }
        return o.value(key).toBool();
    }

    QString oneOf(const QJsonObject& o, const QString& key, const QStringList& values, bool required,
        const QString& fallback) const
    {
        const QString v = string(o, key, required, fallback);
        if (has(o, key) && o.value(key).isString() && !values.contains(v)) {
            error(key, Tr::tr("unknown value \"%1\".").arg(v),
                Tr::tr("use one of: %1.").arg(values.join(QStringLiteral(", "))));
            return fallback;
        }
        return v;
    }

private:
    QList<ProfileError>* m_errors;
    QString m_node;
    QString m_prefix;
};

} // namespace

QStringList nodeAuthValues()
{
    return kAuthValues;
}

QStringList nodeBecomeValues()
{
    return kBecomeValues;
}

bool ClusterProfile::fromJson(const QJsonObject& json, ClusterProfile* out, QList<ProfileError>* errors)
{
    QList<ProfileError> errs;
    ClusterProfile p;
    const Reader top(&errs, QString(), QString());
    top.rejectUnknownKeys(json, kTopKeys);
    p.name = top.string(json, QStringLiteral("name"), true);
    p.transport = top.oneOf(json, QStringLiteral("transport"), { QStringLiteral("local"), QStringLiteral("ssh") },
                      true, QStringLiteral("local"))
            == QStringLiteral("ssh")
        ? Transport::Ssh
        : Transport::Local;
    p.installMethod = top.oneOf(json, QStringLiteral("install_method"), { QStringLiteral("om"), QStringLiteral("manual") },
                          true, QStringLiteral("om"))
            == QStringLiteral("manual")
        ? InstallMethod::Manual
        : InstallMethod::Om;
    p.mogha = top.boolean(json, QStringLiteral("mogha"), true, false);
    p.dbUser = top.string(json, QStringLiteral("db_user"), true, QStringLiteral("omm"));
    if (!p.dbUser.isEmpty() && !QRegularExpression(QStringLiteral("^[a-z_][a-z0-9_-]*$")).match(p.dbUser).hasMatch())
        top.error(QStringLiteral("db_user"), Tr::tr("\"%1\" is not a valid user name.").arg(p.dbUser),
            Tr::tr("use the operating system user that owns the database, e.g. omm."));
    p.unpackDir = top.absolutePath(json, QStringLiteral("unpack_dir"), false);
    p.sandbox = top.absolutePath(json, QStringLiteral("sandbox"), false);
    p.hostKeyPolicy = top.oneOf(json, QStringLiteral("host_key_policy"),
        { QStringLiteral("strict"), QStringLiteral("ask"), QStringLiteral("accept-new") }, false, QStringLiteral("strict"));
    p.knownHosts = top.absolutePath(json, QStringLiteral("known_hosts"), false);
    if (top.has(json, QStringLiteral("stop_settle_seconds"))) {
        const QJsonValue v = json.value(QStringLiteral("stop_settle_seconds"));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 600 || v.toDouble() != double(v.toInt()))
            top.error(QStringLiteral("stop_settle_seconds"), Tr::tr("must be a whole number of seconds from 0 to 600."),
                Tr::tr("e.g. 10 (longer than MogHA's heartbeat interval)."));
        else
            p.stopSettleSeconds = v.toInt();
    }
    if (top.has(json, QStringLiteral("catchup_max_lag_bytes"))) {
        const QJsonValue v = json.value(QStringLiteral("catchup_max_lag_bytes"));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > 1099511627776.0 || d != double(qint64(d)))
            top.error(QStringLiteral("catchup_max_lag_bytes"), Tr::tr("must be a whole number of bytes from 0 to 1 TiB."),
                Tr::tr("e.g. 16777216 (16 MiB, one WAL segment); 0 waits for an exact match, which a standby under "
                       "write load never shows."));
        else
            p.catchupMaxLagBytes = qint64(d);
    }

    if (!top.has(json, QStringLiteral("package"))) {
        top.error(QStringLiteral("package"), Tr::tr("is missing."),
            Tr::tr("add \"package\": {\"file\": \"/path/MogDB-2.0.3-CentOS-x86_64.tar.gz\", \"on_nodes\": false}."));
    } else if (!json.value(QStringLiteral("package")).isObject()) {
        top.error(QStringLiteral("package"), Tr::tr("must be an object."),
            Tr::tr("write {\"file\": \"...\", \"on_nodes\": false}."));
    } else {
        const QJsonObject po = json.value(QStringLiteral("package")).toObject();
        const Reader pr(&errs, QString(), QStringLiteral("package"));
        pr.rejectUnknownKeys(po, kPackageKeys);
        p.package.file = pr.absolutePath(po, QStringLiteral("file"), true);
        p.package.onNodes = pr.boolean(po, QStringLiteral("on_nodes"), true, false);
    }

    const QJsonValue nodesValue = json.value(QStringLiteral("nodes"));
    if (!nodesValue.isArray() || nodesValue.toArray().isEmpty()) {
        top.error(QStringLiteral("nodes"),
            nodesValue.isUndefined() ? Tr::tr("is missing.") : Tr::tr("must be a non-empty list of nodes."),
            Tr::tr("list every node of the cluster, the primary and each standby."));
    } else {
        const QJsonArray arr = nodesValue.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            const QString prefix = QStringLiteral("nodes[%1]").arg(i);
            if (!arr.at(i).isObject()) {
                top.error(prefix, Tr::tr("must be an object."), Tr::tr("write each node as {\"name\": ..., ...}."));
                continue;
            }
            const QJsonObject no = arr.at(i).toObject();
            QString label = no.value(QStringLiteral("name")).toString();
            if (label.isEmpty())
                label = QStringLiteral("#%1").arg(i + 1);
            const Reader nr(&errs, label, prefix);
            nr.rejectUnknownKeys(no, kNodeKeys);
            NodeProfile n;
            n.name = nr.string(no, QStringLiteral("name"), true);
            if (!n.name.isEmpty()
                && !QRegularExpression(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$")).match(n.name).hasMatch())
                nr.error(QStringLiteral("name"), Tr::tr("\"%1\" contains characters a node name cannot have.").arg(n.name),
                    Tr::tr("use letters, digits, '.', '_' and '-'."));
            n.host = nr.string(no, QStringLiteral("host"), true);
            if (n.host.contains(QLatin1Char(' ')))
                nr.error(QStringLiteral("host"), Tr::tr("\"%1\" contains a space.").arg(n.host),
                    Tr::tr("write a host name or an IP address."));
            n.sshPort = nr.port(no, QStringLiteral("ssh_port"), false, 22);
            n.sshUser = nr.string(no, QStringLiteral("ssh_user"), p.transport == Transport::Ssh, QStringLiteral("root"));
            n.auth = nr.oneOf(no, QStringLiteral("auth"), kAuthValues, p.transport == Transport::Ssh,
                QStringLiteral("agent"));
            n.keyFile = nr.absolutePath(no, QStringLiteral("key_file"), false);
            if (p.transport == Transport::Ssh && n.auth == QStringLiteral("key") && n.keyFile.isEmpty())
                nr.error(QStringLiteral("key_file"), Tr::tr("is needed when auth is \"key\"."),
                    Tr::tr("give the full path of the private key (ed25519 or ECDSA)."));
            n.gausshome = nr.absolutePath(no, QStringLiteral("gausshome"), true);
            n.pgdata = nr.absolutePath(no, QStringLiteral("pgdata"), true);
            n.dbPort = nr.port(no, QStringLiteral("db_port"), true, 26000);
            n.envFile = nr.absolutePath(no, QStringLiteral("env_file"), false);
            n.unpackDir = nr.absolutePath(no, QStringLiteral("unpack_dir"), false);
            const QString role = nr.oneOf(no, QStringLiteral("role"), kRoleValues, false, QString());
            n.become = nr.oneOf(no, QStringLiteral("become"), kBecomeValues, false, QStringLiteral("auto"));
            if (role == QStringLiteral("primary"))
                n.role = NodeRole::Primary;
            else if (role == QStringLiteral("standby"))
                n.role = NodeRole::Standby;
            else if (role == QStringLiteral("cascade_standby"))
                n.role = NodeRole::CascadeStandby;
            p.nodes.append(n);
        }
    }

    errs += p.validate();
    // validate() repeats checks that the reader already made for fields it could not read; keep one
    // message per field and problem.
    QList<ProfileError> unique;
    QSet<QString> seen;
    for (const ProfileError& e : errs) {
        const QString key = e.node + QLatin1Char('\x1f') + e.field + QLatin1Char('\x1f') + e.message;
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(e);
        }
    }
    if (errors)
        *errors = unique;
    if (!unique.isEmpty())
        return false;
    *out = p;
    return true;
}

QList<ProfileError> ClusterProfile::validate() const
{
    QList<ProfileError> errs;
    QHash<QString, int> names;
    QHash<QString, QString> hostPorts;
    QHash<QString, QString> dataDirs;
    int primaries = 0;
    int canLead = 0;
    bool anyRole = false;
    for (int i = 0; i < nodes.size(); ++i) {
        const NodeProfile& n = nodes.at(i);
        const QString prefix = QStringLiteral("nodes[%1]").arg(i);
        const QString label = n.name.isEmpty() ? QStringLiteral("#%1").arg(i + 1) : n.name;
        if (!n.name.isEmpty()) {
            if (names.contains(n.name))
                errs.append({ prefix + QStringLiteral(".name"), label,
                    Tr::tr("the name \"%1\" is used by node #%2 too.").arg(n.name).arg(names.value(n.name) + 1),
                    Tr::tr("give every node its own name.") });
            else
                names.insert(n.name, i);
        }
        if (!n.host.isEmpty()) {
            const QString hp = n.host + QLatin1Char(':') + QString::number(n.dbPort);
            if (hostPorts.contains(hp))
                errs.append({ prefix + QStringLiteral(".db_port"), label,
                    Tr::tr("%1 is also the database address of node %2.").arg(hp, hostPorts.value(hp)),
                    Tr::tr("two nodes cannot share a host and database port; check host and db_port.") });
            else
                hostPorts.insert(hp, label);
            const QString hd = n.host + QLatin1Char(':') + n.pgdata;
            if (!n.pgdata.isEmpty() && dataDirs.contains(hd))
                errs.append({ prefix + QStringLiteral(".pgdata"), label,
                    Tr::tr("node %1 on the same host uses the same data directory.").arg(dataDirs.value(hd)),
                    Tr::tr("each database instance has its own PGDATA.") });
            else
                dataDirs.insert(hd, label);
        }
        if (n.dbPort < 1 || n.dbPort > 65535)
            errs.append({ prefix + QStringLiteral(".db_port"), label, Tr::tr("%1 is out of range (1-65535).").arg(n.dbPort),
                Tr::tr("use a valid TCP port.") });
        if (n.sshPort < 1 || n.sshPort > 65535)
            errs.append({ prefix + QStringLiteral(".ssh_port"), label,
                Tr::tr("%1 is out of range (1-65535).").arg(n.sshPort), Tr::tr("use a valid TCP port.") });
        for (const auto& [field, value] : { std::pair { QStringLiteral("gausshome"), n.gausshome },
                 std::pair { QStringLiteral("pgdata"), n.pgdata }, std::pair { QStringLiteral("env_file"), n.envFile },
                 std::pair { QStringLiteral("unpack_dir"), n.unpackDir }, std::pair { QStringLiteral("key_file"), n.keyFile } }) {
            if (!value.isEmpty() && !QDir::isAbsolutePath(value))
                errs.append({ prefix + QLatin1Char('.') + field, label,
                    Tr::tr("\"%1\" is a relative path; it would depend on the directory a command runs in.").arg(value),
                    Tr::tr("write the full path, starting with /.") });
        }
        // The wizard edits these as text: a value the loader would refuse is refused here too, not read as a default.
        if (!kAuthValues.contains(n.auth))
            errs.append({ prefix + QStringLiteral(".auth"), label,
                Tr::tr("\"%1\" is not a login method.").arg(n.auth),
                Tr::tr("use one of: %1.").arg(kAuthValues.join(QStringLiteral(", "))) });
        else if (n.auth == QStringLiteral("key") && transport == Transport::Ssh && n.keyFile.isEmpty())
            errs.append({ prefix + QStringLiteral(".key_file"), label, Tr::tr("is needed when auth is \"key\"."),
                Tr::tr("give the full path of the private key (ed25519 or ECDSA).") });
        if (!kBecomeValues.contains(n.become))
            errs.append({ prefix + QStringLiteral(".become"), label,
                Tr::tr("\"%1\" is not a way to run as the database user.").arg(n.become),
                Tr::tr("use one of: %1.").arg(kBecomeValues.join(QStringLiteral(", "))) });
        if (n.unpackDir.isEmpty() && unpackDir.isEmpty())
            errs.append({ prefix + QStringLiteral(".unpack_dir"), label, Tr::tr("no unpack directory for this node."),
                Tr::tr("set the top-level \"unpack_dir\" (e.g. /opt/mogdb203) or one for this node.") });
        if (n.gausshome.isEmpty())
            errs.append({ prefix + QStringLiteral(".gausshome"), label, Tr::tr("is missing."),
                Tr::tr("add the MogDB app directory that holds bin/ and lib/, e.g. /opt/mogdb/app.") });
        if (n.pgdata.isEmpty())
            errs.append({ prefix + QStringLiteral(".pgdata"), label, Tr::tr("is missing."),
                Tr::tr("add the data directory, e.g. /opt/mogdb/data.") });
        if (n.role != NodeRole::Unspecified)
            anyRole = true;
        if (n.role == NodeRole::Primary)
            ++primaries;
        if (n.role == NodeRole::Primary || n.role == NodeRole::Standby)
            ++canLead;
    }
    if (nodes.isEmpty())
        errs.append({ QStringLiteral("nodes"), QString(), Tr::tr("no node can be primary: the list is empty."),
            Tr::tr("list every node of the cluster, the primary and each standby.") });
    if (anyRole && primaries > 1)
        errs.append({ QStringLiteral("nodes"), QString(), Tr::tr("%1 nodes have role \"primary\"; a cluster has one.").arg(primaries),
            Tr::tr("set \"role\": \"primary\" on the node that leads now and \"standby\" on the others.") });
    if (anyRole && canLead == 0)
        errs.append({ QStringLiteral("nodes"), QString(), Tr::tr("no node can be primary (every node is a cascade standby)."),
            Tr::tr("mark the node that leads now with \"role\": \"primary\".") });
    if (name.trimmed().isEmpty())
        errs.append({ QStringLiteral("name"), QString(), Tr::tr("is empty."), Tr::tr("give the cluster a name.") });
    if (package.file.isEmpty())
        errs.append({ QStringLiteral("package.file"), QString(), Tr::tr("is missing."),
            Tr::tr("give the full path of MogDB-2.0.3-<OS>-<arch>.tar.gz.") });
    else if (!QDir::isAbsolutePath(package.file))
        errs.append({ QStringLiteral("package.file"), QString(),
            Tr::tr("\"%1\" is a relative path; it would depend on the directory a command runs in.").arg(package.file),
            Tr::tr("write the full path, starting with /.") });
    if (stopSettleSeconds < 0 || stopSettleSeconds > 600)
        errs.append({ QStringLiteral("stop_settle_seconds"), QString(), Tr::tr("must be a whole number of seconds from 0 to 600."),
            Tr::tr("e.g. 10 (longer than MogHA's heartbeat interval).") });
    if (catchupMaxLagBytes < 0 || catchupMaxLagBytes > Q_INT64_C(1099511627776))
        errs.append({ QStringLiteral("catchup_max_lag_bytes"), QString(), Tr::tr("must be a whole number of bytes from 0 to 1 TiB."),
            Tr::tr("e.g. 16777216 (16 MiB, one WAL segment); 0 waits for an exact match, which a standby under "
                   "write load never shows.") });
    return errs;
}

bool ClusterProfile::load(const QString& path, ClusterProfile* out, QList<ProfileError>* errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors = { { QString(), QString(), Tr::tr("cannot read the profile %1: %2").arg(path, f.errorString()),
                Tr::tr("check the path and the file's permissions.") } };
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString why = pe.error != QJsonParseError::NoError
            ? Tr::tr("%1 at character %2").arg(pe.errorString()).arg(pe.offset)
            : Tr::tr("the top level is not an object");
        if (errors)
            *errors = { { QString(), QString(), Tr::tr("%1 is not valid JSON: %2.").arg(path, why),
                Tr::tr("fix the JSON syntax (a profile is one {...} object).") } };
        return false;
    }
    return fromJson(doc.object(), out, errors);
}

QJsonObject ClusterProfile::toJson() const
{
    QJsonArray arr;
    for (const NodeProfile& n : nodes) {
        QJsonObject o { { QStringLiteral("name"), n.name }, { QStringLiteral("host"), n.host },
            { QStringLiteral("ssh_port"), n.sshPort }, { QStringLiteral("ssh_user"), n.sshUser },
            { QStringLiteral("auth"), n.auth }, { QStringLiteral("key_file"), n.keyFile },
            { QStringLiteral("gausshome"), n.gausshome }, { QStringLiteral("pgdata"), n.pgdata },
            { QStringLiteral("db_port"), n.dbPort }, { QStringLiteral("env_file"), n.envFile } };
        if (!n.unpackDir.isEmpty())
            o.insert(QStringLiteral("unpack_dir"), n.unpackDir);
        if (n.role != NodeRole::Unspecified)
            o.insert(QStringLiteral("role"), nodeRoleName(n.role));
        if (n.become != QStringLiteral("auto"))
            o.insert(QStringLiteral("become"), n.become);
        arr.append(o);
    }
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("transport"), transportName(transport) },
        { QStringLiteral("install_method"), installMethodName(installMethod) }, { QStringLiteral("mogha"), mogha },
        { QStringLiteral("db_user"), dbUser },
        { QStringLiteral("package"),
            QJsonObject { { QStringLiteral("file"), package.file }, { QStringLiteral("on_nodes"), package.onNodes } } },
        { QStringLiteral("stop_settle_seconds"), stopSettleSeconds },
        { QStringLiteral("catchup_max_lag_bytes"), double(catchupMaxLagBytes) }, { QStringLiteral("nodes"), arr } };
    if (!unpackDir.isEmpty())
        o.insert(QStringLiteral("unpack_dir"), unpackDir);
    if (!sandbox.isEmpty())
        o.insert(QStringLiteral("sandbox"), sandbox);
    if (transport == Transport::Ssh || hostKeyPolicy != QStringLiteral("strict"))
        o.insert(QStringLiteral("host_key_policy"), hostKeyPolicy);
    if (!knownHosts.isEmpty())
        o.insert(QStringLiteral("known_hosts"), knownHosts);
    return o;
}

bool ClusterProfile::save(const QString& path, QString* error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace MogUp
