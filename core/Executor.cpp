#include "Executor.h"

#include "Tr.h"

namespace MogUp {

TransferResult Executor::upload(const NodeProfile& node, const QString&, const QString&, qint64, const CancelToken&,
    const ProgressSink&)
{
    TransferResult r;
    r.error = Tr::tr("%1: this transport cannot upload files").arg(node.name);
    return r;
}

} // namespace MogUp
