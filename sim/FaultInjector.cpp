#include "FaultInjector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThread>

#include <cstdio>

namespace Sim {

Fault takeFault(const QString& sandboxRoot, const QString& node, const QString& tool, const QStringList& args)
{
    Fault none;
    if (sandboxRoot.isEmpty())
        return none;
    const QString path = sandboxRoot + QStringLiteral("/faults.json");
    if (!QFile::exists(path))
        return none;
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(10000))
        return none;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return none;
    QJsonArray rules = QJsonDocument::fromJson(f.readAll()).array();
    f.close();
    const QString joined = args.join(QLatin1Char(' '));
    for (int i = 0; i < rules.size(); ++i) {
        QJsonObject r = rules.at(i).toObject();
        // Persistent conditions are never consumed by a tool call.
        if (r.contains(QStringLiteral("kind")))
            continue;
        const QString rn = r.value(QStringLiteral("node")).toString();
        const QString rt = r.value(QStringLiteral("tool")).toString();
        const QString ra = r.value(QStringLiteral("args")).toString();
        if (!rn.isEmpty() && rn != node)
            continue;
        if (rt != tool)
            continue;
        if (!ra.isEmpty() && !joined.contains(ra))
            continue;
        const int times = r.value(QStringLiteral("times")).toInt(1);
        if (times == 1) {
            rules.removeAt(i);
        } else if (times > 1) {
            r.insert(QStringLiteral("times"), times - 1);
            rules.replace(i, r);
        }
        if (times != 0) {
            QSaveFile out(path);
            if (out.open(QIODevice::WriteOnly)) {
                out.write(QJsonDocument(rules).toJson());
                out.commit();
            }
        }
        Fault fault;
        const QString action = r.value(QStringLiteral("action")).toString();
        if (action == QStringLiteral("fail"))
            fault.action = FaultAction::Fail;
        else if (action == QStringLiteral("hang"))
            fault.action = FaultAction::Hang;
        else if (action == QStringLiteral("garbage"))
            fault.action = FaultAction::Garbage;
        fault.exitCode = r.value(QStringLiteral("exit")).toInt(1);
        fault.message = r.value(QStringLiteral("message")).toString();
        return fault;
    }
    return none;
}

int applyFaultGeneric(const Fault& fault, const QString& tool)
{
    switch (fault.action) {
    case FaultAction::None:
        return -1;
    case FaultAction::Fail: {
        const QString msg
            = fault.message.isEmpty() ? tool + QStringLiteral(": injected fault") : fault.message;
        std::fprintf(stderr, "%s\n", msg.toLocal8Bit().constData());
        std::fflush(stderr);
        return fault.exitCode;
    }
    case FaultAction::Hang:
        while (true)
            QThread::sleep(3600);
    case FaultAction::Garbage: {
        auto* rng = QRandomGenerator::global();
        for (int line = 0; line < 5; ++line) {
            // Always a few printf/QString::arg markers too: a message that quotes this output must not
            // expand them (chained .arg() calls would).
            QByteArray bytes = line == 0 ? QByteArrayLiteral("%1%2 %5 %n %s ") : QByteArray();
            for (int i = 0; i < 40; ++i)
                bytes.append(char(33 + rng->bounded(94)));
            std::printf("%s\n", bytes.constData());
        }
        std::fflush(stdout);
        return 0;
    }
    }
    return -1;
}

namespace {

QJsonArray readRules(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

bool ruleNodeMatches(const QJsonObject& rule, const QString& node)
{
    const QString rn = rule.value(QStringLiteral("node")).toString();
    return rn.isEmpty() || rn == QStringLiteral("*") || rn == node;
}

} // namespace

bool faultKindActive(const QString& sandboxRoot, const QString& kind, const QString& node, QJsonObject* rule)
{
    if (sandboxRoot.isEmpty())
        return false;
    const QString path = sandboxRoot + QStringLiteral("/faults.json");
    if (!QFile::exists(path))
        return false;
    const QJsonArray rules = readRules(path);
    for (const QJsonValue& v : rules) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("kind")).toString() == kind && ruleNodeMatches(r, node)) {
            if (rule)
                *rule = r;
            return true;
        }
    }
    return false;
}

bool setFaultKind(const QString& sandboxRoot, const QString& kind, const QString& node, bool on,
    const QJsonObject& extra, QString* error)
{
    const QString path = sandboxRoot + QStringLiteral("/faults.json");
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(10000)) {
        if (error)
            *error = QStringLiteral("cannot lock %1").arg(path);
        return false;
    }
    const QString wanted = node.isEmpty() ? QStringLiteral("*") : node;
    QJsonArray rules = readRules(path);
    for (int i = int(rules.size()) - 1; i >= 0; --i) {
        const QJsonObject r = rules.at(i).toObject();
        const QString rn = r.value(QStringLiteral("node")).toString();
        if (r.value(QStringLiteral("kind")).toString() == kind
            && (rn.isEmpty() ? QStringLiteral("*") : rn) == wanted)
            rules.removeAt(i);
    }
    if (on) {
        QJsonObject r = extra;
        r.insert(QStringLiteral("kind"), kind);
        r.insert(QStringLiteral("node"), wanted);
        rules.append(r);
    }
    // Atomic replace: the tools read it without the lock.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(rules).toJson()) < 0 || !out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

QString stderrNoise(const QString& tool, const QString& node)
{
    // The server process and the MogHA daemon write to their own log files, not to a terminal.
    if (tool == QStringLiteral("mogha") || tool.isEmpty())
        return {};
    // What a command run as `ssh node 'sudo -u omm bash -lc "<tool> ..."'` shows on stderr before the tool
    // itself prints anything, on a host whose name is not in /etc/hosts and whose LC_ALL names a locale
    // that is not installed:
    // - sudo (plugins/sudoers/sudoers.c, "unable to resolve host %s" + gai_strerror(EAI_NONAME));
    // - bash (locale.c, set_locale_var: "setlocale: %s: cannot change locale (%s)").
    QString noise = QStringLiteral("sudo: unable to resolve host %1: Name or service not known\n")
                        .arg(node.isEmpty() ? QStringLiteral("localhost") : node);
    noise += QStringLiteral("bash: warning: setlocale: LC_ALL: cannot change locale (zh_CN.UTF-8)\n");
    if (tool == QStringLiteral("gsql") || tool == QStringLiteral("gs_ctl")) {
        // libpq, og-server@v2.0.1 src/common/interfaces/libpq/fe-connect.cpp PasswordFromFile(): printed on
        // every connection attempt while ~/.pgpass is group/world readable; the tool goes on.
        const QString home = qEnvironmentVariable("HOME", QStringLiteral("/home/omm"));
        const QString pgpass = qEnvironmentVariable("PGPASSFILE", home + QStringLiteral("/.pgpass"));
        noise += QStringLiteral(
            "WARNING: password file \"%1\" has group or world access; permissions should be "
            "u=rw (0600) or less\n")
                     .arg(pgpass);
    }
    if (tool == QStringLiteral("gs_om")) {
        // The OM is Python 3.6 with paramiko; cryptography 39 warns on import (captured verbatim in
        // iotexproject/iotex-bootstrap#250: ".../paramiko/transport.py:32: CryptographyDeprecationWarning:
        // ...").
        noise += QStringLiteral(
            "/usr/lib64/python3.6/site-packages/paramiko/transport.py:32: CryptographyDeprecationWarning: "
            "Python 3.6 "
            "is no longer supported by the Python core team. Therefore, support for it is deprecated in "
            "cryptography. "
            "The next release of cryptography (40.0) will be the last to support Python 3.6.\n"
            "  from cryptography.hazmat.backends import default_backend\n");
    }
    return noise;
}

} // namespace Sim
