#include "CliCommandList.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace MogUp {

using namespace CliSupport;

int StatusCommand::execute(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("json"), Tr::tr("print JSON") });
    CommandContext ctx;
    int code = 0;
    if (!prepare(p, args, QStringLiteral("status"), false, &ctx, &code))
        return code;
    if (!requireExecutor(ctx, QStringLiteral("status")))
        return 2;
    const ClusterProfile& profile = ctx.profile;
    std::shared_ptr<Executor> executor = ctx.executor;
    CancelToken cancel;
    const QList<NodeStatus> nodes = ClusterStatusProbe(*executor, profile).probeAll(cancel);
    if (p.isSet(QStringLiteral("json")))
        m_out << QString::fromUtf8(QJsonDocument(ClusterStatusProbe::toJson(nodes)).toJson(QJsonDocument::Indented));
    else
        printStatusTable(nodes, m_out);
    m_out.flush();
    return 0;
}

} // namespace MogUp
