#include "CliSupport.h"

#include "CliInteraction.h"
#include "ExecutorForProfile.h"
#include "Journal.h"
#include "ReachabilityProbe.h"
#include "SshExecutor.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QLocale>
#include <QSocketNotifier>

#include <csignal>
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

} // namespace

namespace CliSupport {

QString yesNo(bool b)
{
    return b ? Tr::tr("yes") : Tr::tr("no");
}

// Terminal columns: CJK characters take two (the Chinese headers would drift otherwise).
static int displayWidth(const QString& s)
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

} // namespace CliSupport

using namespace CliSupport;

Command::Command(CliIo& io)
    : m_io(io)
    , m_out(io.out)
    , m_err(io.err)
{
}

Command::~Command()
{
    if (m_interrupt)
        endInterrupt();
}

bool Command::prepare(QCommandLineParser& p, const QStringList& args, const QString& command, bool withMode,
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

bool Command::requireExecutor(const CommandContext& ctx, const QString& command)
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

void Command::onInterrupt(QObject* context, std::function<void()> cancel)
{
    // Ctrl-C cancels cleanly: the running command's process group is ended and the state is reported.
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_interrupt = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(m_interrupt.get(), &QSocketNotifier::activated, context, [this, cancel] {
        char c;
        while (::read(g_signalPipe[0], &c, 1) > 0) { }
        m_err << Tr::tr("Cancelling: stopping the current command...") << Qt::endl;
        cancel();
    });
    std::signal(SIGINT, onSigint);
    std::signal(SIGTERM, onSigint);
}

void Command::endInterrupt()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    // The notifier goes before the descriptor it watches.
    m_interrupt.reset();
    for (int& fd : g_signalPipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void Command::printSample(const MemorySample& sample)
{
    auto human = [](qint64 bytes) { return QLocale::c().formattedDataSize(bytes, 2, QLocale::DataSizeIecFormat); };
    const QString time = sample.time.toUTC().toString(QStringLiteral("HH:mm:ss"));
    m_out << QStringLiteral("  ") << time << QStringLiteral("  ") << pad(sample.node, 8)
          << pad(sample.role.isEmpty() ? QStringLiteral("?") : sample.role, 10);
    if (!sample.ok())
        m_out << Tr::tr("no sample: %1").arg(sample.error);
    else if (sample.totalsize < 0)
        m_out << Tr::tr("no walsender");
    else
        m_out << Tr::tr("in use %1 bytes (%2), total %3 bytes (%4)")
                     .arg(sample.totalsize - sample.freesize)
                     .arg(human(sample.totalsize - sample.freesize))
                     .arg(sample.totalsize)
                     .arg(human(sample.totalsize));
    m_out << Qt::endl;
}

RunResult Command::runWithLiveLog(const ClusterProfile& profile, const Plan& plan,
    const std::shared_ptr<Executor>& executor, Journal* journal, bool skipStepsAlreadyDone)
{
    Runner runner(profile, plan, executor);
    runner.setSkipStepsAlreadyDone(skipStepsAlreadyDone);
    journal->attach(&runner);
    QEventLoop loop;
    RunResult result;
    const int total = int(plan.steps.size());
    printLive(&runner, &loop, [total] { return total; });
    QObject::connect(&runner, &Runner::finished, &loop, [&](const RunResult& r) {
        result = r;
        loop.quit();
    });
    onInterrupt(&loop, [&runner] { runner.cancel(); });
    runner.start();
    loop.exec();
    runner.wait();
    endInterrupt();
    return result;
}

} // namespace MogUp
