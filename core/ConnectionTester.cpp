#include "ConnectionTester.h"

#include "ClusterStatusProbe.h"
#include "ExecutorForProfile.h"
#include "LocalExecutor.h"
#include "ReachabilityProbe.h"
#include "SshExecutor.h"
#include "Tr.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace MogUp {

namespace {

constexpr int kReachTimeoutMs = 3000;

bool passed(ConnectionStageResult o)
{
    return o == ConnectionStageResult::Ok || o == ConnectionStageResult::Local;
}

// Reads version, role and state of each given node, all at once (each node waits on its own network).
void probeNodes(Executor& executor, const ClusterProfile& profile, QList<ConnectionCheck>& checks,
    const QList<int>& which, const CancelToken& cancel)
{
    if (which.isEmpty())
        return;
    QThreadPool pool;
    pool.setMaxThreadCount(int(which.size()));
    const ClusterStatusProbe probe(executor, profile);
    const QList<NodeStatus> statuses = QtConcurrent::blockingMapped<QList<NodeStatus>>(
        &pool, which, [&](int index) { return probe.probe(profile.nodes.at(index), cancel); });
    for (qsizetype k = 0; k < which.size(); ++k) {
        ConnectionCheck& c = checks[which.at(k)];
        const NodeStatus& s = statuses.at(k);
        c.version = s.version;
        c.role = s.role;
        c.state = s.state;
        const bool read = !s.version.isEmpty() && s.state != QLatin1String("Unreachable")
            && s.state != QLatin1String("Unknown");
        c.probe = read ? ConnectionStageResult::Ok : ConnectionStageResult::Failed;
        c.probeText = s.summary();
        if (!read && c.detail.isEmpty())
            c.detail = s.detail.isEmpty() ? s.summary() : Tr::tr("%1: %2").arg(s.name, s.detail);
    }
}

} // namespace

bool ConnectionCheck::ok() const
{
    return passed(reachable) && passed(login) && probe == ConnectionStageResult::Ok;
}

ConnectionTester::ConnectionTester(const ClusterProfile& profile, std::shared_ptr<SshInteraction> interaction)
    : m_profile(profile)
    , m_interaction(std::move(interaction))
{
}

QString ConnectionTester::outcomeName(ConnectionStageResult outcome)
{
    switch (outcome) {
    case ConnectionStageResult::Ok:
        return Tr::tr("ok");
    case ConnectionStageResult::Local:
        return Tr::tr("local");
    case ConnectionStageResult::Failed:
        return Tr::tr("failed");
    case ConnectionStageResult::NotTried:
        return Tr::tr("not attempted");
    }
    return {};
}

QList<ConnectionCheck> ConnectionTester::run(const CancelToken& cancel) const
{
    return m_profile.transport == Transport::Local ? runLocal(cancel) : runSsh(cancel);
}

QList<ConnectionCheck> ConnectionTester::runLocal(const CancelToken& cancel) const
{
    // Transport local: every node's commands run on this machine as the current user. There is no network,
    // host key or login to test, and the page says so rather than showing a green tick for them.
    QList<ConnectionCheck> checks;
    QList<int> all;
    for (const NodeProfile& n : m_profile.nodes) {
        ConnectionCheck c;
        c.node = n.name;
        c.address = Tr::tr("this machine");
        c.reachable = ConnectionStageResult::Local;
        c.reachableText = Tr::tr("local: commands run on this machine");
        c.hostKey = ConnectionCheck::HostKey::Local;
        c.hostKeyOutcome = ConnectionStageResult::Local;
        c.hostKeyText = Tr::tr("not used (transport local)");
        c.login = ConnectionStageResult::Local;
        c.loginText = Tr::tr("no login: runs as the current user");
        all.append(int(checks.size()));
        checks.append(c);
    }
    LocalExecutor executor(m_profile);
    probeNodes(executor, m_profile, checks, all, cancel);
    return checks;
}

QList<ConnectionCheck> ConnectionTester::runSsh(const CancelToken& cancel) const
{
    QList<ConnectionCheck> checks;
    const QList<Reachability> reach = ReachabilityProbe::check(m_profile, kReachTimeoutMs, false);
    // Only the nodes whose SSH port answered are logged into: the others would just wait out the login
    // timeout.
    ClusterProfile reachable = m_profile;
    reachable.nodes.clear();
    QList<int> reachableIndex; // position in m_profile.nodes of each node of `reachable`
    for (qsizetype i = 0; i < m_profile.nodes.size(); ++i) {
        const NodeProfile& n = m_profile.nodes.at(i);
        ConnectionCheck c;
        c.node = n.name;
        c.address = QStringLiteral("%1:%2").arg(n.host).arg(n.sshPort);
        const Reachability r = reach.value(i);
        c.reachable = r.ok ? ConnectionStageResult::Ok : ConnectionStageResult::Failed;
        c.reachableText = r.ok ? Tr::tr("answered in %1 ms").arg(r.ms) : r.message;
        if (r.ok) {
            reachable.nodes.append(n);
            reachableIndex.append(int(i));
        } else {
            c.detail = r.message;
            c.hostKeyText = Tr::tr("not checked");
            c.loginText = Tr::tr("not attempted: the node cannot be reached");
        }
        checks.append(c);
    }
    if (reachable.nodes.isEmpty() || cancel.isCancelled())
        return checks;

    SshExecutor executor(reachable, sshOptionsFor(m_profile), m_interaction);
    const QList<SshConnectResult> connects = executor.connectAll(cancel);
    QList<int> loggedIn;
    for (qsizetype k = 0; k < connects.size(); ++k) {
        const SshConnectResult& r = connects.at(k);
        const NodeProfile& n = reachable.nodes.at(k);
        ConnectionCheck& c = checks[reachableIndex.at(k)];
        c.fingerprint = r.hostKey.fingerprint;
        c.keyType = r.hostKey.keyType;
        using HK = SshConnectResult::HostKeyCheck;
        switch (r.hostKeyCheck) {
        case HK::NotChecked:
            c.hostKey = ConnectionCheck::HostKey::Failed;
            c.hostKeyText = Tr::tr("not reached: the SSH connection failed first");
            break;
        case HK::Known:
            c.hostKey = ConnectionCheck::HostKey::Known;
            c.hostKeyText = Tr::tr("known (%1)").arg(c.fingerprint);
            break;
        case HK::Accepted:
            c.hostKey = ConnectionCheck::HostKey::AskedAccepted;
            c.hostKeyText = Tr::tr("new, accepted by you and recorded (%1)").arg(c.fingerprint);
            break;
        case HK::AcceptedNew:
            c.hostKey = ConnectionCheck::HostKey::AcceptedNew;
            c.hostKeyText = Tr::tr("new, trusted on first use and recorded (%1)").arg(c.fingerprint);
            break;
        case HK::NotAccepted:
            c.hostKey = ConnectionCheck::HostKey::Refused;
            c.hostKeyText = Tr::tr("refused by you (%1)").arg(c.fingerprint);
            break;
        case HK::Unknown:
            c.hostKey = ConnectionCheck::HostKey::Refused;
            c.hostKeyText = Tr::tr("unknown, refused by the host key policy \"%1\" (%2)")
                                .arg(m_profile.hostKeyPolicy, c.fingerprint);
            break;
        case HK::Changed:
            c.hostKey = ConnectionCheck::HostKey::Changed;
            c.hostKeyText = Tr::tr("CHANGED, refused: the server presents %1, known_hosts holds another key")
                                .arg(c.fingerprint);
            break;
        case HK::Revoked:
            c.hostKey = ConnectionCheck::HostKey::Revoked;
            c.hostKeyText = Tr::tr("revoked in known_hosts, refused (%1)").arg(c.fingerprint);
            break;
        case HK::NotRecorded:
            c.hostKey = ConnectionCheck::HostKey::Failed;
            c.hostKeyText = Tr::tr("accepted but could not be recorded in known_hosts");
            break;
        }
        const bool keyOk = r.hostKeyCheck == HK::Known || r.hostKeyCheck == HK::Accepted
            || r.hostKeyCheck == HK::AcceptedNew;
        c.hostKeyOutcome = keyOk ? ConnectionStageResult::Ok : ConnectionStageResult::Failed;
        if (!keyOk) {
            c.login = ConnectionStageResult::NotTried;
            c.loginText = Tr::tr("not attempted: the host key was not accepted");
        } else if (r.ok) {
            c.login = ConnectionStageResult::Ok;
            c.loginText = Tr::tr("logged in as %1 (%2)").arg(n.sshUser, r.authMethod);
            loggedIn.append(reachableIndex.at(k));
        } else {
            c.login = ConnectionStageResult::Failed;
            c.loginText = r.error;
        }
        if (!r.ok)
            c.detail = r.error;
    }
    // The probe runs each node's commands over the sessions just opened (the executor keeps them).
    // ClusterStatusProbe takes nodes by position in the profile it is given: hand it the full profile.
    probeNodes(executor, m_profile, checks, loggedIn, cancel);
    return checks;
}

} // namespace MogUp
