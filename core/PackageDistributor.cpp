#include "PackageDistributor.h"

#include "NodeCommands.h"
#include "ShellQuote.h"
#include "Tr.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace MogUp {

namespace {

QString humanBytes(qint64 bytes)
{
    if (bytes >= 1024LL * 1024 * 1024)
        return QStringLiteral("%1 GiB").arg(bytes / 1024.0 / 1024 / 1024, 0, 'f', 2);
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(bytes / 1024.0 / 1024, 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

// Runs a read-only command and returns its stdout (stderr goes to the log).
QString capture(Executor& executor, const NodeProfile& node, const QString& command, const CancelToken& cancel,
    const LineSink& log, ExecResult* result)
{
    QString out;
    *result = executor.run(node, command, 600000, cancel, [&](const OutputLine& l) {
        if (l.stream == OutputStream::Stdout)
            out += l.text + QLatin1Char('\n');
        else if (log)
            log(l);
    });
    return out;
}

bool hashFile(const QString& path, qint64 limit, const CancelToken& cancel, QByteArray* digest)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(4 * 1024 * 1024, Qt::Uninitialized);
    qint64 left = limit < 0 ? f.size() : limit;
    while (left > 0) {
        if (cancel.isCancelled())
            return false;
        const qint64 n = f.read(buffer.data(), std::min<qint64>(left, buffer.size()));
        if (n <= 0)
            return false;
        hash.addData(QByteArrayView(buffer.constData(), n));
        left -= n;
    }
    *digest = hash.result().toHex();
    return true;
}

} // namespace

PackageDistributor::PackageDistributor(Executor& executor, const ClusterProfile& profile)
    : m_executor(executor)
    , m_profile(profile)
{
}

bool PackageDistributor::hashLocal(const QString& localPath, const CancelToken& cancel, QString* error)
{
    if (!m_sha256.isEmpty())
        return true;
    QByteArray digest;
    if (!QFileInfo(localPath).isFile() || !hashFile(localPath, -1, cancel, &digest)) {
        *error = Tr::tr("cannot read the package %1 on this machine").arg(localPath);
        return false;
    }
    m_sha256 = QString::fromLatin1(digest);
    m_size = QFileInfo(localPath).size();
    return true;
}

DistributionResult PackageDistributor::distribute(const NodeProfile& node, const QString& localPath,
    const QString& remotePath, const CancelToken& cancel, const ProgressSink& progress, const LineSink& log)
{
    DistributionResult r;
    r.node = node.name;
    r.remotePath = remotePath;
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!hashLocal(localPath, cancel, &error)) {
        r.message = error;
        return r;
    }
    const NodeCommands nc(m_profile, node);
    const QString dir = QFileInfo(remotePath).path();
    const QString q = shellQuote(remotePath);
    // The directory may need root (/opt/...); the login user must be able to write the file.
    ExecResult er;
    QString prepare = QStringLiteral("mkdir -p ") + shellQuote(dir);
    if (node.sshUser != QStringLiteral("root") && m_profile.transport == Transport::Ssh)
        prepare += QStringLiteral(" && chown ") + shellQuote(node.sshUser) + QLatin1Char(' ') + shellQuote(dir);
    capture(m_executor, node, nc.asRootShell(prepare), cancel, log, &er);
    if (!er.ok()) {
        r.message = Tr::tr("%1: cannot create %2 (%3)").arg(node.name, dir, er.error.isEmpty() ? Tr::tr("exit code %1").arg(er.exitCode) : er.error);
        return r;
    }
    // What is there already: size, then (only when it could be reused) the hash of that many bytes.
    const QString sizeOut = capture(m_executor, node,
        QStringLiteral("if [ -f %1 ]; then stat -c %s %1; else echo -1; fi").arg(q), cancel, log, &er);
    bool numeric = false;
    const qint64 remoteSize = sizeOut.trimmed().toLongLong(&numeric);
    qint64 offset = 0;
    if (er.ok() && numeric && remoteSize > 0 && remoteSize <= m_size) {
        const QString hashOut = capture(m_executor, node,
            QStringLiteral("head -c %1 %2 | sha256sum").arg(remoteSize).arg(q), cancel, log, &er);
        QByteArray prefix;
        if (er.ok() && hashFile(localPath, remoteSize, cancel, &prefix)
            && hashOut.section(QLatin1Char(' '), 0, 0).trimmed() == QString::fromLatin1(prefix)) {
            if (remoteSize == m_size) {
                r.ok = true;
                r.skipped = true;
                r.sha256 = m_sha256;
                r.ms = clock.elapsed();
                r.message = Tr::tr("%1: %2 is already there and identical (SHA-256 %3); not sent again")
                                .arg(node.name, remotePath, m_sha256);
                if (progress)
                    progress(TransferProgress { node.name, m_size, m_size, 0, 0 });
                return r;
            }
            offset = remoteSize; // a partial upload of the same file: continue it
        }
    }
    r.resumedFrom = offset;
    if (log && offset > 0)
        log(OutputLine { node.name, OutputStream::Stdout, QDateTime::currentDateTimeUtc(),
            Tr::tr("resuming the upload at %1 of %2").arg(humanBytes(offset), humanBytes(m_size)) });
    const TransferResult t = m_executor.upload(node, localPath, remotePath, offset, cancel, progress);
    r.bytesSent = t.bytesSent;
    if (!t.ok) {
        r.message = t.error.isEmpty() ? Tr::tr("%1: the upload failed").arg(node.name) : t.error;
        return r;
    }
    // Proof on the node itself, not just "the transfer said OK".
    const QString sum = capture(m_executor, node, QStringLiteral("sha256sum %1").arg(q), cancel, log, &er);
    r.sha256 = sum.section(QLatin1Char(' '), 0, 0).trimmed();
    r.ms = clock.elapsed();
    if (!er.ok() || r.sha256 != m_sha256) {
        r.message = Tr::tr("%1: checksum mismatch for %2: this machine has SHA-256 %3, the node computed %4")
                        .arg(node.name, remotePath, m_sha256, r.sha256.isEmpty() ? Tr::tr("nothing") : r.sha256);
        return r;
    }
    r.ok = true;
    const double seconds = std::max<qint64>(1, r.ms) / 1000.0;
    r.message = Tr::tr("%1: %2 uploaded in %3 s (%4/s)%5, SHA-256 %6 verified on the node")
                    .arg(node.name, humanBytes(m_size))
                    .arg(seconds, 0, 'f', 1)
                    .arg(humanBytes(qint64(t.bytesSent / seconds)))
                    .arg(offset > 0 ? Tr::tr(", resumed at %1").arg(humanBytes(offset)) : QString())
                    .arg(m_sha256);
    return r;
}

QList<DistributionResult> PackageDistributor::distributeAll(const QList<const NodeProfile*>& nodes,
    const QString& localPath, const std::function<QString(const NodeProfile&)>& remotePathFor,
    const CancelToken& cancel, const ProgressSink& progress, const LineSink& log)
{
    QString error;
    if (!hashLocal(localPath, cancel, &error)) {
        QList<DistributionResult> failed;
        for (const NodeProfile* n : nodes)
            failed.append(DistributionResult { n->name, remotePathFor(*n), false, false, 0, 0, 0, QString(), error });
        return failed;
    }
    // One thread per node: the work is waiting on networks and disks, not on this machine's CPU.
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, int(nodes.size())));
    QList<QFuture<DistributionResult>> futures;
    for (const NodeProfile* n : nodes) {
        futures.append(QtConcurrent::run(&pool, [this, n, localPath, remotePathFor, &cancel, progress, log] {
            return distribute(*n, localPath, remotePathFor(*n), cancel, progress, log);
        }));
    }
    QList<DistributionResult> results;
    for (QFuture<DistributionResult>& f : futures)
        results.append(f.result());
    return results;
}

} // namespace MogUp
