#include "ReachabilityProbe.h"

#include <QTcpServer>
#include <QtTest>

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
        QTcpServer a, b;
        QVERIFY(a.listen(QHostAddress::LocalHost));
        QVERIFY(b.listen(QHostAddress::LocalHost));
        SilentPort silent;
        QVERIFY(silent.open());
        ClusterProfile p;
        p.transport = Transport::Ssh;
        for (int i = 0; i < 3; ++i) {
            NodeProfile n;
            n.name = QStringLiteral("node%1").arg(i + 1);
            n.host = QStringLiteral("127.0.0.1");
            n.sshPort = i == 2 ? silent.port : a.serverPort();
            n.dbPort = b.serverPort();
            p.nodes.append(n);
        }
        QElapsedTimer t;
        t.start();
        const QList<Reachability> all = ReachabilityProbe::check(p, 1500);
        QCOMPARE(all.size(), 6);
        QVERIFY2(t.elapsed() < 2900, "the checks ran in parallel, not one after another");
        int failed = 0;
        for (const Reachability& r : all) {
            if (!r.ok) {
                ++failed;
                QCOMPARE(r.node, QStringLiteral("node3"));
                QCOMPARE(r.what, QStringLiteral("SSH"));
            }
        }
        QCOMPARE(failed, 1);
    }
};

QTEST_GUILESS_MAIN(Tst_Reachability)
#include "tst_reachability.moc"
