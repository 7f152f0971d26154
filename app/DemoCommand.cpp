#include "CliCommandList.h"
#include "SandboxBuilder.h"
#include "SandboxProfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace MogUp {

using namespace CliSupport;

int DemoCommand::execute(const QStringList& args)
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

} // namespace MogUp
