#pragma once

#include "Executor.h"
#include "Profile.h"

#include <QList>
#include <QString>

namespace MogUp {

struct DistributionResult
{
    QString node;
    QString remotePath;
    bool ok = false;
    bool skipped = false;      // an identical file was already there
    qint64 resumedFrom = 0;    // > 0: a partial upload was continued from this byte
    qint64 bytesSent = 0;
    qint64 ms = 0;
    QString sha256;            // what the node computed after the upload
    QString message;           // translated summary or error, names the node
};

// Puts one file from this machine onto nodes and proves it arrived intact: an identical file already on
// the node is not sent again, a partial one (same prefix) is continued, anything else is replaced; every
// node's copy is then hashed ON the node and compared with this machine's SHA-256. A mismatch is an error
// for that node. Transport-independent: it runs sha256sum/stat through Executor::run and moves bytes
// with Executor::upload.
class PackageDistributor
{
public:
    PackageDistributor(Executor& executor, const ClusterProfile& profile);

    // SHA-256 (hex) and size of the local file; computed once per distributor.
    bool hashLocal(const QString& localPath, const CancelToken& cancel, QString* error);
    QString localSha256() const { return m_sha256; }
    qint64 localSize() const { return m_size; }

    DistributionResult distribute(const NodeProfile& node, const QString& localPath, const QString& remotePath,
        const CancelToken& cancel, const ProgressSink& progress, const LineSink& log);

    // All nodes at once (one thread per node); results in the order of `nodes`.
    QList<DistributionResult> distributeAll(const QList<const NodeProfile*>& nodes, const QString& localPath,
        const std::function<QString(const NodeProfile&)>& remotePathFor, const CancelToken& cancel,
        const ProgressSink& progress, const LineSink& log);

private:
    Executor& m_executor;
    const ClusterProfile& m_profile;
    QString m_sha256;
    qint64 m_size = -1;
};

} // namespace MogUp
