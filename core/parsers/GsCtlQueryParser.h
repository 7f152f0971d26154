#pragma once

#include <QList>
#include <QString>

namespace MogUp {

struct GsCtlHaState
{
    QString localRole;          // Normal | Primary | Standby | Cascade Standby | Pending | Unknown
    int staticConnections = 0;
    QString dbState;            // Normal | Unknown | Need repair | Starting | Wait promoting | Demoting |
                                // Promoting | Building | Catchup | Coredump
    QString detailInformation;  // Normal | WAL segment removed | Disconnected | ... | Connecting...
};

// One block under " Senders info:" or " Receiver info:".
struct GsCtlReplicationPeer
{
    qint64 pid = 0;             // sender_pid / receiver_pid
    QString localRole;
    QString peerRole;
    QString peerState;
    QString state;              // sender: Startup | Backup | Catchup | Streaming; receiver: a db_state value
    QString senderSentLocation; // as printed, e.g. "0/14000258"
    QString senderWriteLocation;
    QString senderFlushLocation;
    QString senderReplayLocation;
    QString receiverReceivedLocation;
    QString receiverWriteLocation;
    QString receiverFlushLocation;
    QString receiverReplayLocation;
    int syncPercent = 0;        // "100%" -> 100
    QString syncState;          // senders only: Async | Sync | Quorum | Potential
    int syncPriority = 0;       // senders only
    QString syncMostAvailable;  // senders only: On | Off
    QString channel;
};

struct GsCtlQuery
{
    bool serverRunning = false; // false for "PID file ... does not exist" / "Is server running?" /
                                // "the postmaster process %d is not running"
    bool fallbackLayout = false; // true for the display_query() layout (SQL connection failed)
    GsCtlHaState ha;
    QString syncMode;            // fallback layout only: Sync | Async
    QString dataDir;             // from "gs_ctl query ,datadir is ..." when printed
    QList<GsCtlReplicationPeer> senders;
    QList<GsCtlReplicationPeer> receivers;
};

// Parses `gs_ctl query -D PGDATA` output (reference: mogdb-tools.md §1). Unknown or damaged output
// is an error that quotes the offending line, never a guess.
class GsCtlQueryParser
{
public:
    static bool parse(const QString& output, GsCtlQuery* out, QString* error);
    // "0/14000258" -> 0x14000258 (high word << 32 | low word); false if malformed.
    static bool parseLsn(const QString& text, quint64* out);
};

} // namespace MogUp
