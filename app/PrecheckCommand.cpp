#include "CliCommandList.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace MogUp {

using namespace CliSupport;

int PrecheckCommand::execute(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("json"), Tr::tr("print JSON") });
    p.addOption({ QStringLiteral("mode"), Tr::tr("offline or rolling (adds the checks of that mode)"), QStringLiteral("MODE") });
    CommandContext ctx;
    int code = 0;
    if (!prepare(p, args, QStringLiteral("precheck"), false, &ctx, &code))
        return code;
    std::optional<UpgradeMode> mode;
    if (p.isSet(QStringLiteral("mode"))) {
        UpgradeMode m;
        if (!parseMode(p.value(QStringLiteral("mode")), &m, m_err))
            return 2;
        mode = m;
    }
    if (!requireExecutor(ctx, QStringLiteral("precheck")))
        return 2;
    CancelToken cancel;
    Prechecks prechecks(*ctx.executor, ctx.profile);
    if (mode)
        prechecks.setMode(*mode);
    const PrecheckReport report = prechecks.run(cancel);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray items;
        for (const PrecheckItem& i : report.items)
            items.append(QJsonObject { { QStringLiteral("id"), i.id }, { QStringLiteral("node"), i.node },
                { QStringLiteral("title"), i.title }, { QStringLiteral("result"), precheckSeverityName(i.severity) },
                { QStringLiteral("detail"), i.detail }, { QStringLiteral("fix"), i.fix } });
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject { { QStringLiteral("ok"), report.ok() },
                                                     { QStringLiteral("checks"), items } })
                                       .toJson(QJsonDocument::Indented));
    } else {
        printStatusTable(report.nodes, m_out);
        printPrechecks(report, m_out);
    }
    m_out.flush();
    return report.ok() ? 0 : 1;
}

} // namespace MogUp
