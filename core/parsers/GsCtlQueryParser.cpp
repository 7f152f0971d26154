#include "GsCtlQueryParser.h"

#include "ParserText.h"
#include "Tr.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace MogUp {

namespace {

// Value lists of mogdb-tools.md §1.4 (og-server v2.0.1).
const QStringList& roles()
{
    static const QStringList list { QStringLiteral("Normal"), QStringLiteral("Primary"),
        QStringLiteral("Standby"), QStringLiteral("Cascade Standby"), QStringLiteral("Pending"),
        QStringLiteral("Unknown") };
    return list;
}

const QStringList& dbStates()
{
    static const QStringList list { QStringLiteral("Normal"), QStringLiteral("Unknown"),
        QStringLiteral("Need repair"), QStringLiteral("Starting"), QStringLiteral("Wait promoting"),
        QStringLiteral("Demoting"), QStringLiteral("Promoting"), QStringLiteral("Building"),
        QStringLiteral("Catchup"), QStringLiteral("Coredump") };
    return list;
}

const QStringList& detailInformations()
{
    static const QStringList list { QStringLiteral("Normal"), QStringLiteral("WAL segment removed"),
        QStringLiteral("Disconnected"), QStringLiteral("Version not matched"),
        QStringLiteral("Mode not matched"), QStringLiteral("System id not matched"),
        QStringLiteral("Timeline not matched"), QStringLiteral("Unknown"), QStringLiteral("Connecting...") };
    return list;
}

const QStringList& senderStates()
{
    static const QStringList list { QStringLiteral("Startup"), QStringLiteral("Backup"),
        QStringLiteral("Catchup"), QStringLiteral("Streaming") };
    return list;
}

const QStringList& syncStates()
{
    static const QStringList list { QStringLiteral("Async"), QStringLiteral("Sync"), QStringLiteral("Quorum"),
        QStringLiteral("Potential") };
    return list;
}

// Column lists of the three SQL statements gs_ctl runs (§1.2), in print order.
const QStringList& haKeys()
{
    static const QStringList list { QStringLiteral("local_role"), QStringLiteral("static_connections"),
        QStringLiteral("db_state"), QStringLiteral("detail_information") };
    return list;
}

const QStringList& senderKeys()
{
    static const QStringList list { QStringLiteral("sender_pid"), QStringLiteral("local_role"),
        QStringLiteral("peer_role"), QStringLiteral("peer_state"), QStringLiteral("state"),
        QStringLiteral("sender_sent_location"), QStringLiteral("sender_write_location"),
        QStringLiteral("sender_flush_location"), QStringLiteral("sender_replay_location"),
        QStringLiteral("receiver_received_location"), QStringLiteral("receiver_write_location"),
        QStringLiteral("receiver_flush_location"), QStringLiteral("receiver_replay_location"),
        QStringLiteral("sync_percent"), QStringLiteral("sync_state"), QStringLiteral("sync_priority"),
        QStringLiteral("sync_most_available"), QStringLiteral("channel") };
    return list;
}

const QStringList& receiverKeys()
{
    static const QStringList list { QStringLiteral("receiver_pid"), QStringLiteral("local_role"),
        QStringLiteral("peer_role"), QStringLiteral("peer_state"), QStringLiteral("state"),
        QStringLiteral("sender_sent_location"), QStringLiteral("sender_write_location"),
        QStringLiteral("sender_flush_location"), QStringLiteral("sender_replay_location"),
        QStringLiteral("receiver_received_location"), QStringLiteral("receiver_write_location"),
        QStringLiteral("receiver_flush_location"), QStringLiteral("receiver_replay_location"),
        QStringLiteral("sync_percent"), QStringLiteral("channel") };
    return list;
}

enum class Section
{
    None,
    Ha,
    Senders,
    Receivers
};

struct Field
{
    QString value;
    int lineNumber = 0;
    QString line;
};

// One result row: the fields gs_ctl printed for it, keyed by column name.
struct Block
{
    QHash<QString, Field> fields;
    int lastLineNumber = 0;
    QString lastLine;
    bool open = false;
};

struct SectionState
{
    bool seen = false;
    int headerLineNumber = 0;
    QString headerLine;
    bool noInformation = false;
    int rows = 0;
};

class Parser
{
public:
    bool run(const QString& output, GsCtlQuery* out);
    QString errorText() const { return m_error; }

private:
    bool fail(int lineNumber, const QString& line, const QString& reason)
    {
        m_error = lineError(lineNumber, line, reason);
        return false;
    }
    bool handleLogLine(int number, const QString& line, const QString& message);
    bool handleHeader(int number, const QString& line, Section section);
    bool handleField(int number, const QString& line, const QString& key, const QString& value);
    bool finishBlock();
    bool finishHa(int number, const QString& line);
    bool validateHa();
    bool validatePeer(const Block& block, bool sender, GsCtlReplicationPeer* peer);
    bool checkListed(const Field& field, const QString& key, const QStringList& allowed);
    SectionState& state(Section section)
    {
        return section == Section::Ha ? m_ha : section == Section::Senders ? m_senders : m_receivers;
    }

    QString m_error;
    GsCtlQuery m_result;
    Section m_section = Section::None;
    SectionState m_ha, m_senders, m_receivers;
    Block m_haBlock;
    Block m_block;
    bool m_notRunning = false;
    int m_notRunningLineNumber = 0;
    QString m_notRunningLine;
    bool m_sawQueryLine = false;
    // display_query() prints libpq's error text as detail_information; that text may span lines.
    bool m_inFallbackDetail = false;
    int m_continuationLineNumber = 0;
    QString m_continuationLine;
};

bool Parser::checkListed(const Field& field, const QString& key, const QStringList& allowed)
{
    if (allowed.contains(field.value))
        return true;
    return fail(field.lineNumber, field.line, Tr::tr("unknown %1 \"%2\"").arg(key, field.value));
}

bool Parser::handleLogLine(int number, const QString& line, const QString& message)
{
    static const QRegularExpression queryLine(QStringLiteral("^gs_ctl query ,datadir is (.+)$"));
    static const QRegularExpression noPidFile(QStringLiteral("^PID file \".*\" does not exist\\.?$"));
    static const QRegularExpression deadPostmaster(QStringLiteral(
        "^could not connect to the local server, the postmaster process \\d+ is not running$"));
    static const QRegularExpression foreignPid(
        QStringLiteral("^The process recorded in PID file \".*\" is not current server$"));

    const QRegularExpressionMatch query = queryLine.match(message);
    if (query.hasMatch()) {
        if (m_sawQueryLine || m_section != Section::None)
            return fail(number, line, Tr::tr("unexpected repeated gs_ctl query line"));
        m_sawQueryLine = true;
        m_result.dataDir = query.captured(1).trimmed();
        return true;
    }
    if (noPidFile.match(message).hasMatch() || message == QLatin1String("Is server running?")
        || deadPostmaster.match(message).hasMatch() || foreignPid.match(message).hasMatch()) {
        if (m_section != Section::None)
            return fail(number, line, Tr::tr("server-not-running message after query results"));
        if (!m_notRunning) {
            m_notRunningLineNumber = number;
            m_notRunningLine = line;
        }
        m_notRunning = true;
        return true;
    }
    // Anything else gs_ctl logs here (exc_sql failed, gaussdb.state unreadable, ...) means the query
    // did not produce a trustworthy answer.
    return fail(number, line, Tr::tr("unexpected gs_ctl message"));
}

bool Parser::handleHeader(int number, const QString& line, Section section)
{
    if (m_notRunning)
        return fail(m_notRunningLineNumber, m_notRunningLine,
            Tr::tr("server reported not running, yet printed results"));
    if (state(section).seen)
        return fail(number, line, Tr::tr("section printed twice"));
    // gs_ctl always prints the three sections in this order.
    if ((section == Section::Senders && !m_ha.seen) || (section == Section::Receivers && !m_senders.seen))
        return fail(number, line, Tr::tr("section out of order"));
    if (!finishBlock())
        return false;
    if (m_section == Section::Ha && !finishHa(number, line))
        return false;
    if ((m_section == Section::Senders || m_section == Section::Receivers) && !state(m_section).noInformation
        && state(m_section).rows == 0) {
        const SectionState& previous = state(m_section);
        return fail(previous.headerLineNumber, previous.headerLine,
            Tr::tr("section has neither rows nor \"No information\""));
    }
    m_inFallbackDetail = false;
    m_section = section;
    SectionState& current = state(section);
    current.seen = true;
    current.headerLineNumber = number;
    current.headerLine = line;
    return true;
}

bool Parser::handleField(int number, const QString& line, const QString& key, const QString& value)
{
    if (m_section == Section::None)
        return fail(number, line, Tr::tr("field outside of any section"));

    if (m_section == Section::Ha) {
        const bool known = haKeys().contains(key) || key == QLatin1String("sync_mode");
        if (!known) {
            // An earlier line taken as error-text continuation was not one after all: report it.
            if (m_continuationLineNumber > 0)
                return fail(m_continuationLineNumber, m_continuationLine, Tr::tr("unrecognised line"));
            return fail(number, line, Tr::tr("unknown HA state field \"%1\"").arg(key));
        }
        if (m_haBlock.fields.contains(key))
            return fail(number, line, Tr::tr("field \"%1\" printed twice").arg(key));
        m_haBlock.fields.insert(key, Field { value, number, line });
        m_haBlock.lastLineNumber = number;
        m_haBlock.lastLine = line;
        m_haBlock.open = true;
        m_inFallbackDetail = key == QLatin1String("detail_information");
        return true;
    }

    SectionState& section = state(m_section);
    if (section.noInformation)
        return fail(number, line, Tr::tr("field after \"No information\""));
    const bool sender = m_section == Section::Senders;
    const QStringList& keys = sender ? senderKeys() : receiverKeys();
    if (!keys.contains(key))
        return fail(number, line,
            (sender ? Tr::tr("unknown sender field \"%1\"") : Tr::tr("unknown receiver field \"%1\""))
                .arg(key));
    if (key == keys.first()) {
        // A pid line starts the next row even if the blank separator line got lost.
        if (!finishBlock())
            return false;
        m_block.open = true;
    } else if (!m_block.open) {
        return fail(number, line, Tr::tr("row does not start with %1").arg(keys.first()));
    }
    if (m_block.fields.contains(key))
        return fail(number, line, Tr::tr("field \"%1\" printed twice").arg(key));
    m_block.fields.insert(key, Field { value, number, line });
    m_block.lastLineNumber = number;
    m_block.lastLine = line;
    return true;
}

// Closes the open sender/receiver row: every column must be there and valid.
bool Parser::finishBlock()
{
    if (!m_block.open)
        return true;
    const bool sender = m_section == Section::Senders;
    const QStringList& keys = sender ? senderKeys() : receiverKeys();
    QStringList missing;
    for (const QString& key : keys) {
        if (!m_block.fields.contains(key))
            missing << key;
    }
    if (!missing.isEmpty()) {
        return fail(m_block.lastLineNumber, m_block.lastLine,
            (sender ? Tr::tr("sender row ends here without %1") : Tr::tr("receiver row ends here without %1"))
                .arg(missing.join(QStringLiteral(", "))));
    }
    GsCtlReplicationPeer peer;
    if (!validatePeer(m_block, sender, &peer))
        return false;
    (sender ? m_result.senders : m_result.receivers).append(peer);
    state(m_section).rows++;
    m_block = Block();
    return true;
}

bool Parser::finishHa(int number, const QString& line)
{
    const bool hasSyncMode = m_haBlock.fields.contains(QStringLiteral("sync_mode"));
    // Continuation lines are only legitimate in the display_query() layout, which always ends its
    // HA block with sync_mode; otherwise the first of them is simply a line we do not understand.
    if (m_continuationLineNumber > 0 && !hasSyncMode)
        return fail(m_continuationLineNumber, m_continuationLine, Tr::tr("unrecognised line"));
    QStringList required = haKeys();
    if (hasSyncMode)
        required << QStringLiteral("sync_mode");
    QStringList missing;
    for (const QString& key : required) {
        if (!m_haBlock.fields.contains(key))
            missing << key;
    }
    if (!missing.isEmpty()) {
        const int where = m_haBlock.open ? m_haBlock.lastLineNumber : number;
        const QString whereLine = m_haBlock.open ? m_haBlock.lastLine : line;
        return fail(where, whereLine,
            Tr::tr("HA state ends here without %1").arg(missing.join(QStringLiteral(", "))));
    }
    return validateHa();
}

bool Parser::validateHa()
{
    const auto& f = m_haBlock.fields;
    // Only display_query() (the fallback when SQL fails) prints sync_mode.
    m_result.fallbackLayout = f.contains(QStringLiteral("sync_mode"));

    const Field& role = f[QStringLiteral("local_role")];
    if (!checkListed(role, QStringLiteral("local_role"), roles()))
        return false;
    m_result.ha.localRole = role.value;

    const Field& connections = f[QStringLiteral("static_connections")];
    bool ok = false;
    const int count = connections.value.toInt(&ok);
    if (!ok || count < 0)
        return fail(connections.lineNumber, connections.line,
            Tr::tr("bad static_connections \"%1\"").arg(connections.value));
    m_result.ha.staticConnections = count;

    const Field& dbState = f[QStringLiteral("db_state")];
    if (!checkListed(dbState, QStringLiteral("db_state"), dbStates()))
        return false;
    m_result.ha.dbState = dbState.value;

    const Field& detail = f[QStringLiteral("detail_information")];
    if (m_result.fallbackLayout) {
        // Here detail_information is libpq's error text or "Access denied": free text, never empty.
        if (detail.value.isEmpty())
            return fail(detail.lineNumber, detail.line, Tr::tr("empty detail_information"));
        const Field& syncMode = f[QStringLiteral("sync_mode")];
        if (!checkListed(
                syncMode, QStringLiteral("sync_mode"), { QStringLiteral("Sync"), QStringLiteral("Async") }))
            return false;
        m_result.syncMode = syncMode.value;
    } else if (!checkListed(detail, QStringLiteral("detail_information"), detailInformations())) {
        return false;
    }
    m_result.ha.detailInformation = detail.value;
    return true;
}

bool Parser::validatePeer(const Block& block, bool sender, GsCtlReplicationPeer* peer)
{
    const auto& f = block.fields;
    const Field& pid = f[sender ? QStringLiteral("sender_pid") : QStringLiteral("receiver_pid")];
    bool ok = false;
    peer->pid = pid.value.toLongLong(&ok);
    if (!ok || peer->pid <= 0)
        return fail(pid.lineNumber, pid.line, Tr::tr("bad pid \"%1\"").arg(pid.value));

    const Field& localRole = f[QStringLiteral("local_role")];
    if (!checkListed(localRole, QStringLiteral("local_role"), roles()))
        return false;
    peer->localRole = localRole.value;

    // The sender side hard-codes "Secondary" for a dummy standby (§1.4).
    QStringList peerRoles = roles();
    if (sender)
        peerRoles << QStringLiteral("Secondary");
    const Field& peerRole = f[QStringLiteral("peer_role")];
    if (!checkListed(peerRole, QStringLiteral("peer_role"), peerRoles))
        return false;
    peer->peerRole = peerRole.value;

    const Field& peerState = f[QStringLiteral("peer_state")];
    if (!checkListed(peerState, QStringLiteral("peer_state"), dbStates()))
        return false;
    peer->peerState = peerState.value;

    const Field& state = f[QStringLiteral("state")];
    if (!checkListed(state, QStringLiteral("state"), sender ? senderStates() : dbStates()))
        return false;
    peer->state = state.value;

    const struct
    {
        const char* key;
        QString GsCtlReplicationPeer::*member;
    } locations[] = {
        { "sender_sent_location", &GsCtlReplicationPeer::senderSentLocation },
        { "sender_write_location", &GsCtlReplicationPeer::senderWriteLocation },
        { "sender_flush_location", &GsCtlReplicationPeer::senderFlushLocation },
        { "sender_replay_location", &GsCtlReplicationPeer::senderReplayLocation },
        { "receiver_received_location", &GsCtlReplicationPeer::receiverReceivedLocation },
        { "receiver_write_location", &GsCtlReplicationPeer::receiverWriteLocation },
        { "receiver_flush_location", &GsCtlReplicationPeer::receiverFlushLocation },
        { "receiver_replay_location", &GsCtlReplicationPeer::receiverReplayLocation },
    };
    for (const auto& location : locations) {
        const QString key = QLatin1String(location.key);
        const Field& field = f[key];
        quint64 lsn = 0;
        if (!GsCtlQueryParser::parseLsn(field.value, &lsn))
            return fail(field.lineNumber, field.line, Tr::tr("bad %1 \"%2\"").arg(key, field.value));
        peer->*location.member = field.value;
    }

    static const QRegularExpression percent(QStringLiteral("^(\\d{1,3})%$"));
    const Field& syncPercent = f[QStringLiteral("sync_percent")];
    const QRegularExpressionMatch percentMatch = percent.match(syncPercent.value);
    if (!percentMatch.hasMatch() || percentMatch.captured(1).toInt() > 100)
        return fail(syncPercent.lineNumber, syncPercent.line,
            Tr::tr("bad sync_percent \"%1\"").arg(syncPercent.value));
    peer->syncPercent = percentMatch.captured(1).toInt();

    if (sender) {
        const Field& syncState = f[QStringLiteral("sync_state")];
        if (!checkListed(syncState, QStringLiteral("sync_state"), syncStates()))
            return false;
        peer->syncState = syncState.value;

        const Field& priority = f[QStringLiteral("sync_priority")];
        peer->syncPriority = priority.value.toInt(&ok);
        if (!ok || peer->syncPriority < 0)
            return fail(
                priority.lineNumber, priority.line, Tr::tr("bad sync_priority \"%1\"").arg(priority.value));

        const Field& mostAvailable = f[QStringLiteral("sync_most_available")];
        if (!checkListed(mostAvailable, QStringLiteral("sync_most_available"),
                { QStringLiteral("On"), QStringLiteral("Off") }))
            return false;
        peer->syncMostAvailable = mostAvailable.value;
    }

    // Sender: "local:port-->remote:port"; receiver: "local:port<--primary:port" (§1.4).
    static const QRegularExpression senderChannel(QStringLiteral("^\\S+:\\d{1,5}-->\\S+:\\d{1,5}$"));
    static const QRegularExpression receiverChannel(QStringLiteral("^\\S+:\\d{1,5}<--\\S+:\\d{1,5}$"));
    const Field& channel = f[QStringLiteral("channel")];
    if (!(sender ? senderChannel : receiverChannel).match(channel.value).hasMatch())
        return fail(channel.lineNumber, channel.line, Tr::tr("bad channel \"%1\"").arg(channel.value));
    peer->channel = channel.value;
    return true;
}

bool Parser::run(const QString& output, GsCtlQuery* out)
{
    // "[2021-06-13 07:51:41.119][159054][][gs_ctl]: message" (pg_log_v(), §1.3).
    static const QRegularExpression logLine(
        QStringLiteral("^\\[\\d{4}-\\d\\d-\\d\\d "
                       "\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,3})?\\]\\[\\d+\\]\\[[^\\]]*\\]\\[gs_ctl\\]:(.*)$"));
    // "\tname<padded to 30> : value" or, from display_query(), "        name<padded to 30>: value".
    static const QRegularExpression fieldLine(QStringLiteral("^[ \\t]+([a-z_]+) *: ?(.*)$"));

    const QStringList lines = output.split(QLatin1Char('\n'));
    int lastNumber = 0;
    QString lastLine;
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int number = i + 1;
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            // A libpq error message has no blank lines inside; the one it ends with closes it.
            m_inFallbackDetail = false;
            // A blank line closes a result row (gs_ctl prints one after each row).
            if (m_section == Section::Senders || m_section == Section::Receivers) {
                if (!finishBlock())
                    return false;
            }
            continue;
        }
        lastNumber = number;
        lastLine = line;

        const QRegularExpressionMatch log = logLine.match(line);
        if (log.hasMatch()) {
            if (!handleLogLine(number, line, log.captured(1).trimmed()))
                return false;
            continue;
        }
        // The docs' captures drop the timestamp prefix.
        if (trimmed.startsWith(QLatin1String("gs_ctl query ,datadir is "))) {
            if (!handleLogLine(number, line, trimmed))
                return false;
            continue;
        }
        if (trimmed == QLatin1String("HA state:")) {
            if (!handleHeader(number, line, Section::Ha))
                return false;
            continue;
        }
        if (trimmed == QLatin1String("Senders info:")) {
            if (!handleHeader(number, line, Section::Senders))
                return false;
            continue;
        }
        if (trimmed == QLatin1String("Receiver info:")) {
            if (!handleHeader(number, line, Section::Receivers))
                return false;
            continue;
        }
        if (trimmed == QLatin1String("No information")) {
            if (m_section != Section::Senders && m_section != Section::Receivers)
                return fail(number, line, Tr::tr("\"No information\" outside of a senders/receiver section"));
            SectionState& section = state(m_section);
            if (section.rows > 0 || m_block.open || section.noInformation)
                return fail(number, line, Tr::tr("\"No information\" in a section that has rows"));
            section.noInformation = true;
            continue;
        }
        const QRegularExpressionMatch field = fieldLine.match(line);
        if (field.hasMatch()) {
            if (!handleField(number, line, field.captured(1), field.captured(2).trimmed()))
                return false;
            continue;
        }
        if (m_section == Section::Ha && m_inFallbackDetail) {
            // Continuation of a multi-line libpq error message (display_query() fallback only; the
            // sync_mode check in validateHa() rejects this if the layout turns out to be normal).
            Field& detail = m_haBlock.fields[QStringLiteral("detail_information")];
            detail.value = QString(detail.value + QLatin1Char(' ') + trimmed).trimmed();
            if (m_continuationLineNumber == 0) {
                m_continuationLineNumber = number;
                m_continuationLine = line;
            }
            continue;
        }
        return fail(number, line, Tr::tr("unrecognised line"));
    }

    if (m_notRunning) {
        if (m_section != Section::None)
            return fail(m_notRunningLineNumber, m_notRunningLine,
                Tr::tr("server reported not running, yet printed results"));
        m_result.serverRunning = false;
        *out = m_result;
        return true;
    }
    if (lastNumber == 0) {
        m_error = Tr::tr("gs_ctl query printed nothing");
        return false;
    }
    if (!m_ha.seen)
        return fail(lastNumber, lastLine, Tr::tr("output ends before the HA state section"));
    if (!finishBlock())
        return false;
    if (m_section == Section::Ha && !finishHa(lastNumber, lastLine))
        return false;
    if (!m_senders.seen || !m_receivers.seen)
        return fail(lastNumber, lastLine,
            Tr::tr("output ends before the %1 section")
                .arg(m_senders.seen ? QStringLiteral("Receiver info") : QStringLiteral("Senders info")));
    if (!m_receivers.noInformation && m_receivers.rows == 0)
        return fail(m_receivers.headerLineNumber, m_receivers.headerLine,
            Tr::tr("section has neither rows nor \"No information\""));

    m_result.serverRunning = true;
    *out = m_result;
    return true;
}

} // namespace

bool GsCtlQueryParser::parse(const QString& output, GsCtlQuery* out, QString* error)
{
    Parser parser;
    GsCtlQuery result;
    if (!parser.run(output, &result)) {
        if (error)
            *error = parser.errorText();
        return false;
    }
    if (out)
        *out = result;
    return true;
}

bool GsCtlQueryParser::parseLsn(const QString& text, quint64* out)
{
    // "%X/%X": two 32-bit halves in hex.
    static const QRegularExpression lsn(QStringLiteral("^([0-9A-Fa-f]{1,8})/([0-9A-Fa-f]{1,8})$"));
    const QRegularExpressionMatch match = lsn.match(text);
    if (!match.hasMatch())
        return false;
    const quint64 high = match.captured(1).toULongLong(nullptr, 16);
    const quint64 low = match.captured(2).toULongLong(nullptr, 16);
    if (out)
        *out = (high << 32) | low;
    return true;
}

} // namespace MogUp
