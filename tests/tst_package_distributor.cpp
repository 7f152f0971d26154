#include "LocalExecutor.h"
#include "PackageDistributor.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace MogUp;

namespace {

// Writes the file like LocalExecutor, then damages one byte on the "node": what a bad disk or a
// broken transfer would leave behind.
class CorruptingExecutor : public LocalExecutor
{
public:
    using LocalExecutor::LocalExecutor;
    TransferResult upload(const NodeProfile& node, const QString& localPath, const QString& remotePath, qint64 offset,
        const CancelToken& cancel, const ProgressSink& progress) override
    {
        TransferResult r = LocalExecutor::upload(node, localPath, remotePath, offset, cancel, progress);
        QFile f(remotePath);
        if (f.open(QIODevice::ReadWrite) && f.seek(f.size() / 2)) {
            char c = 0;
            f.getChar(&c);
            f.seek(f.size() / 2);
            f.putChar(char(c ^ 0x5a));
        }
        return r;
    }
};

} // namespace

// Package distribution: skip if identical, resume a partial upload, replace a different file, and
// prove every copy by hashing it on the node.
class Tst_PackageDistributor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ClusterProfile m_profile;
    QString m_package;
    QByteArray m_bytes;

    QString target(int node) const { return m_dir.filePath(QStringLiteral("node%1/opt/mogdb203/pkg.tar.gz").arg(node)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bytes.resize(9 * 1024 * 1024 + 123); // several chunks and an odd tail
        QRandomGenerator gen(42);
        for (qsizetype i = 0; i < m_bytes.size(); i += 4) {
            const quint32 v = gen.generate();
            memcpy(m_bytes.data() + i, &v, std::min<qsizetype>(4, m_bytes.size() - i));
        }
        m_package = m_dir.filePath(QStringLiteral("MogDB-2.0.3-CentOS-x86_64.tar.gz"));
        QVERIFY(TestSupport::writeFile(m_package, m_bytes));
        for (int i = 1; i <= 3; ++i) {
            NodeProfile n;
            n.name = QStringLiteral("node%1").arg(i);
            m_profile.nodes.append(n);
        }
    }

    void init()
    {
        for (int i = 1; i <= 3; ++i)
            QFile::remove(target(i));
    }

    void freshUploadIsVerified()
    {
        LocalExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        QList<TransferProgress> ticks;
        const DistributionResult r = d.distribute(m_profile.nodes.at(0), m_package, target(1), cancel,
            [&ticks](const TransferProgress& p) { ticks << p; }, {});
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(!r.skipped);
        QCOMPARE(r.resumedFrom, 0);
        QCOMPARE(r.bytesSent, m_bytes.size());
        QCOMPARE(r.sha256, QString::fromLatin1(QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex()));
        QFile f(target(1));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), m_bytes);
        QVERIFY(!ticks.isEmpty());
        QCOMPARE(ticks.last().done, m_bytes.size());
        for (int i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks.at(i).done > ticks.at(i - 1).done);
        QVERIFY(r.message.contains(QStringLiteral("verified on the node")));
    }

    void identicalFileIsNotSentAgain()
    {
        QDir().mkpath(QFileInfo(target(1)).path());
        QVERIFY(TestSupport::writeFile(target(1), m_bytes));
        LocalExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        const DistributionResult r = d.distribute(m_profile.nodes.at(0), m_package, target(1), cancel, {}, {});
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.skipped);
        QCOMPARE(r.bytesSent, 0);
        QVERIFY(r.message.contains(QStringLiteral("not sent again")));
    }

    void partialUploadIsResumed()
    {
        QDir().mkpath(QFileInfo(target(2)).path());
        const qint64 half = m_bytes.size() / 2 + 7;
        QVERIFY(TestSupport::writeFile(target(2), m_bytes.left(half)));
        LocalExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        const DistributionResult r = d.distribute(m_profile.nodes.at(1), m_package, target(2), cancel, {}, {});
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.resumedFrom, half);
        QCOMPARE(r.bytesSent, m_bytes.size() - half);
        QFile f(target(2));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), m_bytes);
    }

    void differentFileIsReplaced_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("same size, other bytes") << 0;
        QTest::newRow("shorter, other bytes") << 1000;
        QTest::newRow("longer than the package") << -1;
    }
    void differentFileIsReplaced()
    {
        QFETCH(int, size);
        QByteArray other = m_bytes;
        if (size > 0)
            other = other.left(size);
        if (size < 0)
            other += QByteArray(100, 'x');
        other[0] = char(other.at(0) ^ 1);
        QDir().mkpath(QFileInfo(target(3)).path());
        QVERIFY(TestSupport::writeFile(target(3), other));
        LocalExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        const DistributionResult r = d.distribute(m_profile.nodes.at(2), m_package, target(3), cancel, {}, {});
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(!r.skipped);
        QCOMPARE(r.resumedFrom, 0);
        QFile f(target(3));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), m_bytes);
    }

    void damagedCopyIsAChecksumMismatch()
    {
        CorruptingExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        const DistributionResult r = d.distribute(m_profile.nodes.at(1), m_package, target(2), cancel, {}, {});
        QVERIFY(!r.ok);
        QVERIFY2(r.message.startsWith(QStringLiteral("node2: checksum mismatch for ") + target(2)), qPrintable(r.message));
        QVERIFY(r.message.contains(d.localSha256()));
    }

    void everyNodeAtOnce()
    {
        LocalExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        QMutex mutex;
        QMap<QString, qint64> last;
        QList<const NodeProfile*> nodes;
        for (const NodeProfile& n : m_profile.nodes)
            nodes << &n;
        const QList<DistributionResult> results = d.distributeAll(
            nodes, m_package,
            [this](const NodeProfile& n) { return target(n.name.right(1).toInt()); }, cancel,
            [&](const TransferProgress& p) {
                QMutexLocker lock(&mutex);
                last[p.node] = p.done;
            },
            {});
        QCOMPARE(results.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(results.at(i).ok, qPrintable(results.at(i).message));
            QCOMPARE(results.at(i).node, QStringLiteral("node%1").arg(i + 1));
            QCOMPARE(last.value(results.at(i).node), m_bytes.size());
        }
    }

    void missingLocalPackage()
    {
        LocalExecutor exec(m_profile);
        PackageDistributor d(exec, m_profile);
        CancelToken cancel;
        const DistributionResult r
            = d.distribute(m_profile.nodes.at(0), m_dir.filePath(QStringLiteral("nope.tar.gz")), target(1), cancel, {}, {});
        QVERIFY(!r.ok);
        QVERIFY(r.message.contains(QStringLiteral("cannot read the package")));
    }
};

QTEST_GUILESS_MAIN(Tst_PackageDistributor)
#include "tst_package_distributor.moc"
