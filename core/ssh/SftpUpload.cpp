#include "SftpUpload.h"

#include "SshSession.h"
#include "Tr.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>

#include <libssh2.h>
#include <libssh2_sftp.h>

#include <cstring>
#include <functional>
#include <sys/socket.h>

namespace MogUp {

namespace {

QString bytesText(qint64 bytes)
{
    if (bytes >= 1024LL * 1024 * 1024)
        return Tr::tr("%1 GiB").arg(bytes / 1024.0 / 1024 / 1024, 0, 'f', 2);
    if (bytes >= 1024 * 1024)
        return Tr::tr("%1 MiB").arg(bytes / 1024.0 / 1024, 0, 'f', 1);
    if (bytes >= 1024)
        return Tr::tr("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
    return Tr::tr("%1 bytes").arg(bytes);
}

// What an SFTP status code means to the operator. OpenSSH's sftp-server maps errno to the few codes of
// protocol version 3: EACCES/EPERM = permission denied, ENOENT/ENOTDIR = no such file, and everything
// else (ENOSPC, EISDIR, EROFS, EDQUOT...) = a bare "failure".
QString sftpReason(unsigned long code)
{
    switch (code) {
    case LIBSSH2_FX_NO_SUCH_FILE:
    case LIBSSH2_FX_NO_SUCH_PATH:
    case LIBSSH2_FX_NOT_A_DIRECTORY:
        return Tr::tr("no such file or directory (does the folder exist?)");
    case LIBSSH2_FX_PERMISSION_DENIED:
    case LIBSSH2_FX_WRITE_PROTECT:
        return Tr::tr("permission denied");
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
        return Tr::tr("no space left on the node's file system");
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return Tr::tr("the disk quota of the login user is exceeded");
    case LIBSSH2_FX_OP_UNSUPPORTED:
        return Tr::tr("the node's SFTP server does not support this operation");
    case LIBSSH2_FX_INVALID_FILENAME:
        return Tr::tr("invalid file name");
    default:
        return Tr::tr("the node's SFTP server reported a failure (SFTP status %1: the path may be a folder, on a "
                      "read-only file system, or the disk may be full)")
            .arg(code);
    }
}

bool isConnectionError(int rc)
{
    return rc == LIBSSH2_ERROR_SOCKET_SEND || rc == LIBSSH2_ERROR_SOCKET_RECV || rc == LIBSSH2_ERROR_SOCKET_DISCONNECT
        || rc == LIBSSH2_ERROR_SOCKET_TIMEOUT || rc == LIBSSH2_ERROR_TIMEOUT || rc == LIBSSH2_ERROR_BANNER_RECV
        || rc == LIBSSH2_ERROR_BANNER_SEND || rc == LIBSSH2_ERROR_CHANNEL_CLOSED || rc == LIBSSH2_ERROR_CHANNEL_EOF_SENT
        || rc == LIBSSH2_ERROR_DECRYPT || rc == LIBSSH2_ERROR_INVALID_MAC;
}

} // namespace

TransferResult SshSession::upload(const QString& localPath, const QString& remotePath, qint64 offset,
    const CancelToken& cancel, const ProgressSink& progress, bool* lostBeforeStart)
{
    TransferResult r;
    *lostBeforeStart = false;

    QFile in(localPath);
    if (!in.open(QIODevice::ReadOnly)) {
        r.error = failure(Tr::tr("cannot read %1 on this machine: %2").arg(localPath, in.errorString()));
        return r;
    }
    const qint64 total = in.size();
    if (offset < 0 || offset > total || !in.seek(offset)) {
        r.error = failure(Tr::tr("cannot continue the upload of %1 at byte %2: the local file %3 has %4 bytes")
                              .arg(remotePath)
                              .arg(offset)
                              .arg(localPath)
                              .arg(total));
        return r;
    }
    if (!isConnected()) {
        *lostBeforeStart = true;
        r.error = failure(Tr::tr("not connected"));
        return r;
    }

    // Non-blocking libssh2 call until it stops saying EAGAIN, or the deadline / cancel ends the wait.
    // Waits on the socket (never sleeps), in slices short enough to notice cancel.
    auto retryCall = [this](const QDeadlineTimer& deadline, auto&& call) -> int {
        while (true) {
            const int rc = int(call());
            if (rc != LIBSSH2_ERROR_EAGAIN)
                return rc;
            if (deadline.hasExpired())
                return LIBSSH2_ERROR_TIMEOUT;
            const qint64 left = deadline.remainingTime();
            waitSocket(left < 0 ? 100 : int(qBound(qint64(1), left, qint64(100))));
        }
    };
    const QByteArray remote = remotePath.toUtf8();
    const QDeadlineTimer setup = loginDeadline();
    LIBSSH2_SFTP* sftp = nullptr;
    LIBSSH2_SFTP_HANDLE* handle = nullptr;
    // The SFTP channel and the file handle are closed on every way out; when the peer does not answer
    // the close in time, the session is dropped (its state is unknown) and the next call reconnects.
    auto closeAll = [&](int ms) {
        const QDeadlineTimer deadline(ms);
        bool clean = true;
        if (handle) {
            clean = retryCall(deadline, [&] { return libssh2_sftp_close_handle(handle); }) == 0;
            handle = nullptr;
        }
        if (sftp) {
            clean = retryCall(deadline, [&] { return libssh2_sftp_shutdown(sftp); }) == 0 && clean;
            sftp = nullptr;
        }
        return clean;
    };
    struct Guard
    {
        std::function<void()> f;
        ~Guard() { f(); }
    } guard { [&] {
        if ((handle || sftp) && !closeAll(2000))
            markLost();
    } };

    int rc = 0;
    while (!(sftp = libssh2_sftp_init(m_session))) {
        rc = libssh2_session_last_errno(m_session);
        if (rc != LIBSSH2_ERROR_EAGAIN)
            break;
        if (setup.hasExpired()) {
            rc = LIBSSH2_ERROR_TIMEOUT;
            break;
        }
        waitSocket(100);
    }
    if (!sftp) {
        if (isConnectionError(rc) || rc == LIBSSH2_ERROR_EAGAIN) {
            // Nothing was written: the caller may reconnect and start over.
            *lostBeforeStart = true;
            r.error = failure(Tr::tr("the connection was lost before the upload of %1 started: %2").arg(remotePath, lastError()));
            markLost();
        } else {
            r.error = failure(Tr::tr("the SSH server offers no SFTP (is \"Subsystem sftp\" set in its sshd_config?): %1")
                                  .arg(lastError()));
        }
        return r;
    }

    // offset 0: a new file (an old one is truncated); offset > 0: continue a partial file, never create one.
    const unsigned long flags = offset > 0 ? LIBSSH2_FXF_WRITE : (LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_TRUNC);
    const long mode = LIBSSH2_SFTP_S_IRUSR | LIBSSH2_SFTP_S_IWUSR | LIBSSH2_SFTP_S_IRGRP | LIBSSH2_SFTP_S_IROTH; // 0644
    while (!(handle = libssh2_sftp_open_ex(sftp, remote.constData(), unsigned(remote.size()), flags, mode, LIBSSH2_SFTP_OPENFILE))) {
        rc = libssh2_session_last_errno(m_session);
        if (rc != LIBSSH2_ERROR_EAGAIN)
            break;
        if (setup.hasExpired()) {
            rc = LIBSSH2_ERROR_TIMEOUT;
            break;
        }
        waitSocket(100);
    }
    if (!handle) {
        if (rc == LIBSSH2_ERROR_SFTP_PROTOCOL)
            r.error = failure(Tr::tr("cannot open %1 for writing: %2").arg(remotePath, sftpReason(libssh2_sftp_last_error(sftp))));
        else
            r.error = failure(Tr::tr("cannot open %1 for writing: %2").arg(remotePath, lastError()));
        if (isConnectionError(rc))
            markLost();
        return r;
    }

    if (offset > 0) {
        // Resume only onto exactly the prefix that was checked: anything else would leave a corrupt file.
        LIBSSH2_SFTP_ATTRIBUTES attrs {};
        rc = retryCall(setup, [&] { return libssh2_sftp_fstat_ex(handle, &attrs, 0); });
        if (rc != 0) {
            r.error = failure(Tr::tr("cannot read the size of %1: %2").arg(remotePath, lastError()));
            return r;
        }
        const qint64 remoteSize = (attrs.flags & LIBSSH2_SFTP_ATTR_SIZE) ? qint64(attrs.filesize) : -1;
        if (remoteSize != offset) {
            r.error = failure(Tr::tr("cannot continue the upload of %1 at byte %2: the file there has %3 bytes; "
                                     "it must be sent again from the beginning")
                                  .arg(remotePath)
                                  .arg(offset)
                                  .arg(remoteSize));
            return r;
        }
        libssh2_sftp_seek64(handle, libssh2_uint64_t(offset));
    }

    // Too little room: say so before sending anything (OpenSSH reports a full disk only as "failure").
    LIBSSH2_SFTP_STATVFS fs {};
    const bool haveFs = retryCall(setup, [&] { return libssh2_sftp_fstatvfs(handle, &fs); }) == 0;
    auto freeBytes = [&] { return qint64(fs.f_bavail) * qint64(fs.f_frsize ? fs.f_frsize : fs.f_bsize); };
    if (haveFs && freeBytes() < total - offset) {
        r.error = failure(Tr::tr("no space left for %1: %2 to write, %3 free on the node's file system")
                              .arg(remotePath, bytesText(total - offset), bytesText(freeBytes())));
        return r;
    }

    // Sliding window over a buffer twice the pipeline depth: [start, end) holds bytes read from the file
    // and not yet acknowledged; each call passes at most `window` of them from `start`. libssh2 keeps
    // track of what it already sent, so the unacknowledged bytes must stay in place (same content at the
    // front of the next call); we move them to the buffer's head only once a whole window has been
    // acknowledged, which keeps copying to one pass over the data.
    // Whole packets only (a multiple of 30000), at least one.
    const qsizetype window = m_options.sftpWindowBytes > 0 ? qMax(kSftpPacket, m_options.sftpWindowBytes / kSftpPacket * kSftpPacket)
                                                           : kSftpWindow;
    QByteArray buffer(2 * window, Qt::Uninitialized);
    qsizetype start = 0;
    qsizetype end = 0;
    qint64 done = offset; // acknowledged by the node
    bool localEof = false;
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer sinceTick;
    sinceTick.start();
    m_lastHeard.restart();
    auto tick = [&](bool force) {
        if (!progress || (!force && sinceTick.elapsed() < kUploadProgressIntervalMs))
            return;
        sinceTick.restart();
        const double seconds = clock.nsecsElapsed() / 1e9;
        const double rate = seconds > 0 ? r.bytesSent / seconds : 0;
        progress(TransferProgress { m_node.name, done, total, rate, rate > 0 ? int((total - done) / rate) : -1 });
    };
    tick(true);
    auto lost = [&](const QString& why) {
        markLost();
        r.error = failure(Tr::tr("the connection was lost during the upload of %1 after %2 of %3 (%4); the next attempt "
                                 "continues from there")
                              .arg(remotePath, bytesText(done), bytesText(total), why));
        // Every further call on this connection now fails at once instead of waiting for a silent peer,
        // so the guard's close only frees libssh2's memory.
        if (m_sock >= 0)
            ::shutdown(m_sock, SHUT_RDWR);
        return r;
    };

    while (done < total) {
        if (cancel.isCancelled()) {
            r.cancelled = true;
            r.error = failure(Tr::tr("the upload of %1 was cancelled after %2 of %3").arg(remotePath, bytesText(done), bytesText(total)));
            return r; // the guard closes the handle (pending writes are answered first) and the channel
        }
        if (start >= window) {
            std::memmove(buffer.data(), buffer.constData() + start, size_t(end - start));
            end -= start;
            start = 0;
        }
        if (!localEof && end < buffer.size()) {
            const qint64 n = in.read(buffer.data() + end, buffer.size() - end);
            if (n < 0) {
                r.error = failure(Tr::tr("reading %1 on this machine failed: %2").arg(localPath, in.errorString()));
                return r;
            }
            end += qsizetype(n);
            localEof = n == 0 || in.atEnd();
        }
        if (end == start) {
            r.error = failure(Tr::tr("%1 on this machine became shorter during the upload").arg(localPath));
            return r;
        }
        const ssize_t n = libssh2_sftp_write(handle, buffer.constData() + start, size_t(qMin(end - start, window)));
        if (n > 0) {
            start += qsizetype(n);
            done += n;
            r.bytesSent += n;
            m_lastHeard.restart();
            tick(false);
            continue;
        }
        if (n == LIBSSH2_ERROR_EAGAIN) {
            // Acknowledgements come all the time while the node writes: silence means it is gone.
            if (m_lastHeard.elapsed() > silenceLimitMs())
                return lost(Tr::tr("no answer for %1 s").arg(m_lastHeard.elapsed() / 1000));
            waitSocket(100);
            continue;
        }
        if (n == LIBSSH2_ERROR_SFTP_PROTOCOL) {
            const unsigned long code = libssh2_sftp_last_error(sftp);
            QString why = sftpReason(code);
            if (code == LIBSSH2_FX_FAILURE && haveFs) {
                // Most likely the disk filled up meanwhile: look again.
                LIBSSH2_SFTP_STATVFS now {};
                if (retryCall(QDeadlineTimer(5000), [&] { return libssh2_sftp_fstatvfs(handle, &now); }) == 0) {
                    fs = now;
                    if (freeBytes() < total - done)
                        why = Tr::tr("no space left on the node's file system (%1 free)").arg(bytesText(freeBytes()));
                }
            }
            r.error = failure(Tr::tr("writing %1 failed after %2 of %3: %4").arg(remotePath, bytesText(done), bytesText(total), why));
            return r;
        }
        if (isConnectionError(int(n)))
            return lost(lastError());
        r.error = failure(Tr::tr("writing %1 failed after %2 of %3: %4").arg(remotePath, bytesText(done), bytesText(total), lastError()));
        return r;
    }

    // The node reports errors of its final write (NFS, quotas) only at close.
    rc = retryCall(QDeadlineTimer(qMax(5000, m_options.connectTimeoutMs)), [&] { return libssh2_sftp_close_handle(handle); });
    handle = nullptr;
    if (rc != 0) {
        if (isConnectionError(rc))
            return lost(lastError());
        r.error = failure(Tr::tr("closing %1 failed: %2").arg(remotePath,
            rc == LIBSSH2_ERROR_SFTP_PROTOCOL ? sftpReason(libssh2_sftp_last_error(sftp)) : lastError()));
        return r;
    }
    tick(true);
    r.ok = true;
    return r;
}

} // namespace MogUp
