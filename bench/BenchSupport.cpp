#include "BenchSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace Bench {

void Report::ratio(const QString& name, double value, const QString& goal, bool met)
{
    m_ratios.append(Ratio { name, value, goal, met });
}

bool Report::allGoalsMet() const
{
    for (const Ratio& r : m_ratios) {
        if (!r.goal.isEmpty() && !r.met)
            return false;
    }
    return true;
}

static QString fmt(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

void Report::print() const
{
    QTextStream out(stdout);
    out << "\n== " << m_title << " ==\n";
    out << QStringLiteral("%1 %2 %3 %4  %5\n")
               .arg(QStringLiteral("what"), -64)
               .arg(QStringLiteral("time s"), 9)
               .arg(QStringLiteral("ms/op"), 9)
               .arg(QStringLiteral("MB/s"), 8)
               .arg(QStringLiteral("note"));
    for (const Row& r : m_rows) {
        out << QStringLiteral("%1 %2 %3 %4  %5\n")
                   .arg(r.what, -64)
                   .arg(fmt(r.seconds, 3), 9)
                   .arg(fmt(r.seconds * 1000.0 / qMax(1, r.operations), 2), 9)
                   .arg(r.megabytes > 0 ? fmt(r.megabytes / r.seconds, 1) : QStringLiteral("-"), 8)
                   .arg(r.note);
    }
    for (const Ratio& r : m_ratios) {
        out << QStringLiteral("ratio %1 = %2").arg(r.name, fmt(r.value, 3));
        if (!r.goal.isEmpty())
            out << QStringLiteral("   goal %1: %2").arg(r.goal, r.met ? QStringLiteral("met") : QStringLiteral("NOT met"));
        out << '\n';
    }
    for (const QString& remark : m_remarks)
        out << "  " << remark << '\n';
    out.flush();
}

bool Report::appendMarkdown(const QString& file) const
{
    if (file.isEmpty())
        return true;
    QFile f(file);
    if (!f.open(QIODevice::Append | QIODevice::Text))
        return false;
    QTextStream out(&f);
    out << "## " << m_title << "\n\n";
    out << "| what | time (s) | ms/op | MB/s | note |\n|---|---:|---:|---:|---|\n";
    for (const Row& r : m_rows) {
        out << "| " << r.what << " | " << fmt(r.seconds, 3) << " | " << fmt(r.seconds * 1000.0 / qMax(1, r.operations), 2)
            << " | " << (r.megabytes > 0 ? fmt(r.megabytes / r.seconds, 1) : QStringLiteral("–")) << " | " << r.note << " |\n";
    }
    out << "\n| ratio | value | goal | met |\n|---|---:|---|---|\n";
    for (const Ratio& r : m_ratios) {
        out << "| " << r.name << " | " << fmt(r.value, 3) << " | " << (r.goal.isEmpty() ? QStringLiteral("reported") : r.goal)
            << " | " << (r.goal.isEmpty() ? QStringLiteral("–") : (r.met ? QStringLiteral("yes") : QStringLiteral("**no**")))
            << " |\n";
    }
    out << '\n';
    for (const QString& remark : m_remarks)
        out << remark << "\n\n";
    return true;
}

double timeIt(const std::function<void()>& f)
{
    QElapsedTimer t;
    t.start();
    f();
    return t.nsecsElapsed() / 1e9;
}

QStringList opensshOptions(const TestSupport::SshdFixture& sshd, const QString& knownHosts, const QString& user)
{
    return { QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-i"),
        sshd.clientKey(TestSupport::SshdFixture::ClientKey::Ed25519), QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
        QStringLiteral("-o"), QStringLiteral("IdentityAgent=none"), QStringLiteral("-o"),
        QStringLiteral("UserKnownHostsFile=") + knownHosts, QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
        QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"), QStringLiteral("User=") + (user.isEmpty() ? sshd.loginUser() : user) };
}

QString opensshVersion()
{
    QProcess p;
    p.start(QStringLiteral("ssh"), { QStringLiteral("-V") });
    p.waitForFinished(10000);
    return QString::fromLocal8Bit(p.readAllStandardError() + p.readAllStandardOutput()).trimmed();
}

bool runOk(const QString& program, const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s %s failed: %s\n%s\n", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
            qPrintable(p.errorString()), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

int spawnWait(const QStringList& argv)
{
    std::vector<QByteArray> bytes;
    for (const QString& a : argv)
        bytes.push_back(a.toLocal8Bit());
    std::vector<char*> args;
    for (QByteArray& b : bytes)
        args.push_back(b.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (int fd = 0; fd < 3; ++fd)
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

QString markdownFileArg(const QStringList& args)
{
    const qsizetype i = args.indexOf(QStringLiteral("--markdown"));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
}

} // namespace Bench
