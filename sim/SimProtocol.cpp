#include "SimProtocol.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

namespace Sim {
namespace Proto {

QByteArray encode(const QJsonObject& message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
}

QList<QJsonObject> readMessages(QTcpSocket* socket)
{
    QList<QJsonObject> out;
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            out.append(doc.object());
    }
    return out;
}

QJsonObject ResultSet::toJson() const
{
    QJsonArray cols;
    for (const Column& c : columns)
        cols.append(QJsonObject { { QStringLiteral("name"), c.name }, { QStringLiteral("type"), c.type } });
    QJsonArray rs;
    for (const QStringList& r : rows)
        rs.append(QJsonArray::fromStringList(r));
    return QJsonObject { { QStringLiteral("ok"), true }, { QStringLiteral("columns"), cols },
        { QStringLiteral("rows"), rs } };
}

ResultSet ResultSet::fromJson(const QJsonObject& reply)
{
    ResultSet r;
    for (const QJsonValue& v : reply.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject o = v.toObject();
        r.columns.append(Column { o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("type")).toString() });
    }
    for (const QJsonValue& v : reply.value(QStringLiteral("rows")).toArray()) {
        QStringList row;
        for (const QJsonValue& cell : v.toArray())
            row.append(cell.toString());
        r.rows.append(row);
    }
    return r;
}

bool ResultSet::isNumericType(const QString& type)
{
    static const QStringList numeric { QStringLiteral("int2"), QStringLiteral("int4"), QStringLiteral("int8"),
        QStringLiteral("numeric"), QStringLiteral("float4"), QStringLiteral("float8"), QStringLiteral("oid"),
        QStringLiteral("xid"), QStringLiteral("money") };
    return numeric.contains(type);
}

Client::Client()
    : m_socket(new QTcpSocket)
{
}

Client::~Client()
{
    m_socket->abort();
    delete m_socket;
}

bool Client::connectTo(const QString& host, int port, int timeoutMs, QString* error)
{
    m_socket->connectToHost(host, quint16(port));
    if (!m_socket->waitForConnected(timeoutMs)) {
        *error = m_socket->errorString();
        m_socket->abort();
        return false;
    }
    return true;
}

bool Client::request(const QJsonObject& req, QJsonObject* reply, int timeoutMs, QString* error)
{
    m_socket->write(encode(req));
    m_socket->waitForBytesWritten(timeoutMs);
    QDeadlineTimer deadline(timeoutMs);
    while (!m_socket->canReadLine()) {
        if (deadline.hasExpired()) {
            *error = QStringLiteral("timeout expired");
            return false;
        }
        if (!m_socket->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(200))))) {
            if (m_socket->state() != QAbstractSocket::ConnectedState && !m_socket->canReadLine()) {
                *error = QStringLiteral("server closed the connection unexpectedly");
                return false;
            }
        }
    }
    const QJsonDocument doc = QJsonDocument::fromJson(m_socket->readLine().trimmed());
    if (!doc.isObject()) {
        *error = QStringLiteral("invalid reply from server");
        return false;
    }
    *reply = doc.object();
    return true;
}

bool Client::query(const QString& sql, ResultSet* result, QString* error, int timeoutMs)
{
    QJsonObject reply;
    if (!request(QJsonObject { { QStringLiteral("t"), QStringLiteral("sql") }, { QStringLiteral("sql"), sql } },
            &reply, timeoutMs, error))
        return false;
    if (!reply.value(QStringLiteral("ok")).toBool()) {
        *error = reply.value(QStringLiteral("error")).toString();
        return false;
    }
    *result = ResultSet::fromJson(reply);
    return true;
}

QString formatLsn(quint64 lsn)
{
    return QString::number(quint32(lsn >> 32), 16).toUpper() + QLatin1Char('/')
        + QString::number(quint32(lsn & 0xffffffffu), 16).toUpper();
}

} // namespace Proto
} // namespace Sim
