#include "KnownHosts.h"

#include "Tr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <mutex>

namespace MogUp {

QString sshFingerprint(const QByteArray& keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:")
        + QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

QString sshKeyType(const QByteArray& keyBlob)
{
    // The blob starts with the type as an SSH string: uint32 big-endian length, then the bytes.
    if (keyBlob.size() < 4)
        return {};
    const auto* p = reinterpret_cast<const unsigned char*>(keyBlob.constData());
    const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    if (len == 0 || len > 64 || qsizetype(len) > keyBlob.size() - 4)
        return {};
    return QString::fromLatin1(keyBlob.constData() + 4, qsizetype(len));
}

QString knownHostsName(const QString& host, int port)
{
    if (port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

namespace {

// OpenSSH's match_pattern: '*' any run, '?' one character; hostnames compare case-insensitively.
bool globMatch(QStringView text, QStringView pattern)
{
    qsizetype t = 0, p = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p].toLower() == text[t].toLower())) {
            ++t;
            ++p;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

} // namespace

bool KnownHosts::hostMatches(const Entry& e, const QString& name) const
{
    if (e.hashed) {
        QMessageAuthenticationCode mac(QCryptographicHash::Sha1, e.salt);
        mac.addData(name.toUtf8());
        return mac.result() == e.hash;
    }
    // A comma list; a matching negated pattern excludes the host whatever else matches.
    bool matched = false;
    const QStringList patterns = e.hosts.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& pat : patterns) {
        if (pat.startsWith(QLatin1Char('!'))) {
            if (globMatch(name, QStringView(pat).mid(1)))
                return false;
        } else if (globMatch(name, pat)) {
            matched = true;
        }
    }
    return matched;
}

KnownHosts KnownHosts::load(const QString& path, QString* error)
{
    KnownHosts kh;
    kh.m_path = path;
    QFile f(path);
    if (!f.exists())
        return kh;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("cannot read %1: %2").arg(path, f.errorString());
        return kh;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        const QByteArray raw = f.readLine();
        ++lineNo;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        Entry e;
        e.line = lineNo;
        if (!fields.isEmpty() && fields.first().startsWith(QLatin1Char('@'))) {
            const QString marker = fields.takeFirst();
            if (marker == QLatin1String("@revoked"))
                e.marker = Entry::Marker::Revoked;
            else if (marker == QLatin1String("@cert-authority"))
                e.marker = Entry::Marker::CertAuthority;
            else
                continue; // unknown marker: OpenSSH ignores the line too
        }
        if (fields.size() < 3)
            continue;
        e.hosts = fields.at(0);
        e.key = QByteArray::fromBase64(fields.at(2).toLatin1());
        e.keyType = sshKeyType(e.key);
        if (e.keyType.isEmpty())
            e.keyType = fields.at(1);
        if (e.hosts.startsWith(QLatin1String("|1|"))) {
            const QStringList parts = e.hosts.split(QLatin1Char('|'));
            if (parts.size() != 4)
                continue;
            e.hashed = true;
            e.salt = QByteArray::fromBase64(parts.at(2).toLatin1());
            e.hash = QByteArray::fromBase64(parts.at(3).toLatin1());
            kh.m_usesHashing = true;
        }
        kh.m_entries.append(e);
    }
    return kh;
}

QStringList KnownHosts::keyTypesFor(const QString& host, int port) const
{
    const QString name = knownHostsName(host, port);
    QStringList types;
    for (const Entry& e : m_entries) {
        if (e.marker == Entry::Marker::None && !types.contains(e.keyType) && hostMatches(e, name))
            types.append(e.keyType);
    }
    return types;
}

KnownHosts::Check KnownHosts::check(const QString& host, int port, const QByteArray& keyBlob) const
{
    const QString name = knownHostsName(host, port);
    const QString type = sshKeyType(keyBlob);
    Check result;
    for (const Entry& e : m_entries) {
        if (e.marker == Entry::Marker::Revoked && e.key == keyBlob && hostMatches(e, name)) {
            result.status = Status::Revoked;
            result.line = e.line;
            return result;
        }
    }
    const Entry* changed = nullptr;
    for (const Entry& e : m_entries) {
        if (e.marker != Entry::Marker::None || e.keyType != type || !hostMatches(e, name))
            continue;
        if (e.key == keyBlob) {
            result.status = Status::Match;
            result.line = e.line;
            return result;
        }
        if (!changed)
            changed = &e;
    }
    // A different key of the same type for this host: somebody else answers, or the host was reinstalled.
    // Keys of other types only do not count as a change (OpenSSH treats the host as new then, too).
    if (changed) {
        result.status = Status::Changed;
        result.line = changed->line;
        result.oldKeyType = changed->keyType;
        result.oldFingerprint = sshFingerprint(changed->key);
    }
    return result;
}

bool KnownHosts::append(const QString& host, int port, const QByteArray& keyBlob, QString* error)
{
    const QString name = knownHostsName(host, port);
    const QString type = sshKeyType(keyBlob);
    QString hostField = name;
    QByteArray salt, hash;
    if (m_usesHashing) {
        // Same scheme as ssh-keygen -H: HMAC-SHA1 keyed with a random 20-byte salt.
        salt.resize(20);
        for (char& c : salt)
            c = char(QRandomGenerator::system()->bounded(256));
        QMessageAuthenticationCode mac(QCryptographicHash::Sha1, salt);
        mac.addData(name.toUtf8());
        hash = mac.result();
        hostField = QStringLiteral("|1|") + QString::fromLatin1(salt.toBase64()) + QLatin1Char('|')
            + QString::fromLatin1(hash.toBase64());
    }
    const QByteArray line = hostField.toUtf8() + ' ' + type.toLatin1() + ' ' + keyBlob.toBase64() + '\n';

    // Sessions to several nodes may record keys at the same moment.
    static std::mutex writeMutex;
    std::lock_guard<std::mutex> lock(writeMutex);
    const QFileInfo info(m_path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath())) {
            if (error)
                *error = Tr::tr("cannot create the directory %1").arg(dir.absolutePath());
            return false;
        }
        QFile::setPermissions(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QFile f(m_path);
    const bool existed = f.exists();
    if (!f.open(QIODevice::ReadWrite)) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    if (!existed)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Keep the previous last line intact when it has no line feed.
    QByteArray prefix;
    if (f.size() > 0) {
        f.seek(f.size() - 1);
        if (f.read(1) != "\n")
            prefix = "\n";
    }
    f.seek(f.size());
    const QByteArray data = prefix + line;
    if (f.write(data) != data.size() || !f.flush()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    f.seek(0);
    const int lineNo = int(f.readAll().count('\n'));
    f.close();

    Entry e;
    e.line = lineNo;
    e.hosts = hostField;
    e.hashed = m_usesHashing;
    e.salt = salt;
    e.hash = hash;
    e.keyType = type;
    e.key = keyBlob;
    m_entries.append(e);
    return true;
}

} // namespace MogUp
