#include "CliCommands.h"

#include "CliInteraction.h"
#include "ClusterStatusProbe.h"
#include "ExecutorForProfile.h"
#include "Journal.h"
#include "Planner.h"
#include "Prechecks.h"
#include "Profile.h"
#include "ReachabilityProbe.h"
#include "Runner.h"
#include "SandboxBuilder.h"
#include "SandboxProfile.h"
#include "SshExecutor.h"
#include "Tr.h"
#include "WayBackPlanner.h"
#include "VersionParser.h"

#include <QCommandLineParser>
#include <QFile>
#include <QDateTime>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <optional>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace MogUp {

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSigint(int)
{
    const char c = 1;
    (void)!::write(g_signalPipe[1], &c, 1);
}

QString yesNo(bool b)
{
    return b ? Tr::tr("yes") : Tr::tr("no");
}

// Terminal columns: CJK characters take two (the Chinese headers would drift otherwise).
int displayWidth(const QString& s)
{
    int w = 0;
    for (const QChar c : s) {
        const ushort u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
            || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
            || (u >= 0xFFE0 && u <= 0xFFE6);
        w += wide ? 2 : 1;
    }
    return w;
}

QString pad(const QString& s, int width)
{
    return s + QString(std::max(1, width - displayWidth(s)), QLatin1Char(' '));
}

std::shared_ptr<Executor> makeExecutor(const ClusterProfile& profile, QString*)
{
    return executorForProfile(profile, std::make_shared<CliInteraction>());
}

} // namespace

CliCommands::CliCommands()
    : m_out(stdout)
    , m_err(stderr)
{
}

int CliCommands::usage(int code)
{
    QTextStream& s = code == 0 ? m_out : m_err;
    s << Tr::tr("Usage: mogup-cli COMMAND [OPTIONS]\n"
                "\n"
                "Commands:\n"
                "  demo init DIR [--nodes N] [--install om|manual] [--no-mogha] [--speed X]\n"
                "                      build a sandbox MogDB 2.0.1 cluster in DIR and write DIR/profile.json\n"
                "  demo stop DIR       end every process of that sandbox\n"
                "  plan --profile P --mode offline|rolling [--no-switch-back] [--json]\n"
                "                      print the exact plan without changing anything\n"
                "  upgrade --profile P --mode offline|rolling [--yes] [--accept-warnings] [--run-dir D]\n"
                "          [--no-switch-back]\n"
                "                      show the plan, ask, run it with a live log, verify\n"
                "  undo --run-dir D [--yes]\n"
                "                      take the cluster back along the way back of the run recorded in D\n"
                "  precheck --profile P [--mode offline|rolling] [--json]\n"
                "                      the read-only checks made before an upgrade (exit 1 if one fails)\n"
                "  status --profile P [--json]\n"
                "                      each node's role, state, version, running\n"
                "\n"
                "Exit codes: 0 success, 1 the operation failed, 2 bad usage or profile.\n");
    s.flush();
    return code;
}

int CliCommands::run(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return usage(2);
    const QString cmd = arguments.at(1);
    const QStringList rest = arguments.mid(1);
    if (cmd == QStringLiteral("demo"))
        return demo(rest);
    if (cmd == QStringLiteral("plan"))
        return plan(rest);
    if (cmd == QStringLiteral("upgrade"))
        return upgrade(rest);
    if (cmd == QStringLiteral("status"))
        return status(rest);
    if (cmd == QStringLiteral("precheck"))
        return precheck(rest);
    if (cmd == QStringLiteral("undo"))
        return undo(rest);
    if (cmd == QStringLiteral("--help") || cmd == QStringLiteral("-h") || cmd == QStringLiteral("help"))
        return usage(0);
    if (cmd == QStringLiteral("--version")) {
        m_out << QStringLiteral("mogup-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    m_err << Tr::tr("mogup-cli: unknown command \"%1\".").arg(cmd) << Qt::endl;
    return usage(2);
}

namespace {

bool loadProfile(const QString& path, ClusterProfile* profile, QTextStream& err)
{
    if (path.isEmpty()) {
        err << Tr::tr("mogup-cli: --profile is required (the cluster profile, a JSON file).") << Qt::endl;
        return false;
    }
    QList<ProfileError> errors;
    if (!ClusterProfile::load(path, profile, &errors)) {
        err << Tr::tr("mogup-cli: the profile %1 has %n problem(s):", nullptr, int(errors.size())).arg(path) << Qt::endl;
        for (const ProfileError& e : errors)
            err << QStringLiteral("  - ") << e.toString() << Qt::endl;
        return false;
    }
    return true;
}

bool parseMode(const QString& text, UpgradeMode* mode, QTextStream& err)
{
    if (text == QStringLiteral("offline")) {
        *mode = UpgradeMode::Offline;
        return true;
    }
    if (text == QStringLiteral("rolling")) {
        *mode = UpgradeMode::Rolling;
        return true;
    }
    err << Tr::tr("mogup-cli: --mode must be \"offline\" or \"rolling\" (got \"%1\").").arg(text) << Qt::endl;
    return false;
}

void printPlan(const Plan& plan, const ClusterProfile& profile, QTextStream& out)
{
    out << Tr::tr("Plan: %1 upgrade of cluster \"%2\" from MogDB %3 to %4, %n step(s).", nullptr, int(plan.steps.size()))
               .arg(upgradeModeName(plan.mode), profile.name, plan.fromVersion, plan.toVersion)
        << Qt::endl;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& s = plan.steps.at(i);
        out << QStringLiteral("%1. [%2] %3").arg(i + 1, 2).arg(s.node, s.title()) << Qt::endl;
        for (const QString& note : s.noteTexts())
            out << QStringLiteral("      - ") << note << Qt::endl;
        out << QStringLiteral("      $ ") << s.command << Qt::endl;
        if (!s.check.command.isEmpty())
            out << QStringLiteral("      ") << Tr::tr("check (%1): %2").arg(checkKindName(s.check.kind), s.check.command)
                << Qt::endl;
        if (!s.undoCommand.isEmpty())
            out << QStringLiteral("      ") << Tr::tr("undo: %1").arg(s.undoCommand) << Qt::endl;
    }
    out.flush();
}

void printStatusTable(const QList<NodeStatus>& nodes, QTextStream& out)
{
    out << pad(Tr::tr("NODE"), 12) << pad(Tr::tr("ROLE"), 10) << pad(Tr::tr("STATE"), 14) << pad(Tr::tr("VERSION"), 10)
        << Tr::tr("RUNNING") << Qt::endl;
    for (const NodeStatus& n : nodes) {
        out << pad(n.name, 12) << pad(n.role, 10) << pad(n.state, 14) << pad(n.version.isEmpty() ? QStringLiteral("?") : n.version, 10)
            << yesNo(n.running);
        if (!n.detail.isEmpty())
            out << QStringLiteral("  (") << n.detail << QLatin1Char(')');
        out << Qt::endl;
    }
    out.flush();
}

void printPrechecks(const PrecheckReport& report, QTextStream& out)
{
    for (const PrecheckItem& i : report.items) {
        const QString mark = i.severity == PrecheckSeverity::Pass ? Tr::tr("PASS")
            : i.severity == PrecheckSeverity::Warning           ? Tr::tr("WARN")
                                                                : Tr::tr("FAIL");
        out << QStringLiteral("  [") << mark << QStringLiteral("] ") << i.title << QStringLiteral(": ") << i.detail;
        if (!i.fix.isEmpty())
            out << QStringLiteral(" (") << Tr::tr("fix: %1").arg(i.fix) << QLatin1Char(')');
        out << Qt::endl;
    }
    out.flush();
}


} // namespace

int CliCommands::demo(const QStringList& args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr("Build or stop a sandbox MogDB cluster."));
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("init or stop"));
    p.addPositionalArgument(QStringLiteral("dir"), Tr::tr("the sandbox directory"));
    p.addOption({ QStringLiteral("nodes"), Tr::tr("number of nodes (default 3)"), QStringLiteral("N"), QStringLiteral("3") });
    p.addOption({ QStringLiteral("install"), Tr::tr("om or manual (default om)"), QStringLiteral("METHOD"), QStringLiteral("om") });
    p.addOption({ QStringLiteral("no-mogha"), Tr::tr("do not run the MogHA stand-in") });
    p.addOption({ QStringLiteral("speed"), Tr::tr("time-speed factor for the walsender leak (default 60)"), QStringLiteral("X"),
        QStringLiteral("60") });
    p.addOption({ QStringLiteral("transport"), Tr::tr("local (default) or ssh: drive the sandbox through a real sshd"),
        QStringLiteral("T"), QStringLiteral("local") });
    p.addOption({ QStringLiteral("ssh-port"), Tr::tr("ssh: the sshd port on 127.0.0.1-127.0.0.N"), QStringLiteral("PORT") });
    p.addOption({ QStringLiteral("identity"), Tr::tr("ssh: the private key to log in with (ed25519 or ECDSA)"), QStringLiteral("KEYFILE") });
    p.addOption({ QStringLiteral("known-hosts"), Tr::tr("ssh: the known_hosts file to check host keys against"), QStringLiteral("FILE") });
    if (!p.parse(args)) {
        m_err << QStringLiteral("mogup-cli demo: ") << p.errorText() << Qt::endl;
        return 2;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || (pos.at(0) != QStringLiteral("init") && pos.at(0) != QStringLiteral("stop"))) {
        m_err << Tr::tr("mogup-cli demo: expected \"demo init DIR\" or \"demo stop DIR\".") << Qt::endl;
        return 2;
    }
    const QString dir = QDir::cleanPath(QFileInfo(pos.at(1)).absoluteFilePath());
    if (pos.at(0) == QStringLiteral("stop")) {
        QString error;
        if (!Sim::SandboxBuilder::stop(dir, &error)) {
            m_err << Tr::tr("mogup-cli demo stop: %1").arg(error) << Qt::endl;
            return 1;
        }
        m_out << Tr::tr("Sandbox %1 stopped; no process of it is left.").arg(dir) << Qt::endl;
        return 0;
    }
    Sim::SandboxOptions o;
    o.dir = dir;
    bool ok = false;
    o.nodes = p.value(QStringLiteral("nodes")).toInt(&ok);
    if (!ok || o.nodes < 2 || o.nodes > 9) {
        m_err << Tr::tr("mogup-cli demo init: --nodes must be a number from 2 to 9.") << Qt::endl;
        return 2;
    }
    o.install = p.value(QStringLiteral("install"));
    if (o.install != QStringLiteral("om") && o.install != QStringLiteral("manual")) {
        m_err << Tr::tr("mogup-cli demo init: --install must be \"om\" or \"manual\".") << Qt::endl;
        return 2;
    }
    o.mogha = !p.isSet(QStringLiteral("no-mogha"));
    o.speed = p.value(QStringLiteral("speed")).toDouble(&ok);
    if (!ok || o.speed <= 0) {
        m_err << Tr::tr("mogup-cli demo init: --speed must be a positive number.") << Qt::endl;
        return 2;
    }
    o.transport = p.value(QStringLiteral("transport"));
    Sim::SandboxSshAccess ssh;
    if (o.transport == QStringLiteral("ssh")) {
        ssh.port = p.value(QStringLiteral("ssh-port")).toInt(&ok);
        if (!ok || ssh.port < 1 || ssh.port > 65535) {
            m_err << Tr::tr("mogup-cli demo init: --transport ssh needs --ssh-port (the sshd port).") << Qt::endl;
            return 2;
        }
        ssh.identity = QFileInfo(p.value(QStringLiteral("identity"))).absoluteFilePath();
        ssh.knownHosts = QFileInfo(p.value(QStringLiteral("known-hosts"))).absoluteFilePath();
        if (!p.isSet(QStringLiteral("identity")) || !QFileInfo::exists(ssh.identity)) {
            m_err << Tr::tr("mogup-cli demo init: --transport ssh needs --identity KEYFILE (an existing private key).") << Qt::endl;
            return 2;
        }
        if (!p.isSet(QStringLiteral("known-hosts"))) {
            m_err << Tr::tr("mogup-cli demo init: --transport ssh needs --known-hosts FILE.") << Qt::endl;
            return 2;
        }
    } else if (o.transport != QStringLiteral("local")) {
        m_err << Tr::tr("mogup-cli demo init: --transport must be \"local\" or \"ssh\".") << Qt::endl;
        return 2;
    }
    Sim::SandboxConfig config;
    QString error;
    const bool built = Sim::SandboxBuilder::init(o, &config, &error, [this](const QString& msg) {
        m_out << QStringLiteral("  ") << msg << Qt::endl;
    });
    if (!built) {
        m_err << Tr::tr("mogup-cli demo init: %1").arg(error) << Qt::endl;
        return 1;
    }
    if (o.transport == QStringLiteral("ssh") && !Sim::writeSandboxProfile(config, &error, &ssh)) {
        m_err << Tr::tr("mogup-cli demo init: %1").arg(error) << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("Sandbox cluster ready in %1 (%2 nodes, %3 install, MogHA %4).")
                 .arg(dir)
                 .arg(o.nodes)
                 .arg(o.install, o.mogha ? Tr::tr("running") : Tr::tr("absent"))
          << Qt::endl
          << Tr::tr("Profile: %1").arg(dir + QStringLiteral("/profile.json")) << Qt::endl
          << Tr::tr("Next: mogup-cli upgrade --profile %1 --mode rolling").arg(dir + QStringLiteral("/profile.json"))
          << Qt::endl;
    return 0;
}

// What plan, status and upgrade all start with: options parsed, the profile loaded and validated,
// the mode read, an executor for the profile's transport. False (with the exit code) on any problem.
bool CliCommands::prepare(QCommandLineParser& p, const QStringList& args, const QString& command, bool withMode,
    CommandContext* ctx, int* exitCode)
{
    p.addOption({ QStringLiteral("profile"), Tr::tr("cluster profile"), QStringLiteral("P") });
    if (withMode) {
        p.addOption({ QStringLiteral("mode"), Tr::tr("offline or rolling"), QStringLiteral("MODE") });
        p.addOption({ QStringLiteral("no-switch-back"), Tr::tr("rolling: leave the upgraded standby as primary") });
    }
    *exitCode = 2;
    if (!p.parse(args)) {
        m_err << QStringLiteral("mogup-cli %1: ").arg(command) << p.errorText() << Qt::endl;
        return false;
    }
    if (!loadProfile(p.value(QStringLiteral("profile")), &ctx->profile, m_err))
        return false;
    if (withMode) {
        if (!parseMode(p.value(QStringLiteral("mode")), &ctx->options.mode, m_err))
            return false;
        ctx->options.switchBack = !p.isSet(QStringLiteral("no-switch-back"));
    }
    // Not every command needs to reach the nodes (plan with roles in the profile does not): those
    // that do check ctx->executor and report ctx->executorError.
    ctx->executor = makeExecutor(ctx->profile, &ctx->executorError);
    return true;
}

bool CliCommands::requireExecutor(const CommandContext& ctx, const QString& command)
{
    if (!ctx.executor) {
        m_err << QStringLiteral("mogup-cli %1: ").arg(command) << ctx.executorError << Qt::endl;
        return false;
    }
    auto* ssh = dynamic_cast<SshExecutor*>(ctx.executor.get());
    if (!ssh)
        return true;
    // Before any login: is every node's SSH port there at all? A typo in a host name reads as such.
    bool reachable = true;
    for (const Reachability& r : ReachabilityProbe::check(ctx.profile, 3000, false)) {
        if (!r.ok) {
            m_err << QStringLiteral("mogup-cli %1: ").arg(command) << r.message << Qt::endl;
            reachable = false;
        }
    }
    if (!reachable)
        return false;
    // Then log in everywhere at once: host keys checked, secrets asked, sessions kept for the run.
    CancelToken cancel;
    bool ok = true;
    for (const SshConnectResult& c : ssh->connectAll(cancel)) {
        if (c.ok) {
            // On stderr: stdout stays clean for --json.
            m_err << Tr::tr("%1: logged in (%2), host key %3 %4").arg(c.node, c.authMethod, c.hostKey.keyType, c.hostKey.fingerprint)
                  << Qt::endl;
        } else {
            m_err << QStringLiteral("mogup-cli %1: ").arg(command) << c.error << Qt::endl;
            ok = false;
        }
    }
    if (!ok)
        m_err << Tr::tr("Nothing was changed on any node.") << Qt::endl;
    return ok;
}

int CliCommands::plan(const QStringList& args)
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

int CliCommands::precheck(const QStringList& args)
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

int CliCommands::status(const QStringList& args)
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

RunResult CliCommands::runWithLiveLog(const ClusterProfile& profile, const Plan& plan,
    const std::shared_ptr<Executor>& executor, Journal* journalPtr, bool skipStepsAlreadyDone)
{
    Journal& journal = *journalPtr;
    Runner runner(profile, plan, executor);
    runner.setSkipStepsAlreadyDone(skipStepsAlreadyDone);
    journal.attach(&runner);
    QEventLoop loop;
    RunResult result;
    QObject::connect(&runner, &Runner::stepStarted, &loop, [this, &plan](int i, const Step& s) {
        m_out << QStringLiteral("==> [%1/%2] %3 (%4)").arg(i + 1).arg(plan.steps.size()).arg(s.title(), s.node) << Qt::endl;
        m_out << QStringLiteral("    $ ") << s.command << Qt::endl;
    });
    QObject::connect(&runner, &Runner::outputLine, &loop, [this](const OutputLine& l) {
        m_out << QStringLiteral("[") << l.node << (l.stream == OutputStream::Stderr ? QStringLiteral(" stderr] ") : QStringLiteral("] "))
              << l.text << Qt::endl;
    });
    // Upload progress: one line per node at most every second, and when a node finishes.
    QHash<QString, qint64> lastShown;
    QElapsedTimer progressClock;
    progressClock.start();
    QObject::connect(&runner, &Runner::transferProgress, &loop, [&](int, const TransferProgress& t) {
        const qint64 now = progressClock.elapsed();
        if (t.done < t.total && now - lastShown.value(t.node, -10000) < 1000)
            return;
        lastShown[t.node] = now;
        const QString left = t.secondsLeft >= 0 ? Tr::tr(", %1 s left").arg(t.secondsLeft) : QString();
        m_out << QStringLiteral("[") << t.node << QStringLiteral("] ")
              << Tr::tr("upload %1% (%2 of %3 MiB, %4 MiB/s%5)")
                     .arg(t.total > 0 ? int(t.done * 100 / t.total) : 100)
                     .arg(t.done / 1048576.0, 0, 'f', 1)
                     .arg(t.total / 1048576.0, 0, 'f', 1)
                     .arg(t.bytesPerSecond / 1048576.0, 0, 'f', 1)
                     .arg(left)
              << Qt::endl;
    });
    QObject::connect(&runner, &Runner::checkProgress, &loop, [this](int, const QString& text) {
        m_out << QStringLiteral("    ... ") << text << Qt::endl;
    });
    QObject::connect(&runner, &Runner::stepFinished, &loop, [this](int, const StepResult& r) {
        if (r.status == StepStatus::Ok)
            m_out << QStringLiteral("    ") << Tr::tr("ok in %1 s: %2").arg(r.ms / 1000.0, 0, 'f', 1).arg(r.message) << Qt::endl;
        else
            m_out << QStringLiteral("    ") << Tr::tr("FAILED after %1 s: %2").arg(r.ms / 1000.0, 0, 'f', 1).arg(r.message)
                  << Qt::endl;
    });
    QObject::connect(&runner, &Runner::finished, &loop, [&](const RunResult& r) {
        result = r;
        loop.quit();
    });

    // Ctrl-C cancels cleanly: the running command's process group is ended and the state is reported.
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &loop);
        QObject::connect(notifier, &QSocketNotifier::activated, &loop, [this, &runner] {
            char c;
            while (::read(g_signalPipe[0], &c, 1) > 0) { }
            m_err << Tr::tr("Cancelling: stopping the current command...") << Qt::endl;
            runner.cancel();
        });
        std::signal(SIGINT, onSigint);
        std::signal(SIGTERM, onSigint);
    }
    runner.start();
    loop.exec();
    runner.wait();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    return result;
}

int CliCommands::undo(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("run-dir"), Tr::tr("the run directory of the upgrade to take back"), QStringLiteral("D") });
    p.addOption({ QStringLiteral("yes"), Tr::tr("run without asking") });
    if (!p.parse(args)) {
        m_err << QStringLiteral("mogup-cli undo: ") << p.errorText() << Qt::endl;
        return 2;
    }
    const QString runDir = QFileInfo(p.value(QStringLiteral("run-dir"))).absoluteFilePath();
    if (!p.isSet(QStringLiteral("run-dir")) || !QFileInfo::exists(runDir + QStringLiteral("/journal.jsonl"))) {
        m_err << Tr::tr("mogup-cli undo: --run-dir must name the run directory of an upgrade (it holds journal.jsonl).")
              << Qt::endl;
        return 2;
    }
    ClusterProfile profile;
    if (!loadProfile(runDir + QStringLiteral("/profile.json"), &profile, m_err))
        return 2;
    QFile planFile(runDir + QStringLiteral("/plan.json"));
    if (!planFile.open(QIODevice::ReadOnly)) {
        m_err << Tr::tr("mogup-cli undo: cannot read %1.").arg(planFile.fileName()) << Qt::endl;
        return 2;
    }
    const Plan forward = Plan::fromJson(QJsonDocument::fromJson(planFile.readAll()).object());
    // What ran, in order, from the journal, and how each attempt ended: a step that did not end ok is
    // undone only if its effect shows on the node when the undo runs (WayBackPlanner).
    QString result;
    const Plan back = WayBackPlanner::build(profile, forward, Journal::stepOutcomes(runDir, &result));
    if (back.steps.isEmpty()) {
        m_out << Tr::tr("Nothing to undo: no step of that run changed anything that can be taken back.") << Qt::endl;
        return 0;
    }
    if (result == QStringLiteral("ok"))
        m_out << Tr::tr("That run finished successfully: undoing it takes every node back to MogDB %1.").arg(forward.fromVersion)
              << Qt::endl;
    CommandContext ctx;
    ctx.profile = profile;
    ctx.executor = makeExecutor(profile, &ctx.executorError);
    if (!requireExecutor(ctx, QStringLiteral("undo")))
        return 2;
    printPlan(back, profile, m_out);
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!::isatty(STDIN_FILENO)) {
            m_err << Tr::tr("mogup-cli undo: not asking on a non-interactive input; add --yes to run the steps above. "
                            "Nothing was changed.")
                  << Qt::endl;
            return 2;
        }
        m_out << Tr::tr("Run this plan now? Type \"yes\" to go on: ") << Qt::flush;
        QTextStream in(stdin);
        if (in.readLine().trimmed() != QStringLiteral("yes")) {
            m_out << Tr::tr("Not run. Nothing was changed.") << Qt::endl;
            return 1;
        }
    }
    Journal journal;
    QString error;
    if (!journal.open(Journal::undoRunDir(runDir), profile, back, &error)) {
        m_err << QStringLiteral("mogup-cli undo: ") << error << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("Record of this run: %1").arg(journal.runDir()) << Qt::endl;
    const RunResult r = runWithLiveLog(profile, back, ctx.executor, &journal, true);
    m_out << Qt::endl << Tr::tr("Cluster now:") << Qt::endl;
    printStatusTable(r.nodes, m_out);
    if (!r.ok) {
        m_err << Tr::tr("UNDO FAILED: %1").arg(r.message) << Qt::endl;
        for (const NodeStatus& n : r.nodes)
            m_err << QStringLiteral("  - ") << n.summary() << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("UNDO COMPLETE: every step of the way back ran and was checked. Record: %1").arg(journal.runDir()) << Qt::endl;
    return 0;
}

int CliCommands::upgrade(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("yes"), Tr::tr("run without asking") });
    p.addOption({ QStringLiteral("accept-warnings"), Tr::tr("go on although a pre-check gave a warning") });
    p.addOption({ QStringLiteral("run-dir"), Tr::tr("where to keep the record of this run"), QStringLiteral("D") });
    CommandContext ctx;
    int code = 0;
    if (!prepare(p, args, QStringLiteral("upgrade"), true, &ctx, &code))
        return code;
    if (!requireExecutor(ctx, QStringLiteral("upgrade")))
        return 2;
    const ClusterProfile& profile = ctx.profile;
    PlannerOptions& options = ctx.options;
    std::shared_ptr<Executor> executor = ctx.executor;
    QString error;

    // Read the cluster before planning: the plan must start from what is really there. The same
    // pre-checks as the wizard's (core/Prechecks), read-only.
    m_out << Tr::tr("Pre-checks (read-only)...") << Qt::endl;
    CancelToken probeCancel;
    Prechecks prechecks(*executor, profile, options.fromVersion);
    prechecks.setMode(options.mode);
    const PrecheckReport report = prechecks.run(probeCancel);
    printStatusTable(report.nodes, m_out);
    printPrechecks(report, m_out);
    bool allPatched = !report.nodes.isEmpty();
    for (const NodeStatus& n : report.nodes)
        allPatched = allPatched && n.running && n.version == QStringLiteral("2.0.3");
    if (allPatched) {
        m_out << Tr::tr("Every node already runs MogDB %1; nothing to do.").arg(QStringLiteral("2.0.3")) << Qt::endl;
        return 0;
    }
    if (!report.ok()) {
        m_err << Tr::tr("mogup-cli upgrade: the pre-checks failed:") << Qt::endl;
        for (const QString& f : report.failures())
            m_err << QStringLiteral("  - ") << f << Qt::endl;
        m_err << Tr::tr("Nothing was changed.") << Qt::endl;
        return 1;
    }
    if (report.hasWarnings() && !p.isSet(QStringLiteral("accept-warnings"))) {
        m_err << Tr::tr("mogup-cli upgrade: the pre-checks gave warnings (above); read them and add --accept-warnings "
                        "to go on. Nothing was changed.")
              << Qt::endl;
        return 1;
    }
    options.primaryNode = report.primary;
    Plan plan;
    if (!Planner::build(profile, options, &plan, &error)) {
        m_err << QStringLiteral("mogup-cli upgrade: ") << error << Qt::endl;
        return 2;
    }

    printPlan(plan, profile, m_out);
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!::isatty(STDIN_FILENO)) {
            m_err << Tr::tr("mogup-cli upgrade: not asking on a non-interactive input; add --yes to run the plan "
                            "above. Nothing was changed.")
                  << Qt::endl;
            return 2;
        }
        m_out << Tr::tr("Run this plan now? Type \"yes\" to go on: ") << Qt::flush;
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed();
        if (answer != QStringLiteral("yes")) {
            m_out << Tr::tr("Not run. Nothing was changed.") << Qt::endl;
            return 1;
        }
    }

    const QString runDir = p.isSet(QStringLiteral("run-dir")) ? QFileInfo(p.value(QStringLiteral("run-dir"))).absoluteFilePath()
                                                                : Journal::defaultRunDir(profile.name, options.mode);
    Journal journal;
    if (!journal.open(runDir, profile, plan, &error)) {
        m_err << QStringLiteral("mogup-cli upgrade: ") << error << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("Record of this run: %1").arg(journal.runDir()) << Qt::endl;

    const RunResult result = runWithLiveLog(profile, plan, executor, &journal);
    m_out << Qt::endl << Tr::tr("Cluster now:") << Qt::endl;
    printStatusTable(result.nodes, m_out);
    if (!result.ok) {
        m_err << (result.cancelled ? Tr::tr("UPGRADE CANCELLED") : Tr::tr("UPGRADE FAILED")) << QStringLiteral(": ")
              << result.message << Qt::endl;
        m_err << Tr::tr("Failed step: %1 on node %2.").arg(result.failedStepId, result.failedNode) << Qt::endl;
        m_err << Tr::tr("State of each node:") << Qt::endl;
        for (const NodeStatus& n : result.nodes)
            m_err << QStringLiteral("  - ") << n.summary() << Qt::endl;
        if (!result.wayBack.isEmpty()) {
            m_err << Tr::tr("The way back (undo of the completed steps, most recent first; review before running):") << Qt::endl;
            for (const Step& s : result.wayBack)
                m_err << QStringLiteral("  [%1] %2\n      $ %3").arg(s.node, s.undoTitle(), s.undoCommand) << Qt::endl;
        }
        m_err << Tr::tr("Or fix the cause and finish the remaining steps by hand; the full record is in %1.").arg(journal.runDir())
              << Qt::endl;
        return 1;
    }
    // Success means every node verifies on the new version in a healthy cluster, read again now.
    int primaries = 0;
    QStringList problems;
    for (const NodeStatus& n : result.nodes) {
        if (n.role == QStringLiteral("primary"))
            ++primaries;
        if (n.version != plan.toVersion)
            problems << Tr::tr("%1 runs %2").arg(n.name, n.version);
        if (!n.running || n.state != QStringLiteral("Normal"))
            problems << Tr::tr("%1 is %2").arg(n.name, n.state);
    }
    if (primaries != 1)
        problems << Tr::tr("%1 primaries").arg(primaries);
    if (!problems.isEmpty()) {
        m_err << Tr::tr("UPGRADE NOT VERIFIED: %1.").arg(problems.join(QStringLiteral("; "))) << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("UPGRADE COMPLETE: every node runs MogDB %1; one primary, %2 standbys Normal. Record: %3")
                 .arg(plan.toVersion)
                 .arg(result.nodes.size() - 1)
                 .arg(journal.runDir())
          << Qt::endl;
    return 0;
}

} // namespace MogUp
