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

QString CapturedRun::errExcerpt(int maxLines) const
{
    const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(0, maxLines);
    QString joined = lines.join(QStringLiteral(" / ")).simplified();
    // It ends up in a dialog or a one-line message.
    if (joined.size() > 300)
        joined = joined.left(300) + QStringLiteral("...");
    return joined;
}

CapturedRun runCaptured(Executor& executor, const NodeProfile& node, const QString& command, int timeoutMs,
    const CancelToken& cancel, const LineSink& log)
{
    CapturedRun c;
    c.exec = executor.run(node, command, timeoutMs, cancel, [&c, &log](const OutputLine& l) {
        (l.stream == OutputStream::Stdout ? c.out : c.err) += l.text + QLatin1Char('\n');
        if (log)
            log(l);
    });
    return c;
}

} // namespace MogUp
