#include "CliCommands.h"

#include "CliCommandList.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

namespace MogUp {

CliCommands::CliCommands()
    : m_stdout(stdout)
    , m_stderr(stderr)
    , m_stdin(stdin)
    , m_ownIo { m_stdout, m_stderr, m_stdin, ::isatty(STDIN_FILENO) != 0 }
    , m_io(m_ownIo)
    , m_out(m_io.out)
    , m_err(m_io.err)
{
}

CliCommands::CliCommands(CliIo& io)
    : m_stdout(stdout)
    , m_stderr(stderr)
    , m_stdin(stdin)
    , m_ownIo { m_stdout, m_stderr, m_stdin, false }
    , m_io(io)
    , m_out(m_io.out)
    , m_err(m_io.err)
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
                "          [--no-switch-back] [--baseline SECONDS]\n"
                "                      show the plan, ask, run it with a live log, verify\n"
                "  undo --run-dir D [--yes]\n"
                "                      take the cluster back along the way back of the run recorded in D\n"
                "  precheck --profile P [--mode offline|rolling] [--json]\n"
                "                      the read-only checks made before an upgrade (exit 1 if one fails)\n"
                "  monitor --profile P [--interval S] [--duration S] [--run-dir D] [--json]\n"
                "                      sample the walsender memory and judge the leak (with --run-dir of an\n"
                "                      upgrade: before against after)\n"
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
        return DemoCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("plan"))
        return PlanCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("upgrade"))
        return UpgradeCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("status"))
        return StatusCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("precheck"))
        return PrecheckCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("undo"))
        return UndoCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("monitor"))
        return MonitorCommand(m_io).execute(rest);
    if (cmd == QStringLiteral("--help") || cmd == QStringLiteral("-h") || cmd == QStringLiteral("help"))
        return usage(0);
    if (cmd == QStringLiteral("--version")) {
        m_out << QStringLiteral("mogup-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    m_err << Tr::tr("mogup-cli: unknown command \"%1\".").arg(cmd) << Qt::endl;
    return usage(2);
}

} // namespace MogUp
