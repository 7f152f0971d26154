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
        const QString msg = fault.message.isEmpty() ? tool + QStringLiteral(": injected fault") : fault.message;
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

} // namespace Sim
