#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace MogUp {

// "SHA256:" + unpadded base64 of SHA-256 over the key blob: exactly what `ssh-keygen -lf` and `ssh` print.
QString sshFingerprint(const QByteArray& keyBlob);
// The key type written inside a public key blob ("ssh-ed25519", "ecdsa-sha2-nistp256", ...); empty if malformed.
QString sshKeyType(const QByteArray& keyBlob);
// How OpenSSH names a host in known_hosts: "host" on port 22, "[host]:port" on any other port.
QString knownHostsName(const QString& host, int port);

// An OpenSSH known_hosts file, read the way `ssh` reads it: plain and hashed (|1|salt|hash) host
// fields, comma lists, wildcards and negations, [host]:port names, @revoked lines. Written to only by
// appending one line, so the user's comments and ordering survive (libssh2's writefile rewrites the
// whole file and drops comments).
class KnownHosts
{
public:
    enum class Status { Match, Unknown, Changed, Revoked };
    struct Check
    {
        Status status = Status::Unknown;
        int line = 0;        // Match: the matching line; Changed: the line holding the old key; Revoked: the @revoked line
        QString oldKeyType;  // Changed: type of the key on that line
        QString oldFingerprint;
    };

    // A missing file is an empty known_hosts, not an error; an unreadable one is.
    static KnownHosts load(const QString& path, QString* error = nullptr);

    QString path() const { return m_path; }
    // Key types the file holds for this host, in file order without repeats: the session asks the server
    // for these first, or libssh2 would negotiate a type the file does not hold (false "unknown").
    QStringList keyTypesFor(const QString& host, int port) const;
    Check check(const QString& host, int port, const QByteArray& keyBlob) const;
    // Appends "name type base64" (hashed like the existing entries when the file already uses hashing),
    // creating the directory (0700) and file (0600) when missing.
    bool append(const QString& host, int port, const QByteArray& keyBlob, QString* error);

private:
    struct Entry
    {
        int line = 0;
        enum class Marker { None, Revoked, CertAuthority } marker = Marker::None;
        QString hosts;        // the host field as written (plain pattern list, or |1|salt|hash)
        QByteArray salt;      // hashed entries
        QByteArray hash;
        bool hashed = false;
        QString keyType;
        QByteArray key;
    };
    bool hostMatches(const Entry& e, const QString& name) const;

    QString m_path;
    QList<Entry> m_entries;
    bool m_usesHashing = false;
};

} // namespace MogUp
