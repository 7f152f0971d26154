// Benchmarks 2 and 3 (issue #3): uploads of a 256 MiB file of random bytes through the sshd fixture.
//  2. MogUp's SshExecutor::upload (SFTP, many writes in flight) versus OpenSSH `scp` and `sftp -b`, each
//     timed as a whole: the OpenSSH commands include their connect + login, so MogUp's figure includes
//     creating the executor, connecting and logging in. Goal: at least 0.9 of OpenSSH's throughput
//     (the faster of the two). Best of --runs (default 3) for each, alternating, so that a busy moment of
//     the machine does not fall on one peer only.
//  3. The same file to 3 nodes at once (127.0.0.1/2/3, distinct files) versus to one node: wall time ratio.
// --sweep also measures other SFTP window sizes (bytes per libssh2_sftp_write call).
#include "BenchSupport.h"

#include "SftpUpload.h"
#include "SshExecutor.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <thread>

using namespace MogUp;

namespace {

QByteArray sha256Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto intArg = [&](const QString& name, int def) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : def;
    };
    const int runs = qMax(1, intArg(QStringLiteral("--runs"), 3));
    const qint64 size = qint64(intArg(QStringLiteral("--mib"), 256)) * 1024 * 1024;
    const double mb = size / 1e6;

    TestSupport::SshdFixture sshd;
    if (!sshd.start()) {
        std::fprintf(stderr, "sshd fixture: %s\n", qPrintable(sshd.error()));
        return 2;
    }
    QTemporaryDir tmp;
    const QString knownHosts = tmp.path() + QStringLiteral("/known_hosts");
    if (!sshd.writeKnownHosts(knownHosts, false))
        return 2;

    // The file: random bytes (incompressible, as a package is), generated here.
    const QString local = tmp.path() + QStringLiteral("/package.bin");
    {
        QFile f(local);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
        for (qint64 left = size; left > 0; left -= block.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
            f.write(block.constData(), qMin<qint64>(left, block.size()));
        }
    }
    const QByteArray localSum = sha256Of(local);
    const QString remoteDir = tmp.path() + QStringLiteral("/remote");
    QDir().mkpath(remoteDir);
    const QString port = QString::number(sshd.port());
    const QString user = sshd.loginUser();

    auto node = [&](int i) {
        NodeProfile n;
        n.name = QStringLiteral("node%1").arg(i);
        n.host = QStringLiteral("127.0.0.%1").arg(i);
        n.sshPort = sshd.port();
        n.sshUser = user;
        n.auth = QStringLiteral("key");
        n.keyFile = sshd.clientKey(TestSupport::SshdFixture::ClientKey::Ed25519);
        return n;
    };
    // Whole operation: a new executor, connect + login, upload, disconnect.
    auto mogupUpload = [&](const QList<int>& nodes, qsizetype window, bool* ok) {
        ClusterProfile profile;
        profile.name = QStringLiteral("bench");
        profile.transport = Transport::Ssh;
        for (int i : nodes)
            profile.nodes.append(node(i));
        SshOptions o;
        o.knownHostsFile = knownHosts;
        o.sftpWindowBytes = window;
        *ok = true;
        return Bench::timeIt([&] {
            SshExecutor exec(profile, o, nullptr);
            CancelToken none;
            std::vector<std::thread> threads;
            std::vector<TransferResult> results(size_t(nodes.size()));
            for (qsizetype k = 0; k < nodes.size(); ++k) {
                threads.emplace_back([&, k] {
                    results[size_t(k)] = exec.upload(profile.nodes.at(k), local,
                        remoteDir + QStringLiteral("/mogup-%1.bin").arg(nodes.at(k)), 0, none, {});
                });
            }
            for (std::thread& t : threads)
                t.join();
            for (const TransferResult& r : results) {
                if (!r.ok) {
                    std::fprintf(stderr, "MogUp upload failed: %s\n", qPrintable(r.error));
                    *ok = false;
                }
            }
        });
    };
    const QStringList scp = QStringList { QStringLiteral("scp") } + Bench::opensshOptions(sshd, knownHosts)
        + QStringList { QStringLiteral("-q"), QStringLiteral("-P"), port, local,
            QStringLiteral("%1@127.0.0.1:%2/scp.bin").arg(user, remoteDir) };
    const QString batch = tmp.path() + QStringLiteral("/sftp-batch");
    {
        QFile f(batch);
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral("put %1 %2/sftp.bin\n").arg(local, remoteDir).toUtf8());
    }
    const QStringList sftp = QStringList { QStringLiteral("sftp") } + Bench::opensshOptions(sshd, knownHosts)
        + QStringList { QStringLiteral("-q"), QStringLiteral("-P"), port, QStringLiteral("-b"), batch,
            QStringLiteral("%1@127.0.0.1").arg(user) };

    double bestScp = 1e9, bestSftp = 1e9, bestMogup = 1e9, bestThree = 1e9;
    int failures = 0;
    for (int run = 0; run < runs; ++run) {
        bestScp = qMin(bestScp, Bench::timeIt([&] { failures += Bench::spawnWait(scp) != 0; }));
        bestSftp = qMin(bestSftp, Bench::timeIt([&] { failures += Bench::spawnWait(sftp) != 0; }));
        bool ok = false;
        bestMogup = qMin(bestMogup, mogupUpload({ 1 }, 0, &ok));
        failures += !ok;
        bestThree = qMin(bestThree, mogupUpload({ 1, 2, 3 }, 0, &ok));
        failures += !ok;
    }
    for (const QString& name : { QStringLiteral("scp"), QStringLiteral("sftp"), QStringLiteral("mogup-1"),
             QStringLiteral("mogup-2"), QStringLiteral("mogup-3") }) {
        if (sha256Of(remoteDir + QLatin1Char('/') + name + QStringLiteral(".bin")) != localSum) {
            std::fprintf(stderr, "%s.bin differs from the original\n", qPrintable(name));
            ++failures;
        }
    }

    const QString sizeText = QStringLiteral("%1 MiB").arg(size / 1024 / 1024);
    Bench::Report upload(QStringLiteral("2. Upload of a %1 file (random bytes), one node").arg(sizeText));
    upload.add({ QStringLiteral("OpenSSH `scp` (whole command)"), bestScp, 1, mb, QStringLiteral("best of %1").arg(runs) });
    upload.add({ QStringLiteral("OpenSSH `sftp -b` put (whole command)"), bestSftp, 1, mb, QStringLiteral("best of %1").arg(runs) });
    upload.add({ QStringLiteral("MogUp SshExecutor::upload (connect + login + SFTP)"), bestMogup, 1, mb,
        QStringLiteral("best of %1; %2 bytes per write call").arg(runs).arg(kSftpWindow) });
    const double vsScp = bestScp / bestMogup;
    const double vsSftp = bestSftp / bestMogup;
    const double vsBest = qMin(bestScp, bestSftp) / bestMogup;
    upload.ratio(QStringLiteral("MogUp throughput / scp throughput"), vsScp);
    upload.ratio(QStringLiteral("MogUp throughput / sftp throughput"), vsSftp);
    upload.ratio(QStringLiteral("MogUp throughput / faster OpenSSH"), vsBest, QStringLiteral("≥ 0.9"), vsBest >= 0.9);

    if (args.contains(QStringLiteral("--sweep"))) {
        for (const int packets : { 1, 4, 35, 70, 140 }) {
            bool ok = false;
            double best = 1e9;
            for (int run = 0; run < runs; ++run)
                best = qMin(best, mogupUpload({ 1 }, kSftpPacket * packets, &ok));
            upload.add({ QStringLiteral("MogUp, %1 bytes per write call (sweep)").arg(kSftpPacket * packets), best, 1, mb,
                QStringLiteral("best of %1").arg(runs) });
        }
    }

    Bench::Report three(QStringLiteral("3. Upload of the %1 file to 3 nodes at once versus one node").arg(sizeText));
    three.add({ QStringLiteral("MogUp, 1 node (127.0.0.1)"), bestMogup, 1, mb, QStringLiteral("best of %1").arg(runs) });
    three.add({ QStringLiteral("MogUp, 3 nodes at once (127.0.0.1/2/3)"), bestThree, 1, 3 * mb,
        QStringLiteral("best of %1; MB/s = all three together").arg(runs) });
    three.ratio(QStringLiteral("wall time 3 nodes / 1 node"), bestThree / bestMogup);
    three.remark(QStringLiteral("All \"nodes\" are this machine (%1 CPUs): the three sshd processes, the three encryptions "
                                "and the three disk writes share it, so this ratio shows MogUp's own parallelism only up "
                                "to what the machine can do; between real hosts each node has its own CPU and disk.")
                     .arg(std::thread::hardware_concurrency()));
    if (failures)
        upload.remark(QStringLiteral("%1 transfers FAILED or arrived corrupted").arg(failures));

    upload.print();
    three.print();
    const QString md = Bench::markdownFileArg(args);
    upload.appendMarkdown(md);
    three.appendMarkdown(md);
    return failures == 0 ? 0 : 1;
}
