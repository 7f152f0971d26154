#include "GuiSshInteraction.h"

#include "MessageBox.h"
#include "Tr.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QWidget>

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>

namespace MogUp {

namespace {

void wipe(QString& s)
{
    if (!s.isEmpty() && s.isDetached())
        s.fill(QChar(0));
    s.clear();
}

QString cacheKey(const SecretRequest& r)
{
    return QStringLiteral("%1\x1f%2\x1f%3").arg(r.node).arg(int(r.kind)).arg(r.user);
}

} // namespace

struct GuiSshInteraction::Shared
{
    // Lives in the GUI thread: questions from workers are queued onto it. Deleted with deleteLater, so
    // nothing queued runs against a dead object.
    QPointer<QObject> context;
    QPointer<QWidget> dialogParent; // read on the GUI thread only

    std::mutex askMutex; // one question at a time (held by the asking worker)
    std::mutex mutex; // guards everything below
    std::condition_variable answered;
    bool shutDown = false;
    std::map<QString, QString> secrets;

    ~Shared()
    {
        for (auto& [key, value] : secrets)
            wipe(value);
    }

    // Runs `ask` on the GUI thread and waits for its answer; `refused` when shut down meanwhile.
    template <typename T>
    T onGuiThread(const std::function<T()>& ask, const T& refused, const std::shared_ptr<Shared>& self)
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (shutDown || !context)
                return refused;
        }
        if (QThread::currentThread() == context->thread())
            return ask();
        std::lock_guard<std::mutex> oneAtATime(askMutex);
        struct Pending
        {
            bool done = false;
            bool abandoned = false;
            T value;
        };
        auto pending = std::make_shared<Pending>();
        pending->value = refused;
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (shutDown)
                return refused;
        }
        // A queued call and a condition variable rather than Qt::BlockingQueuedConnection: shutDown() can
        // then release a waiting worker while the GUI thread itself waits for that worker (a page's
        // destructor).
        QMetaObject::invokeMethod(
            context.data(),
            [self, pending, ask] {
                {
                    std::lock_guard<std::mutex> lock(self->mutex);
                    if (pending->abandoned || self->shutDown)
                        return;
                }
                T value = ask();
                {
                    std::lock_guard<std::mutex> lock(self->mutex);
                    pending->value = std::move(value);
                    pending->done = true;
                }
                self->answered.notify_all();
            },
            Qt::QueuedConnection);
        std::unique_lock<std::mutex> lock(mutex);
        answered.wait(lock, [&] { return pending->done || shutDown; });
        if (!pending->done) {
            pending->abandoned = true;
            return refused;
        }
        T value = std::move(pending->value);
        pending->value = refused;
        return value;
    }
};

GuiSshInteraction::GuiSshInteraction(QWidget* dialogParent)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->context = new QObject; // in the creating (GUI) thread
    m_shared->dialogParent = dialogParent;
}

GuiSshInteraction::~GuiSshInteraction()
{
    shutDown();
    forgetSecrets();
    if (m_shared->context)
        m_shared->context->deleteLater();
}

void GuiSshInteraction::shutDown()
{
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->shutDown = true;
    }
    m_shared->answered.notify_all();
}

void GuiSshInteraction::forgetSecrets()
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    for (auto& [key, value] : m_shared->secrets)
        wipe(value);
    m_shared->secrets.clear();
}

int GuiSshInteraction::keptSecrets() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return int(m_shared->secrets.size());
}

QString GuiSshInteraction::hostKeyTitle(const HostKeyInfo& key)
{
    return Tr::tr("Unknown host key of %1").arg(key.node);
}

QString GuiSshInteraction::hostKeyText(const HostKeyInfo& key)
{
    return Tr::tr(
        "The host key of node %1 (%2:%3) is not known yet.\n\n"
        "Key type: %4\n"
        "Fingerprint: %5\n\n"
        "Compare it with the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before you "
        "trust it. Trusting it adds it to %6; refusing leaves that file as it is, and MogUp does not log in "
        "to %1.")
        .arg(key.node, key.host)
        .arg(key.port)
        .arg(key.keyType, key.fingerprint, key.knownHostsFile);
}

QString GuiSshInteraction::secretTitle(const SecretRequest& request)
{
    switch (request.kind) {
    case SecretRequest::Kind::KeyPassphrase:
        return Tr::tr("Key passphrase for %1").arg(request.node);
    case SecretRequest::Kind::SudoPassword:
        return Tr::tr("sudo password for %1").arg(request.node);
    case SecretRequest::Kind::Password:
    case SecretRequest::Kind::KeyboardInteractive:
        break;
    }
    return Tr::tr("Password for %1").arg(request.node);
}

QString GuiSshInteraction::secretText(const SecretRequest& request)
{
    QString text;
    if (request.retry)
        text = Tr::tr("The previous answer was not accepted.") + QLatin1Char('\n');
    switch (request.kind) {
    case SecretRequest::Kind::Password:
        text += Tr::tr("Password of %1 on %2 (node %3):").arg(request.user, request.host, request.node);
        break;
    case SecretRequest::Kind::KeyboardInteractive:
        text += Tr::tr("The server of node %1 asks %2 on %3:").arg(request.node, request.user, request.host)
            + QLatin1Char('\n') + (request.prompt.isEmpty() ? Tr::tr("Password:") : request.prompt);
        break;
    case SecretRequest::Kind::KeyPassphrase:
        text += Tr::tr("Passphrase of the key %1 (user %2, node %3):")
                    .arg(request.prompt, request.user, request.node);
        break;
    case SecretRequest::Kind::SudoPassword:
        text += Tr::tr("sudo password of %1 on %2 (node %3):").arg(request.user, request.host, request.node);
        break;
    }
    text += QLatin1Char('\n') + Tr::tr("It is kept in memory only, until the wizard closes.");
    return text;
}

std::optional<QString> GuiSshInteraction::secret(const SecretRequest& request)
{
    const QString key = cacheKey(request);
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        const auto it = m_shared->secrets.find(key);
        if (it != m_shared->secrets.end()) {
            if (!request.retry)
                return it->second;
            // The kept answer was wrong: drop it and ask again.
            wipe(it->second);
            m_shared->secrets.erase(it);
        }
    }
    std::weak_ptr<Shared> weak = m_shared;
    const std::function<std::optional<QString>()> ask = [weak, request]() -> std::optional<QString> {
        const std::shared_ptr<Shared> shared = weak.lock();
        QWidget* parent = shared ? shared->dialogParent.data() : nullptr;
        return MessageBox::askSecret(parent, secretTitle(request), secretText(request));
    };
    std::optional<QString> answer
        = m_shared->onGuiThread<std::optional<QString>>(ask, std::nullopt, m_shared);
    if (answer) {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        QString& slot = m_shared->secrets[key];
        wipe(slot);
        slot = *answer;
    }
    return answer;
}

bool GuiSshInteraction::acceptHostKey(const HostKeyInfo& key)
{
    std::weak_ptr<Shared> weak = m_shared;
    const std::function<bool()> ask = [weak, key]() -> bool {
        const std::shared_ptr<Shared> shared = weak.lock();
        QWidget* parent = shared ? shared->dialogParent.data() : nullptr;
        return MessageBox::askHostKey(parent, hostKeyTitle(key), hostKeyText(key));
    };
    return m_shared->onGuiThread<bool>(ask, false, m_shared);
}

} // namespace MogUp
