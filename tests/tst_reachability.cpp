#include "ReachabilityProbe.h"
#include "TestSupport.h"

#include <QFile>
#include <QTcpServer>
#include <QtTest>

#include <future>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace MogUp;

// The TCP check before any login: what the operator reads for an open, a closed and a silent port.
class Tst_Reachability : public QObject
{
    Q_OBJECT

    // A port whose listen queue is full: the kernel drops further SYNs, so a connect gets no answer
    // at all, like a firewalled host, while staying on loopback.
    struct SilentPort
    {
        int listener = -1;
        QList<int> fillers;
        int port = 0;
        bool open()
        {
            listener = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a {};
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener, 0) != 0)
                return false;
            socklen_t len = sizeof a;
            ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);
            port = ntohs(a.sin_port);
            for (int i = 0; i < 3; ++i) {
                const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
                ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
                fillers << s;
            }
            return true;
        }
        ~SilentPort()
        {
            for (int s : fillers)
                ::close(s);
            if (listener >= 0)
                ::close(listener);
        }
    };

    // Connection attempts of this machine still waiting for an answer from 127.0.0.1:port (TCP state
    // SYN_SENT in /proc/net/tcp: "sl local rem st ...", addresses as hex "0100007F:PORT").
    static int pendingConnects(int port)
    {
        QFile f(QStringLiteral("/proc/net/tcp"));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray remote
            = QByteArray("0100007F:") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
        int n = 0;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray& line : lines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() > 3 && fields.at(2) == remote && fields.at(3) == "02")
                ++n;
        }
        return n;
    }

private slots:
    void openPortAnswers()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const Reachability r = ReachabilityProbe::checkOne(QStringLiteral("node1"), QStringLiteral("127.0.0.1"),
            server.serverPort(), QStringLiteral("SSH"), 3000);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.message.startsWith(QStringLiteral("node1: 127.0.0.1:")));
    }

    void closedPortIsRefused()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close();
        const Reachability r = ReachabilityProbe::checkOne(QStringLiteral("node2"), QStringLiteral("127.0.0.1"), port,
            QStringLiteral("database"), 3000);
        QVERIFY(!r.ok);
        QCOMPARE(r.message.left(r.message.indexOf(QLatin1String(" refused"))),
            QStringLiteral("node2: 127.0.0.1:%1").arg(port));
    }

    void silentPortTimesOutWithTheNodeNamed()
    {
        SilentPort silent;
        QVERIFY(silent.open());
        const Reachability r = ReachabilityProbe::checkOne(QStringLiteral("node2"), QStringLiteral("127.0.0.1"),
            silent.port, QStringLiteral("SSH"), 1000);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.startsWith(QStringLiteral("node2: 127.0.0.1:%1 did not answer within 1 s").arg(silent.port)),
            qPrintable(r.message));
        QVERIFY(r.ms >= 900);
    }

    void unknownHostName()
    {
        const Reachability r = ReachabilityProbe::checkOne(QStringLiteral("node3"), QStringLiteral("no-such-host.invalid"),
            22, QStringLiteral("SSH"), 3000);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("\"no-such-host.invalid\" was not found")), qPrintable(r.message));
    }

    void wholeProfileInParallel()
    {
        // Every node's SSH and database port silent: each check waits for an answer. The checks ran in
        // parallel only if all six attempts are waiting at the same time (a barrier they must all reach;
        // one after another, only one would ever be pending). Then node1 and node2 answer and node3
        // refuses, and each result must say so for its own node and port.
        SilentPort silent[3];
        int baseline[3];
        for (int i = 0; i < 3; ++i) {
            QVERIFY(silent[i].open());
            baseline[i] = pendingConnects(silent[i].port); // the SilentPort's own fillers still waiting
            QVERIFY(baseline[i] >= 0);
        }
        ClusterProfile p;
        p.transport = Transport::Ssh;
        for (int i = 0; i < 3; ++i) {
            NodeProfile n;
            n.name = QStringLiteral("node%1").arg(i + 1);
            n.host = QStringLiteral("127.0.0.1");
            n.sshPort = silent[i].port;
            n.dbPort = silent[i].port;
            p.nodes.append(n);
        }
        // The checks' own timeout is far longer than the test needs: nothing here depends on the clock.
        std::future<QList<Reachability>> checking
            = std::async(std::launch::async, [&p] { return ReachabilityProbe::check(p, 120000); });
        auto allPending = [&] {
            for (int i = 0; i < 3; ++i) {
                if (pendingConnects(silent[i].port) < baseline[i] + 2)
                    return false;
            }
            return true;
        };
        const bool overlapped = TestSupport::waitFor(allPending, 60000);
        // Release the barrier whatever happened, so that the checks end: a larger queue lets the next
        // retransmitted SYN in on node1 and node2; node3's listener goes, so its next SYN is refused.
        for (int i = 0; i < 2; ++i)
            ::listen(silent[i].listener, 64);
        ::close(silent[2].listener);
        silent[2].listener = -1;
        const QList<Reachability> all = checking.get();
        QVERIFY2(overlapped, "the six checks were never all waiting at once: they did not run in parallel");
        QCOMPARE(all.size(), 6);
        for (int i = 0; i < 6; ++i) {
            const Reachability& r = all.at(i);
            const int node = i / 2;
            QCOMPARE(r.node, QStringLiteral("node%1").arg(node + 1));
            QCOMPARE(r.what, i % 2 == 0 ? QStringLiteral("SSH") : QStringLiteral("database"));
            QCOMPARE(r.port, silent[node].port);
            if (node < 2) {
                QVERIFY2(r.ok, qPrintable(r.message));
            } else {
                QVERIFY(!r.ok);
                QVERIFY2(r.message.startsWith(
                             QStringLiteral("node3: 127.0.0.1:%1 refused").arg(silent[node].port)),
                    qPrintable(r.message));
            }
        }
    }
};

QTEST_GUILESS_MAIN(Tst_Reachability)
#include "tst_reachability.moc"
