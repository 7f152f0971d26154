#include "GsOmStatusParser.h"

#include "ParserText.h"
#include "Tr.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <utility>

namespace MogUp {

namespace {

// Quoted lines end up in logs and dialogs: keep them bounded and free of control characters.
// gs_om takes the first word of gs_ctl's local_role (`local_role\s*:\s*(\w+)`, so "Cascade Standby"
// becomes "Cascade") and uses Down/Unknown when gs_ctl query fails (§3.3).
const QStringList& nodeRoles()
{
    static const QStringList list { QStringLiteral("Primary"), QStringLiteral("Standby"),
        QStringLiteral("Cascade"), QStringLiteral("Secondary"), QStringLiteral("Pending"),
        QStringLiteral("Normal"), QStringLiteral("Down"), QStringLiteral("Unknown") };
    return list;
}

// First word of db_state, "Need repair(<first word of detail_information>)", or the not-running
// "Manually stopped" (§3.3).
bool isNodeState(const QString& state)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(Normal|Unknown|Starting|Wait|Wait promoting|Demoting|Promoting|Building|Catchup|Coredump|"
        "Manually stopped|Need repair\\(\\w+\\.*\\))$"));
    return pattern.match(state).hasMatch();
}

enum class Stage
{
    Summary,
    DatanodeHeader,
    DatanodeRule,
    Datanodes
};

class Parser
{
public:
    bool run(const QString& output, GsOmStatus* out);
    QString errorText() const { return m_error; }

private:
    bool fail(int lineNumber, const QString& line, const QString& reason)
    {
        m_error = lineError(lineNumber, line, reason);
        return false;
    }
    bool handleSummaryLine(int number, const QString& line, const QString& trimmed);
    bool handleColumnHeader(int number, const QString& line, const QString& trimmed);
    bool handleNodeLine(int number, const QString& line, const QString& trimmed);
    bool parseNode(int number, const QString& line, const QString& segment, GsOmNodeStatus* node);

    QString m_error;
    GsOmStatus m_result;
    Stage m_stage = Stage::Summary;
    QSet<QString> m_seenKeys;
    int m_clusterStateLineNumber = 0;
    QString m_clusterStateLine;
};

bool Parser::handleSummaryLine(int number, const QString& line, const QString& trimmed)
{
    static const QRegularExpression clusterHeader(QStringLiteral("^\\[\\s*Cluster State\\s*\\]$"));
    static const QRegularExpression datanodeHeader(QStringLiteral("^\\[\\s*Datanode State\\s*\\]$"));
    static const QRegularExpression rule(QStringLiteral("^-+$"));
    static const QRegularExpression keyValue(QStringLiteral("^([a-z_]+)\\s*:\\s*(.*)$"));

    if (clusterHeader.match(trimmed).hasMatch()) {
        if (m_result.detail || !m_seenKeys.isEmpty())
            return fail(number, line, Tr::tr("unexpected section header"));
        m_result.detail = true;
        return true;
    }
    if (datanodeHeader.match(trimmed).hasMatch()) {
        if (!m_result.detail)
            return fail(number, line, Tr::tr("datanode section without cluster section"));
        if (!m_seenKeys.contains(QStringLiteral("cluster_state")))
            return fail(number, line, Tr::tr("datanode section before cluster_state"));
        m_stage = Stage::DatanodeHeader;
        return true;
    }
    if (rule.match(trimmed).hasMatch()) {
        // The plain layout frames its summary with dashes; --detail has none before the datanodes.
        if (m_result.detail)
            return fail(number, line, Tr::tr("unexpected rule line"));
        return true;
    }
    const QRegularExpressionMatch match = keyValue.match(trimmed);
    if (!match.hasMatch())
        return fail(number, line, Tr::tr("unrecognised line"));
    const QString key = match.captured(1);
    const QString value = match.captured(2).trimmed();
    if (m_seenKeys.contains(key))
        return fail(number, line, Tr::tr("field \"%1\" printed twice").arg(key));
    m_seenKeys.insert(key);
    if (key == QLatin1String("cluster_state")) {
        static const QStringList states { QStringLiteral("Normal"), QStringLiteral("Degraded"),
            QStringLiteral("Unavailable") };
        if (!states.contains(value))
            return fail(number, line, Tr::tr("unknown cluster_state \"%1\"").arg(value));
        m_result.clusterState = value;
        m_clusterStateLineNumber = number;
        m_clusterStateLine = line;
    } else if (key == QLatin1String("redistributing")) {
        if (value != QLatin1String("No") && value != QLatin1String("Yes"))
            return fail(number, line, Tr::tr("unknown redistributing \"%1\"").arg(value));
        m_result.redistributing = value;
    } else if (key == QLatin1String("current_az")) {
        static const QRegularExpression az(QStringLiteral("^\\S+$"));
        if (!az.match(value).hasMatch())
            return fail(number, line, Tr::tr("bad current_az \"%1\"").arg(value));
        m_result.currentAz = value;
    } else if (key == QLatin1String("cluster_name")) {
        if (value.isEmpty())
            return fail(number, line, Tr::tr("empty cluster_name"));
        m_result.clusterName = value;
    } else {
        return fail(number, line, Tr::tr("unknown field \"%1\"").arg(key));
    }
    return true;
}

bool Parser::handleColumnHeader(int number, const QString& line, const QString& trimmed)
{
    static const QStringList oneLineColumns { QStringLiteral("node"), QStringLiteral("node_ip"),
        QStringLiteral("instance"), QStringLiteral("state") };
    static const QStringList perLineColumns { QStringLiteral("node"), QStringLiteral("node_ip"),
        QStringLiteral("port"), QStringLiteral("instance"), QStringLiteral("state") };
    static const QRegularExpression spaces(QStringLiteral("\\s+"));

    // OM 2.0.1 repeats the column titles once per datanode, separated by " | ".
    const QStringList segments = trimmed.split(QLatin1Char('|'));
    bool oneLine = true;
    for (const QString& segment : segments) {
        const QStringList columns = segment.trimmed().split(spaces, Qt::SkipEmptyParts);
        if (columns != oneLineColumns)
            oneLine = false;
    }
    if (oneLine) {
        m_result.perLineLayout = false;
        m_stage = Stage::DatanodeRule;
        return true;
    }
    if (trimmed.split(spaces, Qt::SkipEmptyParts) == perLineColumns) {
        m_result.perLineLayout = true;
        m_stage = Stage::DatanodeRule;
        return true;
    }
    return fail(number, line, Tr::tr("unknown datanode column header"));
}

bool Parser::parseNode(int number, const QString& line, const QString& segment, GsOmNodeStatus* node)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList tokens = segment.split(spaces, Qt::SkipEmptyParts);
    // id name ip [port] instance datadir roleLetter role state...
    const int fixed = m_result.perLineLayout ? 8 : 7;
    if (tokens.size() < fixed + 1)
        return fail(number, line, Tr::tr("datanode entry \"%1\" has too few columns").arg(segment));
    int index = 0;
    bool ok = false;
    node->nodeId = tokens.at(index).toInt(&ok);
    if (!ok || node->nodeId <= 0)
        return fail(number, line, Tr::tr("bad node id \"%1\"").arg(tokens.at(index)));
    ++index;
    node->nodeName = tokens.at(index++);
    const QString ip = tokens.at(index++);
    if (QHostAddress(ip).isNull())
        return fail(number, line, Tr::tr("bad node_ip \"%1\"").arg(ip));
    node->nodeIp = ip;
    if (m_result.perLineLayout) {
        const QString port = tokens.at(index++);
        node->port = port.toInt(&ok);
        if (!ok || node->port <= 0 || node->port > 65535)
            return fail(number, line, Tr::tr("bad port \"%1\"").arg(port));
    }
    const QString instance = tokens.at(index++);
    node->instanceId = instance.toInt(&ok);
    if (!ok || node->instanceId <= 0)
        return fail(number, line, Tr::tr("bad instance id \"%1\"").arg(instance));
    node->dataDir = tokens.at(index++);
    if (!node->dataDir.startsWith(QLatin1Char('/')))
        return fail(number, line, Tr::tr("bad data directory \"%1\"").arg(node->dataDir));
    const QString letter = tokens.at(index++);
    if (letter.size() != 1 || !QStringLiteral("PSCR").contains(letter.at(0)))
        return fail(number, line, Tr::tr("unknown instance role letter \"%1\"").arg(letter));
    node->installRole = letter.at(0);
    node->role = tokens.at(index++);
    if (!nodeRoles().contains(node->role))
        return fail(number, line, Tr::tr("unknown role \"%1\"").arg(node->role));
    node->state = tokens.mid(index).join(QLatin1Char(' '));
    if (!isNodeState(node->state))
        return fail(number, line, Tr::tr("unknown state \"%1\"").arg(node->state));
    return true;
}

bool Parser::handleNodeLine(int number, const QString& line, const QString& trimmed)
{
    QStringList segments;
    if (m_result.perLineLayout) {
        segments << trimmed;
    } else {
        segments = trimmed.split(QLatin1Char('|'));
        // A down node ends its entry with "| " even when it is the last one.
        while (!segments.isEmpty() && segments.last().trimmed().isEmpty())
            segments.removeLast();
    }
    for (const QString& segment : segments) {
        if (segment.trimmed().isEmpty())
            return fail(number, line, Tr::tr("empty datanode entry"));
        GsOmNodeStatus node;
        if (!parseNode(number, line, segment.trimmed(), &node))
            return false;
        for (const GsOmNodeStatus& other : std::as_const(m_result.nodes)) {
            if (other.instanceId == node.instanceId)
                return fail(number, line, Tr::tr("instance %1 listed twice").arg(node.instanceId));
        }
        m_result.nodes.append(node);
    }
    return true;
}

bool Parser::run(const QString& output, GsOmStatus* out)
{
    static const QRegularExpression rule(QStringLiteral("^-+$"));

    const QStringList lines = output.split(QLatin1Char('\n'));
    int lastNumber = 0;
    QString lastLine;
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int number = i + 1;
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        lastNumber = number;
        lastLine = line;
        switch (m_stage) {
        case Stage::Summary:
            if (!handleSummaryLine(number, line, trimmed))
                return false;
            break;
        case Stage::DatanodeHeader:
            if (!handleColumnHeader(number, line, trimmed))
                return false;
            break;
        case Stage::DatanodeRule:
            if (!rule.match(trimmed).hasMatch())
                return fail(number, line, Tr::tr("expected the dashed rule under the column header"));
            m_stage = Stage::Datanodes;
            break;
        case Stage::Datanodes:
            if (!handleNodeLine(number, line, trimmed))
                return false;
            break;
        }
    }

    if (lastNumber == 0) {
        m_error = Tr::tr("gs_om status printed nothing");
        return false;
    }
    if (m_result.clusterState.isEmpty())
        return fail(lastNumber, lastLine, Tr::tr("output ends without cluster_state"));
    if (m_result.detail) {
        if (m_stage != Stage::Datanodes || m_result.nodes.isEmpty())
            return fail(lastNumber, lastLine, Tr::tr("output ends before the datanode rows"));
        if (m_result.redistributing.isEmpty() || m_result.currentAz.isEmpty())
            return fail(m_clusterStateLineNumber, m_clusterStateLine,
                Tr::tr("cluster section lacks redistributing or current_az"));
    }
    *out = m_result;
    return true;
}

} // namespace

bool GsOmStatusParser::parse(const QString& output, GsOmStatus* out, QString* error)
{
    Parser parser;
    GsOmStatus result;
    if (!parser.run(output, &result)) {
        if (error)
            *error = parser.errorText();
        return false;
    }
    if (out)
        *out = result;
    return true;
}

} // namespace MogUp
