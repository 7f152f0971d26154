#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QTcpSocket;

// The sandbox's wire protocol between the simulated tools and the simulated server. Both ports speak
// newline-terminated compact JSON objects, one per line:
//
// Client port (postgresql.conf `port`), one request -> one reply, connection may be reused:
//   {"t":"ping"}                      -> {"ok":true,"pid":N,"role":"primary","version":"2.0.1"}
//   {"t":"sql","sql":"select 1","db":"postgres","user":"omm"}
//                                     -> {"ok":true,"columns":[{"name":"?column?","type":"int4"}],"rows":[["1"]]}
//                                     -> {"ok":false,"error":"ERROR:  relation \"x\" does not exist"}
// Replication port (port + 1), a stream between a receiver (standby) and a sender (primary):
//   receiver -> {"t":"hello","node":"node2","role":"standby","archive":true,"lsn":N,"version":"2.0.1"}
//   sender   -> {"t":"welcome","lsn":N,"version":...} | {"t":"reject","reason":"..."}
//   sender   -> {"t":"wal","lsn":N}          (every 200 ms)
//   receiver -> {"t":"ack","lsn":N}
//   receiver -> {"t":"switchover"}           (gs_ctl switchover on the standby)
//   sender   -> {"t":"demoted","lsn":N}      (the primary has demoted itself; the receiver promotes)
namespace Sim {
namespace Proto {

QByteArray encode(const QJsonObject& message);
// Takes every complete line from the socket's buffer and parses it (bad lines are skipped).
QList<QJsonObject> readMessages(QTcpSocket* socket);

struct Column
{
    QString name;
    QString type; // text, bool, int2, int4, int8, numeric, timestamptz
};

struct ResultSet
{
    QList<Column> columns;
    QList<QStringList> rows; // null values are empty strings
    QJsonObject toJson() const;
    static ResultSet fromJson(const QJsonObject& reply);
    // True for the types psql aligns to the right.
    static bool isNumericType(const QString& type);
};

// A blocking client for the tools (gs_ctl, gsql); needs no event loop.
class Client
{
public:
    Client();
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    bool connectTo(const QString& host, int port, int timeoutMs, QString* error);
    // Sends one request line and waits for one reply line.
    bool request(const QJsonObject& req, QJsonObject* reply, int timeoutMs, QString* error);
    // Convenience: runs SQL; false with error filled (the server's ERROR text) on failure.
    bool query(const QString& sql, ResultSet* result, QString* error, int timeoutMs = 10000);

private:
    QTcpSocket* m_socket;
};

// "0/14000258" (%X/%X, upper case)
QString formatLsn(quint64 lsn);

} // namespace Proto
} // namespace Sim
