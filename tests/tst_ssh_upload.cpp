#include "PackageDistributor.h"
#include "SshExecutor.h"
#include "SshdFixture.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>
#include <thread>
#include <unistd.h>

using namespace MogUp;
using TestSupport::SshdFixture;

namespace {

QByteArray sha256Of(const QString& path, qint64 limit = -1)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(limit < 0 ? f.readAll() : f.read(limit));
    return h.result().toHex();
}

bool writeRandom(const QString& path, qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
    return TestSupport::writeFile(path, data);
}

// Every progress tick of one upload, from whichever thread reported it.
struct ProgressLog
{
    std::mutex mutex;
    QMap<QString, QList<TransferProgress>> ticks;
    ProgressSink sink()
    {
        return [this](const TransferProgress& p) {
            std::lock_guard<std::mutex> lock(mutex);
            ticks[p.node].append(p);
        };
    }
};

// An executor whose uploads arrive damaged: one byte of the node's copy is changed right after the
// transfer (through a command on the node), as a faulty disk or a meddling proxy would.
class CorruptingExecutor : public SshExecutor
{
public:
    using SshExecutor::SshExecutor;
    TransferResult upload(const NodeProfile& node, const QString& localPath, const QString& remotePath, qint64 offset,
        const CancelToken& cancel, const ProgressSink& progress) override
    {
        TransferResult r = SshExecutor::upload(node, localPath, remotePath, offset, cancel, progress);
        const ExecResult e = run(node, QStringLiteral("printf Z | dd of=%1 bs=1 seek=1000 conv=notrunc status=none").arg(remotePath),
            30000, cancel, {});
        if (!e.ok())
            r.error = QStringLiteral("could not corrupt the copy: ") + e.error;
        return r;
    }
};

} // namespace

// SshExecutor::upload (SFTP over the node's session) and PackageDistributor over it, against a real sshd
// on loopback. The "nodes" are this machine, so what arrived is checked by reading the target files.
class Tst_SshUpload : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshdFixture> m_sshd;
    QTemporaryDir m_tmp;
    QString m_knownHosts;
    QString m_package; // 4 MiB of random bytes
    int m_serial = 0;

    NodeProfile node(int index = 1) const
    {
        NodeProfile n;
        n.name = QStringLiteral("node%1").arg(index);
        n.host = QStringLiteral("127.0.0.%1").arg(index);
        n.sshPort = m_sshd->port();
        n.sshUser = m_sshd->loginUser();
        n.auth = QStringLiteral("key");
        n.keyFile = m_sshd->clientKey(SshdFixture::ClientKey::Ed25519);
        n.become = QStringLiteral("none"); // the target folders belong to the login user
        return n;
    }
    ClusterProfile profile(const QList<NodeProfile>& nodes) const
    {
        ClusterProfile p;
        p.name = QStringLiteral("upload-test");
        p.transport = Transport::Ssh;
        p.nodes = nodes;
        return p;
    }
    SshOptions options() const
    {
        SshOptions o;
        o.knownHostsFile = m_knownHosts;
        o.keepaliveIntervalSeconds = 1;
        o.keepaliveCountMax = 1;
        return o;
    }
    QString freshPath(const QString& name)
    {
        return m_tmp.path() + QStringLiteral("/%1-%2").arg(++m_serial).arg(name);
    }
    QString where(const NodeProfile& n) const { return QStringLiteral("%1 (%2:%3)").arg(n.name, n.host).arg(n.sshPort); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_sshd = std::make_unique<SshdFixture>();
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(m_sshd->writeKnownHosts(m_knownHosts, false));
        m_package = m_tmp.path() + QStringLiteral("/package.tar.gz");
        QVERIFY(writeRandom(m_package, 4 * 1024 * 1024 + 12345)); // not a multiple of any buffer size
    }
    void cleanupTestCase() { m_sshd.reset(); }

    void uploadsToThreeNodesInParallelWithProgress()
    {
        const QList<NodeProfile> nodes { node(1), node(2), node(3) };
        SshExecutor exec(profile(nodes), options(), nullptr);
        const qint64 total = QFileInfo(m_package).size();
        ProgressLog log;
        QStringList targets;
        QList<TransferResult> results(3);
        std::vector<std::thread> threads;
        // Every path first: a thread must never read the list while it still grows (and moves).
        for (int i = 0; i < 3; ++i)
            targets.append(freshPath(QStringLiteral("node%1.tar.gz").arg(i + 1)));
        for (int i = 0; i < 3; ++i) {
            threads.emplace_back([&, i] {
                CancelToken none;
                results[i] = exec.upload(nodes.at(i), m_package, targets.at(i), 0, none, log.sink());
            });
        }
        for (std::thread& t : threads)
            t.join();
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(results.at(i).ok, qPrintable(results.at(i).error));
            QVERIFY(results.at(i).error.isEmpty());
            QCOMPARE(results.at(i).bytesSent, total);
            QCOMPARE(sha256Of(targets.at(i)), sha256Of(m_package));
            QCOMPARE(QFileInfo(targets.at(i)).permissions(),
                QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther);
            const QList<TransferProgress> ticks = log.ticks.value(nodes.at(i).name);
            QVERIFY(ticks.size() >= 2);
            qint64 last = -1;
            for (const TransferProgress& p : ticks) {
                QCOMPARE(p.total, total);
                QVERIFY2(p.done >= last, "progress went backwards");
                last = p.done;
            }
            QCOMPARE(ticks.last().done, total);
            QVERIFY(ticks.last().bytesPerSecond > 0);
            QCOMPARE(ticks.last().secondsLeft, 0);
        }
        // The session is still fine for commands afterwards.
        CancelToken none;
        QVERIFY(exec.run(nodes.at(0), QStringLiteral("true"), 30000, none, {}).ok());
    }

    void overwritesAnExistingFile()
    {
        const NodeProfile n = node(1);
        SshExecutor exec(profile({ n }), options(), nullptr);
        const QString target = freshPath(QStringLiteral("old.tar.gz"));
        QVERIFY(writeRandom(target, 8 * 1024 * 1024)); // longer than the package: must be truncated
        CancelToken none;
        const TransferResult r = exec.upload(n, m_package, target, 0, none, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(QFileInfo(target).size(), QFileInfo(m_package).size());
        QCOMPARE(sha256Of(target), sha256Of(m_package));
    }

    void resumeSendsOnlyTheRest()
    {
        const NodeProfile n = node(2);
        SshExecutor exec(profile({ n }), options(), nullptr);
        const QString target = freshPath(QStringLiteral("partial.tar.gz"));
        const qint64 total = QFileInfo(m_package).size();
        const qint64 prefix = 1500000;
        QFile src(m_package);
        QVERIFY(src.open(QIODevice::ReadOnly));
        QVERIFY(TestSupport::writeFile(target, src.read(prefix)));
        ProgressLog log;
        CancelToken none;
        const TransferResult r = exec.upload(n, m_package, target, prefix, none, log.sink());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.bytesSent, total - prefix);
        QCOMPARE(sha256Of(target), sha256Of(m_package));
        const QList<TransferProgress> ticks = log.ticks.value(n.name);
        QVERIFY(!ticks.isEmpty());
        QVERIFY2(ticks.first().done >= prefix, "progress counts the resumed prefix as done");
        QCOMPARE(ticks.last().done, total);
    }

    void resumeOntoAWrongSizeIsRefused()
    {
        const NodeProfile n = node(3);
        SshExecutor exec(profile({ n }), options(), nullptr);
        const QString target = freshPath(QStringLiteral("short.tar.gz"));
        QVERIFY(TestSupport::writeFile(target, QByteArray(1000, 'x')));
        CancelToken none;
        const TransferResult r = exec.upload(n, m_package, target, 2000, none, {});
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(where(n) + QStringLiteral(": cannot continue the upload of ") + target + QStringLiteral(" at byte 2000: the file there has 1000 bytes")),
            qPrintable(r.error));
        QCOMPARE(QFileInfo(target).size(), qint64(1000)); // untouched

        // Nothing to resume at all: refused as well, and no file is created.
        const QString missing = freshPath(QStringLiteral("missing.tar.gz"));
        const TransferResult m = exec.upload(n, m_package, missing, 2000, none, {});
        QVERIFY(!m.ok);
        QVERIFY2(m.error.startsWith(where(n) + QStringLiteral(": cannot open ") + missing + QStringLiteral(" for writing: no such file")),
            qPrintable(m.error));
        QVERIFY(!QFile::exists(missing));
    }

    void unwritableTargetsAreExplained()
    {
        const NodeProfile n = node(1);
        SshExecutor exec(profile({ n }), options(), nullptr);
        CancelToken none;
        const QString inMissingDir = m_tmp.path() + QStringLiteral("/no-such-dir/package.tar.gz");
        const TransferResult r = exec.upload(n, m_package, inMissingDir, 0, none, {});
        QVERIFY(!r.ok);
        QCOMPARE(r.error, where(n) + QStringLiteral(": cannot open ") + inMissingDir
                + QStringLiteral(" for writing: no such file or directory (does the folder exist?)"));

        // Permission denied: a folder the login user may not write. Root may write anywhere, so as root the
        // upload logs in as an unprivileged test user (same key: the fixture's authorized_keys serves all).
        NodeProfile limited = node(2);
        QString forbidden;
        if (::geteuid() == 0) {
            QString why;
            if (!m_sshd->ensureTestUser(&why))
                MOGUP_SKIP_OR_FAIL(why);
            // sshd reads authorized_keys as the user who logs in (the private keys stay 0600).
            QFile::setPermissions(m_sshd->dir(), QFile::permissions(m_sshd->dir()) | QFile::ReadOther | QFile::ExeOther);
            limited.sshUser = m_sshd->testUser();
            forbidden = QStringLiteral("/root/mogup-upload-test.tar.gz");
        } else {
            forbidden = QStringLiteral("/usr/mogup-upload-test.tar.gz");
        }
        SshExecutor exec2(profile({ limited }), options(), nullptr);
        const TransferResult p = exec2.upload(limited, m_package, forbidden, 0, none, {});
        QVERIFY(!p.ok);
        QCOMPARE(p.error, where(limited) + QStringLiteral(": cannot open ") + forbidden + QStringLiteral(" for writing: permission denied"));
        QVERIFY(!QFile::exists(forbidden));
    }

    void cancelStopsMidUpload()
    {
        const NodeProfile n = node(2);
        SshExecutor exec(profile({ n }), options(), nullptr);
        // 256 MiB of zeros made as a sparse file: instant to create, and long enough to be cancelled mid-way.
        const QString big = freshPath(QStringLiteral("big.bin"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(256LL * 1024 * 1024));
        }
        const QString target = freshPath(QStringLiteral("cancelled.bin"));
        CancelToken cancel;
        qint64 doneAtCancel = -1;
        const TransferResult r = exec.upload(n, big, target, 0, cancel, [&](const TransferProgress& p) {
            if (p.done > 0 && doneAtCancel < 0) {
                doneAtCancel = p.done;
                cancel.cancel();
            }
        });
        QVERIFY2(doneAtCancel > 0, "no progress before the end");
        QVERIFY(r.cancelled);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(where(n) + QStringLiteral(": the upload of ") + target + QStringLiteral(" was cancelled after ")),
            qPrintable(r.error));
        QVERIFY2(r.bytesSent < 256LL * 1024 * 1024, qPrintable(QString::number(r.bytesSent)));
        // Handles closed, session intact: a command and a new upload work at once.
        CancelToken none;
        QVERIFY(exec.run(n, QStringLiteral("true"), 30000, none, {}).ok());
        const QString again = freshPath(QStringLiteral("after-cancel.tar.gz"));
        const TransferResult a = exec.upload(n, m_package, again, 0, none, {});
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(sha256Of(again), sha256Of(m_package));
    }

    // ---- PackageDistributor over SSH --------------------------------------------------------------

    void distributorSkipsResumesAndVerifies()
    {
        const QList<NodeProfile> nodes { node(1), node(2), node(3) };
        const ClusterProfile p = profile(nodes);
        SshExecutor exec(p, options(), nullptr);
        const QString dir = freshPath(QStringLiteral("dist"));
        auto target = [&](const NodeProfile& n) -> QString { return dir + QLatin1Char('/') + n.name + QStringLiteral("/package.tar.gz"); };
        QList<const NodeProfile*> all;
        for (const NodeProfile& n : p.nodes)
            all.append(&n);
        CancelToken none;
        const QString localSum = QString::fromLatin1(sha256Of(m_package));
        const qint64 total = QFileInfo(m_package).size();

        PackageDistributor first(exec, p);
        const QList<DistributionResult> sent = first.distributeAll(all, m_package, target, none, {}, {});
        QCOMPARE(sent.size(), 3);
        for (const DistributionResult& r : sent) {
            QVERIFY2(r.ok, qPrintable(r.message));
            QVERIFY(!r.skipped);
            QCOMPARE(r.bytesSent, total);
            QCOMPARE(r.sha256, localSum);
            QVERIFY2(r.message.contains(QStringLiteral("verified on the node")), qPrintable(r.message));
        }

        // Identical files already there: nothing is sent again.
        PackageDistributor second(exec, p);
        for (const DistributionResult& r : second.distributeAll(all, m_package, target, none, {}, {})) {
            QVERIFY2(r.ok && r.skipped, qPrintable(r.message));
            QCOMPARE(r.bytesSent, qint64(0));
            QVERIFY2(r.message.contains(QStringLiteral("already there and identical")), qPrintable(r.message));
        }

        // A partial copy on node2 (an upload that broke off): continued, only the rest sent.
        const qint64 half = total / 2;
        QVERIFY(exec.run(nodes.at(1), QStringLiteral("truncate -s %1 %2").arg(half).arg(target(nodes.at(1))), 30000, none, {}).ok());
        PackageDistributor third(exec, p);
        const DistributionResult resumed = third.distribute(nodes.at(1), m_package, target(nodes.at(1)), none, {}, {});
        QVERIFY2(resumed.ok, qPrintable(resumed.message));
        QCOMPARE(resumed.resumedFrom, half);
        QCOMPARE(resumed.bytesSent, total - half);
        QCOMPARE(sha256Of(target(nodes.at(1))), sha256Of(m_package));
    }

    void corruptedCopyIsAChecksumMismatch()
    {
        const NodeProfile n = node(3);
        const ClusterProfile p = profile({ n });
        CorruptingExecutor exec(p, options(), nullptr);
        const QString target = freshPath(QStringLiteral("corrupt/package.tar.gz"));
        PackageDistributor d(exec, p);
        CancelToken none;
        const DistributionResult r = d.distribute(n, m_package, target, none, {}, {});
        QVERIFY(!r.ok);
        const QString expected = QStringLiteral("node3: checksum mismatch for %1: this machine has SHA-256 %2, the node computed %3")
                                     .arg(target, QString::fromLatin1(sha256Of(m_package)), QString::fromLatin1(sha256Of(target)));
        QCOMPARE(r.message, expected);
    }

    // Last: it kills the fixture's sshd (and starts it again).
    void lostConnectionMidUpload()
    {
        const NodeProfile n = node(1);
        SshExecutor exec(profile({ n }), options(), nullptr);
        const QString big = freshPath(QStringLiteral("big2.bin"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(512LL * 1024 * 1024));
        }
        const QString target = freshPath(QStringLiteral("lost.bin"));
        CancelToken none;
        bool killed = false;
        const TransferResult r = exec.upload(n, big, target, 0, none, [&](const TransferProgress& p) {
            if (p.done > 0 && !killed) {
                killed = true;
                m_sshd->killAll();
            }
        });
        QVERIFY(killed);
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.error.startsWith(where(n) + QStringLiteral(": the connection was lost during the upload of ") + target),
            qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("the next attempt continues from there")), qPrintable(r.error));
        // sshd back: the next upload reconnects by itself.
        QVERIFY2(m_sshd->restart(), qPrintable(m_sshd->error()));
        const QString again = freshPath(QStringLiteral("after-loss.tar.gz"));
        const TransferResult a = exec.upload(n, m_package, again, 0, none, {});
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(sha256Of(again), sha256Of(m_package));
    }
};

QTEST_GUILESS_MAIN(Tst_SshUpload)
#include "tst_ssh_upload.moc"
