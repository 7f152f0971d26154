#include "SshExecutor.h"

#include "SshSession.h"
#include "Tr.h"

#include <QDir>

#include <map>
#include <mutex>
#include <thread>

namespace MogUp {

QString hostKeyPolicyName(HostKeyPolicy p)
{
    switch (p) {
    case HostKeyPolicy::Strict:
        return QStringLiteral("strict");
    case HostKeyPolicy::Ask:
        return QStringLiteral("ask");
    case HostKeyPolicy::AcceptNew:
        return QStringLiteral("accept-new");
    }
    return QStringLiteral("strict");
}

// One session per node, each used by one thread at a time (libssh2 handles must never be shared
// concurrently); different nodes run in parallel. A session found dead is replaced on the next command.
class SshSessionPool
{
public:
    SshSessionPool(const ClusterProfile& profile, SshOptions options, std::shared_ptr<SshInteraction> interaction)
        : m_profile(profile)
        , m_options(std::move(options))
        , m_interaction(std::move(interaction))
    {
        if (m_options.knownHostsFile.isEmpty())
            m_options.knownHostsFile = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    }

    ExecResult run(const NodeProfile& node, const QString& command, int timeoutMs, const CancelToken& cancel,
        const LineSink& sink)
    {
        Slot& s = slot(node);
        std::lock_guard<std::mutex> lock(s.mutex);
        bool fresh = false;
        if (!ensureConnected(s, node, cancel, &fresh)) {
            ExecResult r;
            r.error = s.session->lastConnect().error;
            return r;
        }
        bool lostBeforeStart = false;
        ExecResult r = s.session->exec(command, timeoutMs, cancel, sink, &lostBeforeStart);
        if (lostBeforeStart && !fresh && !cancel.isCancelled()) {
            // The connection died while idle (sshd restarted, network dropped): nothing ran yet, so
            // reconnect once and run the command now.
            const SshConnectResult c = s.session->connect(cancel);
            if (!c.ok) {
                ExecResult failed;
                failed.error = c.error;
                return failed;
            }
            r = s.session->exec(command, timeoutMs, cancel, sink, &lostBeforeStart);
        }
        return r;
    }

    TransferResult upload(const NodeProfile& node, const QString& localPath, const QString& remotePath, qint64 offset,
        const CancelToken& cancel, const ProgressSink& progress)
    {
        Slot& s = slot(node);
        std::lock_guard<std::mutex> lock(s.mutex);
        bool fresh = false;
        if (!ensureConnected(s, node, cancel, &fresh)) {
            TransferResult r;
            r.error = s.session->lastConnect().error;
            return r;
        }
        bool lostBeforeStart = false;
        TransferResult r = s.session->upload(localPath, remotePath, offset, cancel, progress, &lostBeforeStart);
        if (lostBeforeStart && !fresh && !cancel.isCancelled()) {
            // As for commands: the idle connection had died, nothing was written; once more on a new one.
            const SshConnectResult c = s.session->connect(cancel);
            if (!c.ok) {
                TransferResult failed;
                failed.error = c.error;
                return failed;
            }
            r = s.session->upload(localPath, remotePath, offset, cancel, progress, &lostBeforeStart);
        }
        return r;
    }

    SshConnectResult connect(const NodeProfile& node, const CancelToken& cancel)
    {
        Slot& s = slot(node);
        std::lock_guard<std::mutex> lock(s.mutex);
        bool fresh = false;
        ensureConnected(s, node, cancel, &fresh);
        return s.session->lastConnect();
    }

    QList<SshConnectResult> connectAll(const CancelToken& cancel)
    {
        const QList<NodeProfile> nodes = m_profile.nodes;
        QList<SshConnectResult> results(nodes.size());
        // One plain thread per node: the global QThreadPool may have fewer threads than nodes, and a login
        // that waits for a passphrase must not hold up the others.
        std::vector<std::thread> threads;
        threads.reserve(size_t(nodes.size()));
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            threads.emplace_back([this, &nodes, &results, &cancel, i] { results[i] = connect(nodes.at(i), cancel); });
        }
        for (std::thread& t : threads)
            t.join();
        return results;
    }

    void disconnectAll()
    {
        std::lock_guard<std::mutex> mapLock(m_mapMutex);
        for (auto& [name, s] : m_slots) {
            std::lock_guard<std::mutex> lock(s->mutex);
            if (s->session)
                s->session->close();
        }
    }

private:
    struct Slot
    {
        std::mutex mutex;
        NodeSecrets secrets; // declared before the session: the session points at it
        std::unique_ptr<SshSession> session;
    };

    Slot& slot(const NodeProfile& node)
    {
        std::lock_guard<std::mutex> lock(m_mapMutex);
        std::unique_ptr<Slot>& s = m_slots[node.name];
        if (!s)
            s = std::make_unique<Slot>();
        return *s;
    }

    bool ensureConnected(Slot& s, const NodeProfile& node, const CancelToken& cancel, bool* fresh)
    {
        if (!s.session)
            s.session = std::make_unique<SshSession>(node, m_options, m_profile.sandbox, m_interaction, &s.secrets);
        if (s.session->isConnected())
            return true;
        *fresh = true;
        return s.session->connect(cancel).ok;
    }

    ClusterProfile m_profile;
    SshOptions m_options;
    std::shared_ptr<SshInteraction> m_interaction;
    std::mutex m_mapMutex;
    std::map<QString, std::unique_ptr<Slot>> m_slots;
};

SshExecutor::SshExecutor(const ClusterProfile& profile, SshOptions options, std::shared_ptr<SshInteraction> interaction)
    : m_pool(std::make_unique<SshSessionPool>(profile, std::move(options), std::move(interaction)))
{
    ensureLibssh2Initialised();
}

SshExecutor::~SshExecutor()
{
    disconnectAll();
}

ExecResult SshExecutor::run(const NodeProfile& node, const QString& command, int timeoutMs, const CancelToken& cancel,
    const LineSink& sink)
{
    return m_pool->run(node, command, timeoutMs, cancel, sink);
}

TransferResult SshExecutor::upload(const NodeProfile& node, const QString& localPath, const QString& remotePath,
    qint64 offset, const CancelToken& cancel, const ProgressSink& progress)
{
    return m_pool->upload(node, localPath, remotePath, offset, cancel, progress);
}

QList<SshConnectResult> SshExecutor::connectAll(const CancelToken& cancel)
{
    return m_pool->connectAll(cancel);
}

void SshExecutor::disconnectAll()
{
    m_pool->disconnectAll();
}

} // namespace MogUp
