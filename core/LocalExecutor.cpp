#include "LocalExecutor.h"

#include "LineSplitter.h"
#include "Tr.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <signal.h>
#include <unistd.h>

namespace MogUp {

namespace {

void killGroup(QProcess& p)
{
    const qint64 pid = p.processId();
    if (pid <= 0)
        return;
    ::kill(-pid_t(pid), SIGTERM);
    if (!p.waitForFinished(2000)) {
        ::kill(-pid_t(pid), SIGKILL);
        p.waitForFinished(2000);
    }
}

} // namespace

LocalExecutor::LocalExecutor(const ClusterProfile& profile)
    : m_sandbox(profile.sandbox)
{
}

ExecResult LocalExecutor::run(const NodeProfile& node, const QString& command, int timeoutMs,
    const CancelToken& cancel, const LineSink& sink)
{
    ExecResult result;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_sandbox.isEmpty()) {
        env.insert(QStringLiteral("PATH"), m_sandbox + QStringLiteral("/bin:") + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("MOGUP_SIM_NODE"), node.name);
    }
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    // Own session and process group: cancel and timeout can then end everything the command started.
    p.setChildProcessModifier([] { ::setsid(); });
    p.start(QStringLiteral("/bin/bash"), { QStringLiteral("-c"), command });
    if (!p.waitForStarted(10000)) {
        result.error = Tr::tr("could not start the command on %1: %2").arg(node.name, p.errorString());
        return result;
    }
    result.started = true;

    LineSplitter out, err;
    auto emitOut = [&](const QString& text) {
        if (sink)
            sink(OutputLine { node.name, OutputStream::Stdout, QDateTime::currentDateTimeUtc(), text });
    };
    auto emitErr = [&](const QString& text) {
        if (sink)
            sink(OutputLine { node.name, OutputStream::Stderr, QDateTime::currentDateTimeUtc(), text });
    };
    auto drain = [&] {
        const QByteArray o = p.readAllStandardOutput();
        if (!o.isEmpty())
            out.feed(o, emitOut);
        const QByteArray e = p.readAllStandardError();
        if (!e.isEmpty())
            err.feed(e, emitErr);
    };

    QElapsedTimer clock;
    clock.start();
    while (p.state() != QProcess::NotRunning) {
        // Short waits keep cancel and timeout responsive; data on either pipe ends the wait early.
        p.waitForReadyRead(50);
        drain();
        if (cancel.isCancelled()) {
            result.cancelled = true;
            result.error = Tr::tr("cancelled");
            killGroup(p);
            break;
        }
        if (timeoutMs > 0 && clock.elapsed() > timeoutMs) {
            result.timedOut = true;
            result.error = Tr::tr("no result after %1 s; the command was ended").arg(timeoutMs / 1000.0, 0, 'f', 1);
            killGroup(p);
            break;
        }
    }
    p.waitForFinished(2000);
    drain();
    out.flush(emitOut);
    err.flush(emitErr);
    if (p.exitStatus() == QProcess::CrashExit && !result.cancelled && !result.timedOut) {
        result.signal = p.exitCode() > 0 ? p.exitCode() : SIGKILL;
        result.error = Tr::tr("ended by signal %1").arg(result.signal);
    }
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return result;
}

TransferResult LocalExecutor::upload(const NodeProfile& node, const QString& localPath, const QString& remotePath,
    qint64 offset, const CancelToken& cancel, const ProgressSink& progress)
{
    TransferResult r;
    QFile in(localPath);
    QFile out(remotePath);
    if (!in.open(QIODevice::ReadOnly)) {
        r.error = Tr::tr("%1: cannot read %2: %3").arg(node.name, localPath, in.errorString());
        return r;
    }
    const QIODevice::OpenMode mode = offset > 0 ? QIODevice::ReadWrite : (QIODevice::WriteOnly | QIODevice::Truncate);
    if (!out.open(mode) || (offset > 0 && (!out.resize(offset) || !out.seek(offset))) || !in.seek(offset)) {
        r.error = Tr::tr("%1: cannot write %2: %3").arg(node.name, remotePath, out.errorString());
        return r;
    }
    const qint64 total = in.size();
    QByteArray buffer(4 * 1024 * 1024, Qt::Uninitialized);
    QElapsedTimer clock;
    clock.start();
    qint64 done = offset;
    while (done < total) {
        if (cancel.isCancelled()) {
            r.cancelled = true;
            r.error = Tr::tr("%1: upload cancelled").arg(node.name);
            return r;
        }
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n <= 0 || out.write(buffer.constData(), n) != n) {
            r.error = Tr::tr("%1: writing %2 failed: %3").arg(node.name, remotePath, out.errorString());
            return r;
        }
        done += n;
        r.bytesSent += n;
        if (progress) {
            const double rate = r.bytesSent / std::max(0.001, clock.elapsed() / 1000.0);
            progress(TransferProgress { node.name, done, total, rate, rate > 0 ? int((total - done) / rate) : -1 });
        }
    }
    r.ok = out.flush();
    if (!r.ok)
        r.error = Tr::tr("%1: writing %2 failed: %3").arg(node.name, remotePath, out.errorString());
    return r;
}

} // namespace MogUp
