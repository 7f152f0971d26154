#include "SimClusterConfig.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>

namespace Sim {

namespace {

constexpr int PageSize = 8192;
constexpr quint32 StaticVersion = 201;  // single-primary-multi-standby
constexpr quint32 DynamicVersion = 301; // BIN_CONFIG_VERSION_SINGLE_INST

template<typename T>
void appendLE(QByteArray* out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out->append(bytes, int(sizeof(T)));
}

template<typename T>
T readLE(const QByteArray& data, int offset)
{
    return qFromLittleEndian<T>(data.constData() + offset);
}

QByteArray pad(QByteArray page)
{
    if (page.size() < PageSize)
        page.append(QByteArray(PageSize - page.size(), '\0'));
    return page;
}

bool writeAll(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(data);
    if (!f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

QJsonObject pageObject(const QByteArray& data, int page)
{
    const int offset = page * PageSize;
    if (offset >= data.size())
        return {};
    QByteArray chunk = data.mid(offset, PageSize);
    const int zero = chunk.indexOf('\0');
    if (zero >= 0)
        chunk.truncate(zero);
    return QJsonDocument::fromJson(chunk).object();
}

} // namespace

quint32 crc32(const QByteArray& data)
{
    static quint32 table[256];
    static bool init = false;
    if (!init) {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        init = true;
    }
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

bool writeStaticConfig(const QString& path, const QList<StaticNodeRecord>& nodes, int localNodeId, QString* error)
{
    const quint32 total = quint32(PageSize * (nodes.size() + 1));
    QByteArray header;
    appendLE<quint32>(&header, total);
    appendLE<quint32>(&header, StaticVersion);
    appendLE<qint64>(&header, QDateTime::currentSecsSinceEpoch());
    appendLE<qint32>(&header, qint32(nodes.size()));
    appendLE<quint32>(&header, quint32(localNodeId));
    QByteArray file;
    appendLE<quint32>(&file, crc32(header));
    file.append(header);
    file = pad(file);
    for (const StaticNodeRecord& n : nodes) {
        const QJsonObject o { { QStringLiteral("id"), n.id }, { QStringLiteral("name"), n.name },
            { QStringLiteral("ip"), n.ip }, { QStringLiteral("port"), n.port },
            { QStringLiteral("instance_id"), n.instanceId }, { QStringLiteral("datadir"), n.datadir },
            { QStringLiteral("gausshome"), n.gausshome }, { QStringLiteral("role"), QString(n.installRole) },
            { QStringLiteral("cluster_name"), n.clusterName }, { QStringLiteral("az_name"), QStringLiteral("AZ1") } };
        QByteArray rec = QJsonDocument(o).toJson(QJsonDocument::Compact);
        if (rec.size() >= PageSize) {
            *error = QStringLiteral("node record of %1 is too long").arg(n.name);
            return false;
        }
        file.append(pad(rec));
    }
    return writeAll(path, file, error);
}

bool readStaticConfig(const QString& path, QList<StaticNodeRecord>* nodes, int* localNodeId, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("[GAUSS-50201] : The %1 does not exist.").arg(path);
        return false;
    }
    const QByteArray data = f.readAll();
    if (data.size() < 28 || readLE<quint32>(data, 0) != crc32(data.mid(4, 24))
        || readLE<quint32>(data, 8) != StaticVersion) {
        *error = QStringLiteral("[GAUSS-51236] : Failed to parse static configuration file %1.").arg(path);
        return false;
    }
    const int count = readLE<qint32>(data, 20);
    if (localNodeId)
        *localNodeId = int(readLE<quint32>(data, 24));
    nodes->clear();
    for (int i = 0; i < count; ++i) {
        const QJsonObject o = pageObject(data, i + 1);
        if (o.isEmpty()) {
            *error = QStringLiteral("[GAUSS-51236] : Failed to parse static configuration file %1.").arg(path);
            return false;
        }
        StaticNodeRecord n;
        n.id = o.value(QStringLiteral("id")).toInt();
        n.name = o.value(QStringLiteral("name")).toString();
        n.ip = o.value(QStringLiteral("ip")).toString();
        n.port = o.value(QStringLiteral("port")).toInt();
        n.instanceId = o.value(QStringLiteral("instance_id")).toInt();
        n.datadir = o.value(QStringLiteral("datadir")).toString();
        n.gausshome = o.value(QStringLiteral("gausshome")).toString();
        const QString role = o.value(QStringLiteral("role")).toString();
        n.installRole = role.isEmpty() ? QLatin1Char('S') : role.at(0);
        n.clusterName = o.value(QStringLiteral("cluster_name")).toString();
        nodes->append(n);
    }
    return true;
}

bool writeDynamicConfig(const QString& path, const QList<DynamicNodeRecord>& nodes, QString* error)
{
    QByteArray header;
    appendLE<quint32>(&header, 24);
    appendLE<quint32>(&header, DynamicVersion);
    appendLE<qint64>(&header, QDateTime::currentSecsSinceEpoch());
    appendLE<quint32>(&header, quint32(nodes.size()));
    QByteArray file;
    appendLE<quint32>(&file, crc32(header));
    file.append(header);
    file = pad(file);
    for (const DynamicNodeRecord& n : nodes) {
        const QJsonObject o { { QStringLiteral("id"), n.id }, { QStringLiteral("name"), n.name },
            { QStringLiteral("instance_id"), n.instanceId }, { QStringLiteral("role"), n.role },
            { QStringLiteral("datadir"), n.datadir } };
        file.append(pad(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    return writeAll(path, file, error);
}

bool readDynamicConfig(const QString& path, QList<DynamicNodeRecord>* nodes, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("[GAUSS-50201] : The %1 does not exist.").arg(path);
        return false;
    }
    const QByteArray data = f.readAll();
    if (data.size() < 24 || readLE<quint32>(data, 0) != crc32(data.mid(4, 20))
        || readLE<quint32>(data, 8) != DynamicVersion) {
        *error = QStringLiteral("[GAUSS-51236] : Failed to parse dynamic configuration file %1.").arg(path);
        return false;
    }
    const int count = int(readLE<quint32>(data, 20));
    nodes->clear();
    for (int i = 0; i < count; ++i) {
        const QJsonObject o = pageObject(data, i + 1);
        DynamicNodeRecord n;
        n.id = o.value(QStringLiteral("id")).toInt();
        n.name = o.value(QStringLiteral("name")).toString();
        n.instanceId = o.value(QStringLiteral("instance_id")).toInt();
        n.role = o.value(QStringLiteral("role")).toString();
        n.datadir = o.value(QStringLiteral("datadir")).toString();
        nodes->append(n);
    }
    return true;
}

QString modeForInstallRole(QChar role)
{
    if (role == QLatin1Char('P'))
        return QStringLiteral("primary");
    if (role == QLatin1Char('C'))
        return QStringLiteral("cascade_standby");
    return QStringLiteral("standby");
}

} // namespace Sim
