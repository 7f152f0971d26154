#include "ReachabilityProbe.h"

#include "Tr.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QtConcurrent/QtConcurrentMap>

namespace MogUp {

Reachability ReachabilityProbe::checkOne(const QString& node, const QString& host, int port, const QString& what, int timeoutMs)
{
    Reachability r { node, host, port, what, false, 0, QString() };
    const QString address = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                                             : QStringLiteral("%1:%2").arg(host).arg(port);
    QElapsedTimer clock;
    clock.start();
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    const bool connected = socket.waitForConnected(timeoutMs);
    r.ms = int(clock.elapsed());
    if (connected) {
        r.ok = true;
        r.message = Tr::tr("%1: %2 (%3) answered in %4 ms").arg(node, address, what).arg(r.ms);
        socket.abort();
        return r;
    }
    switch (socket.error()) {
    case QAbstractSocket::HostNotFoundError:
        r.message = Tr::tr("%1: the host name \"%2\" was not found (check \"host\" in the profile)").arg(node, host);
        break;
    case QAbstractSocket::ConnectionRefusedError:
        r.message = Tr::tr("%1: %2 refused the connection: nothing listens there (is the %3 port right, is the service running?)")
                        .arg(node, address, what);
        break;
    case QAbstractSocket::SocketTimeoutError:
        r.message = Tr::tr("%1: %2 did not answer within %3 s (wrong host, firewall, or the machine is down)")
                        .arg(node, address)
                        .arg(timeoutMs / 1000.0);
        break;
    default:
        r.message = Tr::tr("%1: %2 cannot be reached: %3").arg(node, address, socket.errorString());
        break;
    }
    return r;
}

QList<Reachability> ReachabilityProbe::check(const ClusterProfile& profile, int timeoutMs, bool includeDatabase)
{
    struct Target
    {
        QString node, host, what;
        int port;
    };
    QList<Target> targets;
    for (const NodeProfile& n : profile.nodes) {
        if (profile.transport == Transport::Ssh)
            targets.append({ n.name, n.host, QStringLiteral("SSH"), n.sshPort });
        if (includeDatabase)
            targets.append({ n.name, n.host, Tr::tr("database"), n.dbPort });
    }
    // Every check waits on the network, not the CPU: run them all at once, not pool-sized batches.
    QThreadPool pool;
    pool.setMaxThreadCount(std::max<int>(1, int(targets.size())));
    return QtConcurrent::blockingMapped<QList<Reachability>>(&pool, targets, [timeoutMs](const Target& t) {
        return checkOne(t.node, t.host, t.port, t.what, timeoutMs);
    });
}

} // namespace MogUp
