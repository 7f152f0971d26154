// Benchmark 1 (issue #3): 500 short commands (`true`) in sequence on one node.
// MogUp's SshExecutor::run over its open session versus OpenSSH `ssh` with connection multiplexing
// (ControlMaster=auto, ControlPersist=60, master opened and warmed up before timing), same sshd, same key,
// same known_hosts. Goal: MogUp's time at most half of OpenSSH's.
#include "BenchSupport.h"

#include "SshExecutor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace MogUp;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.contains(QStringLiteral("--count")) ? args.value(args.indexOf(QStringLiteral("--count")) + 1).toInt() : 500;
    const int warmup = 20;

    TestSupport::SshdFixture sshd;
    if (!sshd.start()) {
        std::fprintf(stderr, "sshd fixture: %s\n", qPrintable(sshd.error()));
        return 2;
    }
    QTemporaryDir tmp;
    const QString knownHosts = tmp.path() + QStringLiteral("/known_hosts");
    if (!sshd.writeKnownHosts(knownHosts, false))
        return 2;
    const QString host = QStringLiteral("127.0.0.1");

    struct Measured
    {
        double openssh = 0;
        double mogup = 0;
        int failures = 0;
    };
    // Both peers against the same sshd as the same user, one after the other.
    auto measure = [&](const QString& user) -> std::optional<Measured> {
        Measured m;
        QStringList ssh { QStringLiteral("ssh") };
        ssh << Bench::opensshOptions(sshd, knownHosts, user) << QStringLiteral("-p") << QString::number(sshd.port()) << QStringLiteral("-o") << QStringLiteral("ControlMaster=auto")
            << QStringLiteral("-o") << QStringLiteral("ControlPath=") + tmp.path() + QStringLiteral("/cm-%C")
            << QStringLiteral("-o") << QStringLiteral("ControlPersist=60") << host;
        const QStringList sshTrue = ssh + QStringList { QStringLiteral("true") };
        for (int i = 0; i < warmup; ++i) { // the first opens the master, the others warm it up
            if (Bench::spawnWait(sshTrue) != 0) {
                std::fprintf(stderr, "ssh %s@%s true failed\n", qPrintable(user), qPrintable(host));
                return std::nullopt;
            }
        }
        m.openssh = Bench::timeIt([&] {
            for (int i = 0; i < count; ++i)
                m.failures += Bench::spawnWait(sshTrue) != 0;
        });
        Bench::spawnWait(ssh.mid(0, ssh.size() - 1) + QStringList { QStringLiteral("-O"), QStringLiteral("exit"), host });

        NodeProfile n;
        n.name = QStringLiteral("node1");
        n.host = host;
        n.sshPort = sshd.port();
        n.sshUser = user;
        n.auth = QStringLiteral("key");
        n.keyFile = sshd.clientKey(TestSupport::SshdFixture::ClientKey::Ed25519);
        ClusterProfile profile;
        profile.name = QStringLiteral("bench");
        profile.transport = Transport::Ssh;
        profile.nodes = { n };
        SshOptions o;
        o.knownHostsFile = knownHosts;
        SshExecutor exec(profile, o, nullptr);
        CancelToken none;
        const SshConnectResult c = exec.connectAll(none).value(0);
        if (!c.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(c.error));
            return std::nullopt;
        }
        for (int i = 0; i < warmup; ++i)
            exec.run(n, QStringLiteral("true"), 30000, none, {});
        m.mogup = Bench::timeIt([&] {
            for (int i = 0; i < count; ++i)
                m.failures += !exec.run(n, QStringLiteral("true"), 30000, none, {}).ok();
        });
        return m;
    };

    // The login user's shell start-up runs on the node for every command of either peer (sshd runs
    // `$SHELL -c CMD`, and bash sources ~/.bashrc when started by sshd). It is measured twice: as the
    // user running the benchmark (whatever its ~/.bashrc does) and as a fresh user with Debian's default
    // rc files, which show what the two clients themselves cost.
    const QString me = sshd.loginUser();
    const std::optional<Measured> mine = measure(me);
    if (!mine)
        return 2;
    QString whyNot;
    std::optional<Measured> fresh;
    if (sshd.ensureTestUser(&whyNot)) {
        // sshd reads authorized_keys as the user logging in: let that user into the fixture's folder (the
        // private keys in it stay 0600).
        QFile::setPermissions(sshd.dir(), QFile::permissions(sshd.dir()) | QFile::ReadOther | QFile::ExeOther);
        fresh = measure(sshd.testUser());
    }
    const QString bashrc = QDir::homePath() + QStringLiteral("/.bashrc");
    const QString bashrcCost = QString::number(Bench::timeIt([&] {
        for (int i = 0; i < 10; ++i)
            Bench::spawnWait({ QStringLiteral("bash"), QStringLiteral("-c"), QStringLiteral(". ~/.bashrc") });
    }) * 100, 'f', 1);

    Bench::Report report(QStringLiteral("1. %1 short commands (`true`) in sequence on one node").arg(count));
    const int failures = mine->failures + (fresh ? fresh->failures : 0);
    report.add({ QStringLiteral("OpenSSH `ssh` multiplexed (ControlMaster, warm), user %1").arg(me), mine->openssh, count, 0,
        QStringLiteral("one `ssh … true` process per command") });
    report.add({ QStringLiteral("MogUp SshExecutor::run (open session), user %1").arg(me), mine->mogup, count, 0,
        QStringLiteral("one long-lived shell per session") });
    if (fresh) {
        report.add({ QStringLiteral("OpenSSH `ssh` multiplexed, user %1 (default rc files)").arg(sshd.testUser()), fresh->openssh,
            count, 0, QStringLiteral("one `ssh … true` process per command") });
        report.add({ QStringLiteral("MogUp SshExecutor::run, user %1 (default rc files)").arg(sshd.testUser()), fresh->mogup,
            count, 0, QStringLiteral("one long-lived shell per session") });
    }
    const double ratio = mine->mogup / mine->openssh;
    report.ratio(QStringLiteral("MogUp / OpenSSH, user %1").arg(me), ratio, QStringLiteral("≤ 0.5"), ratio <= 0.5);
    if (fresh) {
        const double r2 = fresh->mogup / fresh->openssh;
        report.ratio(QStringLiteral("MogUp / OpenSSH, user %1 (default rc files)").arg(sshd.testUser()), r2, QStringLiteral("≤ 0.5"), r2 <= 0.5);
    } else {
        report.remark(QStringLiteral("The fresh-user run was skipped: %1").arg(whyNot));
    }
    report.remark(QStringLiteral("Sourcing %1 alone (`bash -c '. ~/.bashrc'`) takes %2 ms on this machine; sshd's `$SHELL -c` "
                                 "runs it before every command of both peers.")
                      .arg(bashrc, bashrcCost));
    if (failures)
        report.remark(QStringLiteral("%1 commands FAILED").arg(failures));
    report.print();
    report.appendMarkdown(Bench::markdownFileArg(args));
    return failures == 0 ? 0 : 1;
}
