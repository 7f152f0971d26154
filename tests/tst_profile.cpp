#include "Profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace MogUp;

// The profile is a user-facing file: every mistake must come back naming the field, the node and a fix.
class Tst_Profile : public QObject
{
    Q_OBJECT

private:
    static QJsonObject sample()
    {
        // The example from the issue, verbatim in shape.
        return QJsonDocument::fromJson(R"({
          "name": "prod-a", "transport": "local", "install_method": "om", "mogha": true, "db_user": "omm",
          "package": { "file": "/path/MogDB-2.0.3-CentOS-x86_64.tar.gz", "on_nodes": false },
          "unpack_dir": "/opt/mogdb203",
          "nodes": [
            { "name": "node1", "host": "10.0.0.11", "ssh_port": 22, "ssh_user": "root", "auth": "agent", "key_file": "",
              "gausshome": "/opt/mogdb/app", "pgdata": "/opt/mogdb/data", "db_port": 26000, "env_file": "/home/omm/.bashrc" },
            { "name": "node2", "host": "10.0.0.12", "ssh_port": 22, "ssh_user": "root", "auth": "agent", "key_file": "",
              "gausshome": "/opt/mogdb/app", "pgdata": "/opt/mogdb/data", "db_port": 26000, "env_file": "/home/omm/.bashrc" }
          ] })")
            .object();
    }
    static void setNode(QJsonObject& o, int index, const QString& key, const QJsonValue& v)
    {
        QJsonArray nodes = o.value(QStringLiteral("nodes")).toArray();
        QJsonObject n = nodes.at(index).toObject();
        if (v.isUndefined())
            n.remove(key);
        else
            n.insert(key, v);
        nodes.replace(index, n);
        o.insert(QStringLiteral("nodes"), nodes);
    }

private slots:
    void sampleIsValid()
    {
        ClusterProfile p;
        QList<ProfileError> errors;
        QVERIFY2(ClusterProfile::fromJson(sample(), &p, &errors), qPrintable(errors.value(0).toString()));
        QCOMPARE(p.name, QStringLiteral("prod-a"));
        QCOMPARE(p.installMethod, InstallMethod::Om);
        QVERIFY(p.mogha);
        QCOMPARE(p.nodes.size(), 2);
        QCOMPARE(p.nodes.at(1).host, QStringLiteral("10.0.0.12"));
        QCOMPARE(p.unpackDirFor(p.nodes.at(0)), QStringLiteral("/opt/mogdb203"));
        QCOMPARE(p.nodes.at(0).role, NodeRole::Unspecified);
    }

    void perNodeUnpackDirOverrides()
    {
        QJsonObject o = sample();
        setNode(o, 1, QStringLiteral("unpack_dir"), QStringLiteral("/data/mogdb203"));
        ClusterProfile p;
        QVERIFY(ClusterProfile::fromJson(o, &p, nullptr));
        QCOMPARE(p.unpackDirFor(p.nodes.at(0)), QStringLiteral("/opt/mogdb203"));
        QCOMPARE(p.unpackDirFor(p.nodes.at(1)), QStringLiteral("/data/mogdb203"));
    }

    void saveLoadRoundTrip()
    {
        QJsonObject o = sample();
        setNode(o, 0, QStringLiteral("role"), QStringLiteral("primary"));
        ClusterProfile p;
        QVERIFY(ClusterProfile::fromJson(o, &p, nullptr));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QString error;
        QVERIFY2(p.save(path, &error), qPrintable(error));
        ClusterProfile back;
        QList<ProfileError> errors;
        QVERIFY2(ClusterProfile::load(path, &back, &errors), qPrintable(errors.value(0).toString()));
        QCOMPARE(back.toJson(), p.toJson());
        QCOMPARE(back.primaryNode()->name, QStringLiteral("node1"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("patch");   // a small edit, applied in rejects()
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("says");

        QTest::newRow("relative gausshome") << QByteArray("n1:gausshome=\"opt/mogdb/app\"") << "nodes[1].gausshome" << "node2" << "relative path";
        QTest::newRow("relative pgdata") << QByteArray("n0:pgdata=\"data\"") << "nodes[0].pgdata" << "node1" << "relative path";
        QTest::newRow("relative env_file") << QByteArray("n0:env_file=\"~/.bashrc\"") << "nodes[0].env_file" << "node1" << "relative path";
        QTest::newRow("missing pgdata") << QByteArray("n1:pgdata=-") << "nodes[1].pgdata" << "node2" << "missing";
        QTest::newRow("relative package") << QByteArray("package.file=\"MogDB-2.0.3-CentOS-x86_64.tar.gz\"") << "package.file" << "" << "relative path";
        QTest::newRow("relative unpack_dir") << QByteArray("unpack_dir=\"mogdb203\"") << "unpack_dir" << "" << "relative path";
        QTest::newRow("no unpack_dir anywhere") << QByteArray("unpack_dir=-") << "nodes[0].unpack_dir" << "node1" << "no unpack directory";
        QTest::newRow("duplicate name") << QByteArray("n1:name=\"node1\"") << "nodes[1].name" << "node1" << "used by node #1";
        QTest::newRow("duplicate host:port") << QByteArray("n1:host=\"10.0.0.11\"") << "nodes[1].db_port" << "node2" << "10.0.0.11:26000";
        QTest::newRow("port too big") << QByteArray("n1:db_port=70000") << "nodes[1].db_port" << "node2" << "out of range";
        QTest::newRow("port zero") << QByteArray("n0:ssh_port=0") << "nodes[0].ssh_port" << "node1" << "out of range";
        QTest::newRow("port as text") << QByteArray("n0:db_port=\"26000\"") << "nodes[0].db_port" << "node1" << "whole number";
        QTest::newRow("unknown transport") << QByteArray("transport=\"telnet\"") << "transport" << "" << "unknown value \"telnet\"";
        QTest::newRow("unknown install") << QByteArray("install_method=\"rpm\"") << "install_method" << "" << "unknown value \"rpm\"";
        QTest::newRow("unknown auth") << QByteArray("n0:auth=\"kerberos\"") << "nodes[0].auth" << "node1" << "unknown value \"kerberos\"";
        QTest::newRow("unknown role") << QByteArray("n0:role=\"leader\"") << "nodes[0].role" << "node1" << "unknown value \"leader\"";
        QTest::newRow("typo top key") << QByteArray("unpak_dir=\"/x\"") << "unpak_dir" << "" << "unknown key";
        QTest::newRow("typo node key") << QByteArray("n1:gaushome=\"/x\"") << "nodes[1].gaushome" << "node2" << "unknown key";
        QTest::newRow("typo package key") << QByteArray("package.onnodes=true") << "package.onnodes" << "" << "unknown key";
        QTest::newRow("two primaries") << QByteArray("n0:role=\"primary\";n1:role=\"primary\"") << "nodes" << "" << "2 nodes have role";
        QTest::newRow("no primary-capable node") << QByteArray("n0:role=\"cascade_standby\";n1:role=\"cascade_standby\"") << "nodes" << "" << "no node can be primary";
        QTest::newRow("empty nodes") << QByteArray("nodes=[]") << "nodes" << "" << "non-empty";
        QTest::newRow("mogha missing") << QByteArray("mogha=-") << "mogha" << "" << "missing";
        QTest::newRow("mogha as text") << QByteArray("mogha=\"yes\"") << "mogha" << "" << "true or false";
        QTest::newRow("relative sandbox") << QByteArray("sandbox=\"tmp/x\"") << "sandbox" << "" << "relative path";
        QTest::newRow("unknown host key policy") << QByteArray("host_key_policy=\"yes\"") << "host_key_policy" << "" << "unknown value \"yes\"";
        QTest::newRow("relative known_hosts") << QByteArray("known_hosts=\"known_hosts\"") << "known_hosts" << "" << "relative path";
        QTest::newRow("unknown become") << QByteArray("n1:become=\"doas\"") << "nodes[1].become" << "node2" << "unknown value \"doas\"";
        QTest::newRow("key auth without key") << QByteArray("transport=\"ssh\";n0:auth=\"key\"") << "nodes[0].key_file" << "node1" << "needed";
        QTest::newRow("bad node name") << QByteArray("n0:name=\"node 1\"") << "nodes[0].name" << "node 1" << "characters";
        QTest::newRow("negative catch-up lag") << QByteArray("catchup_max_lag_bytes=-1") << "catchup_max_lag_bytes" << "" << "whole number of bytes";
        QTest::newRow("fractional catch-up lag") << QByteArray("catchup_max_lag_bytes=1.5") << "catchup_max_lag_bytes" << "" << "whole number of bytes";
        QTest::newRow("catch-up lag as text") << QByteArray("catchup_max_lag_bytes=\"16M\"") << "catchup_max_lag_bytes" << "" << "whole number of bytes";
    }

    void rejects()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, field);
        QFETCH(QString, node);
        QFETCH(QString, says);
        QJsonObject o = sample();
        for (const QByteArray& edit : patch.split(';')) {
            const int eq = edit.indexOf('=');
            QString key = QString::fromUtf8(edit.left(eq));
            const QByteArray raw = edit.mid(eq + 1);
            const QJsonValue value = raw == "-" ? QJsonValue(QJsonValue::Undefined)
                                                : QJsonDocument::fromJson("[" + raw + "]").array().at(0);
            if (key.startsWith(QLatin1Char('n')) && key.at(1).isDigit()) {
                setNode(o, key.mid(1, 1).toInt(), key.mid(3), value);
            } else if (key.startsWith(QStringLiteral("package."))) {
                QJsonObject pkg = o.value(QStringLiteral("package")).toObject();
                pkg.insert(key.mid(8), value);
                o.insert(QStringLiteral("package"), pkg);
            } else if (value.isUndefined()) {
                o.remove(key);
            } else {
                o.insert(key, value);
            }
        }
        ClusterProfile p;
        QList<ProfileError> errors;
        QVERIFY(!ClusterProfile::fromJson(o, &p, &errors));
        bool found = false;
        QStringList all;
        for (const ProfileError& e : errors) {
            all << e.toString();
            if (e.field == field && e.node == node && e.toString().contains(says)) {
                found = true;
                QVERIFY2(!e.fix.isEmpty(), "every error says how to fix it");
            }
        }
        QVERIFY2(found, qPrintable(all.join(QStringLiteral(" || "))));
    }

    // The wizard edits a profile in memory and validates it with validate(): a value the file reader would
    // refuse is refused there too, naming field, node and fix (never read as a default).
    void validateRefusesEditedValues_data()
    {
        QTest::addColumn<QString>("nodeField");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        QTest::newRow("login method") << "auth" << "passwrd" << "nodes[1].auth" << "\"passwrd\" is not a login method";
        QTest::newRow("run as") << "become" << "doas" << "nodes[1].become" << "\"doas\" is not a way to run as";
        QTest::newRow("key without key file") << "auth" << "key" << "nodes[1].key_file" << "is needed when auth is \"key\"";
    }

    void validateRefusesEditedValues()
    {
        QFETCH(QString, nodeField);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QFETCH(QString, says);
        ClusterProfile p;
        QList<ProfileError> errors;
        QVERIFY(ClusterProfile::fromJson(sample(), &p, &errors));
        p.transport = Transport::Ssh;
        QVERIFY(p.validate().isEmpty());
        if (nodeField == QStringLiteral("auth"))
            p.nodes[1].auth = value;
        else
            p.nodes[1].become = value;
        const QList<ProfileError> found = p.validate();
        QStringList all;
        bool hit = false;
        for (const ProfileError& e : found) {
            all << e.toString();
            hit = hit || (e.field == field && e.node == QStringLiteral("node2") && e.toString().contains(says) && !e.fix.isEmpty());
        }
        QVERIFY2(hit, qPrintable(all.join(QStringLiteral(" || "))));
    }

    void unreadableFileNamesTheProblem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"name\": \"x\", ");
        f.close();
        ClusterProfile p;
        QList<ProfileError> errors;
        QVERIFY(!ClusterProfile::load(path, &p, &errors));
        QVERIFY(errors.first().toString().contains(QStringLiteral("not valid JSON")));
        QVERIFY(!ClusterProfile::load(dir.filePath(QStringLiteral("missing.json")), &p, &errors));
        QVERIFY(errors.first().toString().contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(Tst_Profile)
#include "tst_profile.moc"
