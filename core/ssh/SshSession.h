#pragma once

#include "Executor.h"
#include "Profile.h"
#include "SshExecutor.h"
#include "SshTypes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <optional>

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;
class QDeadlineTimer;

namespace MogUp {

// libssh2_init is not thread-safe; every entry point calls this first (a std::call_once).
void ensureLibssh2Initialised();

// Overwrites the characters before releasing them: a secret must not linger in freed memory.
void wipeSecret(QString& s);
void wipeSecret(QByteArray& b);

// The secrets one node's logins needed, kept (in memory only) for reconnects, wiped when dropped.
class NodeSecrets
{
public:
    NodeSecrets() = default;
    NodeSecrets(const NodeSecrets&) = delete;
    NodeSecrets& operator=(const NodeSecrets&) = delete;
    ~NodeSecrets();
    std::optional<QString> get(SecretRequest::Kind kind) const;
    void set(SecretRequest::Kind kind, const QString& value);
    void forget(SecretRequest::Kind kind);

private:
    mutable std::mutex m_mutex;
    std::map<int, QString> m_values;
};

// One SSH connection to one node (libssh2 session over our own TCP socket). Not thread-safe: the pool
// hands it to one thread at a time. Commands run one after another: ordinary commands through one
// long-lived shell channel (the login shell and its rc files run once per session, not once per command),
// `sudo -S -p ''` commands (they need their own stdin) and fallbacks each in their own exec channel.
class SshSession
{
public:
    SshSession(const NodeProfile& node, const SshOptions& options, const QString& sandbox,
        std::shared_ptr<SshInteraction> interaction, NodeSecrets* secrets);
    ~SshSession();
    SshSession(const SshSession&) = delete;
    SshSession& operator=(const SshSession&) = delete;

    // TCP connect, handshake, host key check, login; all within options.connectTimeoutMs (time spent
    // waiting for the user's answers does not count).
    SshConnectResult connect(const CancelToken& cancel);
    bool isConnected() const { return m_session != nullptr && !m_lost; }
    const SshConnectResult& lastConnect() const { return m_lastConnect; }

    // Runs one command. *lostBeforeStart is set when the session turned out to be dead before the command
    // was sent (the caller may reconnect and try once more without running anything twice).
    ExecResult exec(const QString& command, int timeoutMs, const CancelToken& cancel, const LineSink& sink,
        bool* lostBeforeStart);

    // Writes localPath[offset..] to remotePath over SFTP (Executor::upload's contract). Defined in
    // SftpUpload.cpp. *lostBeforeStart as for exec: nothing was written yet, a retry is safe.
    TransferResult upload(const QString& localPath, const QString& remotePath, qint64 offset,
        const CancelToken& cancel, const ProgressSink& progress, bool* lostBeforeStart);

    void close();
    // "node2 (127.0.0.2:2222)": every message names the node and where it was reached.
    QString where() const;

private:
    friend struct SshSessionCallbacks;

    bool openSocket(const QDeadlineTimer& deadline, QString* error);
    bool checkHostKey(QDeadlineTimer& deadline, SshConnectResult& r);
    bool authenticate(QDeadlineTimer& deadline, const CancelToken& cancel, SshConnectResult& r);
    bool authAgent(QDeadlineTimer& deadline, SshConnectResult& r);
    bool authKeyFile(QDeadlineTimer& deadline, SshConnectResult& r);
    bool authPassword(QDeadlineTimer& deadline, const QString& offered, SshConnectResult& r);
    bool authKeyboardInteractive(QDeadlineTimer& deadline, const QString& offered, SshConnectResult& r);
    std::optional<QString> askSecret(SecretRequest::Kind kind, const QString& prompt, bool retry);

    // Blocking-mode calls: each gets the time left until the deadline.
    bool setCallTimeout(const QDeadlineTimer& deadline);
    QString lastError() const;
    QString failure(const QString& what) const;

    // Non-blocking helpers for the command phase.
    void waitSocket(int ms);
    // The shared step of both read loops (exec channel, command shell) when a pass brought no end:
    // cancel, command timeout, keepalive and peer silence, then a short wait on the socket.
    enum class WaitVerdict { KeepWaiting, Cancelled, TimedOut, Lost };
    WaitVerdict waitForMore(const CancelToken& cancel, const QElapsedTimer& clock, int timeoutMs, bool progressed,
        QString* lostReason);
    template <typename Call>
    int retry(Call&& call, const QDeadlineTimer& deadline);
    LIBSSH2_CHANNEL* openChannel(const QDeadlineTimer& deadline, int* rc);
    bool closeChannel(LIBSSH2_CHANNEL* ch, const QDeadlineTimer& deadline);
    void freeChannel(LIBSSH2_CHANNEL* ch);
    bool endRemoteGroup(qint64 pgid);
    // The command shell: `exec /bin/bash --norc --noprofile -s` in one channel, fed one line per command.
    bool openShell();
    void dropShell();
    ExecResult execInShell(const QString& command, int timeoutMs, const CancelToken& cancel, const LineSink& sink,
        bool* shellUnusable);
    ExecResult execOnChannel(const QString& command, int timeoutMs, const CancelToken& cancel, const LineSink& sink,
        bool* lostBeforeStart);
    QDeadlineTimer loginDeadline() const;
    int silenceLimitMs() const;
    void markLost();

    NodeProfile m_node;
    SshOptions m_options;
    QString m_sandbox;
    std::shared_ptr<SshInteraction> m_interaction;
    NodeSecrets* m_secrets;

    int m_sock = -1;
    LIBSSH2_SESSION* m_session = nullptr;
    bool m_lost = false;
    QElapsedTimer m_lastHeard; // last time the peer sent anything: a live peer answers every keepalive
    SshConnectResult m_lastConnect;
    LIBSSH2_CHANNEL* m_shell = nullptr; // the command shell, opened on first use
    QByteArray m_shellToken;            // random per shell: its end-of-command markers cannot be forged by output
    bool m_noShell = false;             // the node could not run the command shell: exec channels until reconnect

    // keyboard-interactive: reached from libssh2's callback through the session's abstract pointer.
    QString m_kbdAnswer;
    bool m_kbdRetry = false;
    bool m_kbdRefused = false;
};

} // namespace MogUp
