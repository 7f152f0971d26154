#include "CliCommandList.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace MogUp {

using namespace CliSupport;

int PlanCommand::execute(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("json"), Tr::tr("print the plan as JSON") });
    CommandContext ctx;
    int code = 0;
    if (!prepare(p, args, QStringLiteral("plan"), true, &ctx, &code))
        return code;
    const ClusterProfile& profile = ctx.profile;
    PlannerOptions& options = ctx.options;
    if (!profile.primaryNode()) {
        // The profile does not say who leads: read it (read-only) rather than guess.
        if (!requireExecutor(ctx, QStringLiteral("plan")))
            return 2;
        QString error;
        CancelToken cancel;
        options.primaryNode = Prechecks::livePrimary(ClusterStatusProbe(*ctx.executor, profile).probeAll(cancel), &error);
        if (options.primaryNode.isEmpty()) {
            m_err << Tr::tr("mogup-cli plan: no node has \"role\": \"primary\" in the profile, and the live cluster "
                            "cannot tell: %1.")
                         .arg(error)
                  << Qt::endl;
            return 1;
        }
    }
    Plan plan;
    QString error;
    if (!Planner::build(profile, options, &plan, &error)) {
        m_err << QStringLiteral("mogup-cli plan: ") << error << Qt::endl;
        return 2;
    }
    if (p.isSet(QStringLiteral("json")))
        m_out << QString::fromUtf8(QJsonDocument(plan.toJson()).toJson(QJsonDocument::Indented));
    else
        printPlan(plan, profile, m_out);
    m_out.flush();
    return 0;
}

} // namespace MogUp
