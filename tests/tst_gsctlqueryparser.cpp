#include "GsCtlQueryParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using namespace MogUp;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(MOGUP_TEST_DATA_DIR "/gs_ctl_query/") + name;
}

// Reads a sample; an unreadable file yields a null string, which every caller checks.
QString sample(const QString& name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Every parsed field of a peer in one line, so a data row can state the whole expectation.
QString describePeer(const GsCtlReplicationPeer& p)
{
    return QStringList { QString::number(p.pid), p.localRole, p.peerRole, p.peerState, p.state,
        p.senderSentLocation, p.senderWriteLocation, p.senderFlushLocation, p.senderReplayLocation,
        p.receiverReceivedLocation, p.receiverWriteLocation, p.receiverFlushLocation,
        p.receiverReplayLocation, QString::number(p.syncPercent), p.syncState,
        QString::number(p.syncPriority), p.syncMostAvailable, p.channel }
        .join(QLatin1Char('|'));
}

QString describe(const GsCtlQuery& q)
{
    QStringList parts { q.serverRunning ? QStringLiteral("running") : QStringLiteral("stopped"),
        q.fallbackLayout ? QStringLiteral("fallback") : QStringLiteral("normal"), q.dataDir, q.ha.localRole,
        QString::number(q.ha.staticConnections), q.ha.dbState, q.ha.detailInformation, q.syncMode };
    for (const auto& s : q.senders)
        parts << QStringLiteral("S:") + describePeer(s);
    for (const auto& r : q.receivers)
        parts << QStringLiteral("R:") + describePeer(r);
    return parts.join(QLatin1Char('\n'));
}

// Replaces the value of the n-th (0-based) "<indent>key<pad> : value" line, keeping the layout.
QString withValue(const QString& text, const QString& key, const QString& value, int occurrence = 0)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    int seen = 0;
    for (QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(key + QLatin1Char(' ')) && trimmed.contains(QLatin1String(": "))) {
            if (seen++ == occurrence) {
                line = line.left(line.indexOf(QLatin1String(": ")) + 2) + value;
                return lines.join(QLatin1Char('\n'));
            }
        }
    }
    return QStringLiteral("withValue: no line for ") + key; // makes the test fail loudly
}

QString lineOf(const QString& text, int number)
{
    return text.split(QLatin1Char('\n')).value(number - 1);
}

QString firstLines(const QString& text, int count)
{
    return text.split(QLatin1Char('\n')).mid(0, count).join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString withoutLine(const QString& text, int number)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    lines.removeAt(number - 1);
    return lines.join(QLatin1Char('\n'));
}

QString withInsertedLine(const QString& text, int beforeNumber, const QString& line)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    lines.insert(beforeNumber - 1, line);
    return lines.join(QLatin1Char('\n'));
}

QString expectedError(int number, const QString& line, const QString& reason)
{
    return QStringLiteral("line %1: \"%2\": %3").arg(QString::number(number), line, reason);
}

const QString kPrimarySender
    = QStringLiteral("159041|Primary|Standby|Normal|Streaming|0/14000258|0/14000258|0/14000258|0/14000258|0/"
                     "14000258|0/14000258|"
                     "0/14000258|0/14000258|100|Sync|1|Off|172.16.0.106:26001-->172.16.0.245:60856");
const QString kStandbyReceiver = QStringLiteral(
    "123194|Standby|Primary|Normal|Normal|0/14000140|0/14000140|0/14000140|0/14000140|0/14000140|0/14000140|"
    "0/14000140|0/14000140|100||0||172.16.0.245:60856<--172.16.0.106:26001");
const QString kMiddleSender = QStringLiteral(
    "147043|Standby|Cascade Standby|Normal|Streaming|0/1A000140|0/1A000140|0/1A000140|0/1A000140|0/1A000140|"
    "0/1A000140|0/1A000140|0/1A000140|100|Async|0|Off|172.16.0.245:26001-->172.16.0.127:49110");
const QString kMiddleReceiver = QStringLiteral(
    "146771|Standby|Primary|Normal|Normal|0/1A000140|0/1A000140|0/1A000140|0/1A000140|0/1A000140|0/1A000140|"
    "0/1A000140|0/1A000140|100||0||172.16.0.245:34586<--172.16.0.106:26001");
const QString kCascadeReceiver = QStringLiteral(
    "273237|Cascade Standby|Standby|Normal|Normal|0/1A000140|0/1A000140|0/1A000140|0/1A000140|0/1A000140|"
    "0/1A000140|0/1A000140|0/1A000140|100||0||172.16.0.127:49110<--172.16.0.245:26001");

} // namespace

class Tst_gsctlqueryparser : public QObject
{
    Q_OBJECT
private slots:
    void samples_data();
    void samples();
    void blogAndDerivedAgree_data();
    void blogAndDerivedAgree();
    void layoutBytes();
    void haValues_data();
    void haValues();
    void peerValues_data();
    void peerValues();
    void notRunning_data();
    void notRunning();
    void fallback_data();
    void fallback();
    void damaged_data();
    void damaged();
    void emptyOutput();
    void randomGarbage();
    void mutatedSamples();
    void parseLsn_data();
    void parseLsn();
};

void Tst_gsctlqueryparser::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("dataDir");
    QTest::addColumn<QString>("localRole");
    QTest::addColumn<int>("staticConnections");
    QTest::addColumn<QString>("dbState");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QStringList>("senders");
    QTest::addColumn<QStringList>("receivers");

    const QString data = QStringLiteral("/opt/mogdb/data");
    QTest::newRow("blog primary") << "blog_mogdb200_primary.txt" << data << "Primary" << 1 << "Normal"
                                  << "Normal" << QStringList { kPrimarySender } << QStringList {};
    QTest::newRow("derived primary") << "mogdb200_primary.txt" << data << "Primary" << 1 << "Normal"
                                     << "Normal" << QStringList { kPrimarySender } << QStringList {};
    QTest::newRow("blog standby") << "blog_mogdb200_standby.txt" << data << "Standby" << 1 << "Normal"
                                  << "Normal" << QStringList {} << QStringList { kStandbyReceiver };
    QTest::newRow("derived standby") << "mogdb200_standby.txt" << data << "Standby" << 1 << "Normal"
                                     << "Normal" << QStringList {} << QStringList { kStandbyReceiver };
    QTest::newRow("blog standby with sender and receiver")
        << "blog_mogdb200_standby_with_cascade.txt" << data << "Standby" << 2 << "Normal"
        << "Normal" << QStringList { kMiddleSender } << QStringList { kMiddleReceiver };
    QTest::newRow("derived standby with sender and receiver")
        << "mogdb200_standby_with_cascade.txt" << data << "Standby" << 2 << "Normal"
        << "Normal" << QStringList { kMiddleSender } << QStringList { kMiddleReceiver };
    QTest::newRow("blog cascade standby")
        << "blog_mogdb200_cascade_standby.txt" << data << "Cascade Standby" << 2 << "Normal"
        << "Normal" << QStringList {} << QStringList { kCascadeReceiver };
    QTest::newRow("derived cascade standby")
        << "mogdb200_cascade_standby.txt" << data << "Cascade Standby" << 2 << "Normal"
        << "Normal" << QStringList {} << QStringList { kCascadeReceiver };
    QTest::newRow("docs og 2.0.1 primary, 4-space indent, no prefix")
        << "docs_og201_primary.txt"
        << "/opt/software/openGauss/data/master"
        << "Primary" << 1 << "Normal"
        << "Normal"
        << QStringList { QStringLiteral("5165|Primary|Standby|Normal|Streaming|0/4005148|0/4005148|0/4005148|"
                                        "0/4005148|0/4005148|0/4005148|0/4005148|0/4005148|100|Sync|1|Off|"
                                        "10.244.44.52:27001-->10.244.44.52:35912") }
        << QStringList {};
    QTest::newRow("primary with two standbys")
        << "mogdb201_primary_two_standbys.txt" << data << "Primary" << 2 << "Normal"
        << "Normal"
        << QStringList { QStringLiteral(
                             "30377|Primary|Standby|Normal|Streaming|0/5000A28|0/5000A28|0/5000A28|"
                             "0/5000A28|0/5000A28|0/5000A28|0/5000A28|0/5000A28|100|Sync|1|Off|"
                             "192.168.0.11:26001-->192.168.0.12:41738"),
               QStringLiteral("30391|Primary|Standby|Normal|Catchup|0/5000A28|0/5000A28|0/5000A28|0/5000A28|"
                              "0/4FFF000|0/4FFF000|0/4FFF000|0/4FF0E10|98|Potential|2|Off|"
                              "192.168.0.11:26001-->192.168.0.13:52210") }
        << QStringList {};
}

void Tst_gsctlqueryparser::samples()
{
    QFETCH(QString, file);
    QFETCH(QString, dataDir);
    QFETCH(QString, localRole);
    QFETCH(int, staticConnections);
    QFETCH(QString, dbState);
    QFETCH(QString, detail);
    QFETCH(QStringList, senders);
    QFETCH(QStringList, receivers);

    const QString text = sample(file);
    QVERIFY2(!text.isEmpty(), qPrintable(dataPath(file)));
    GsCtlQuery query;
    QString error;
    QVERIFY2(GsCtlQueryParser::parse(text, &query, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(query.serverRunning);
    QVERIFY(!query.fallbackLayout);
    QCOMPARE(query.dataDir, dataDir);
    QCOMPARE(query.ha.localRole, localRole);
    QCOMPARE(query.ha.staticConnections, staticConnections);
    QCOMPARE(query.ha.dbState, dbState);
    QCOMPARE(query.ha.detailInformation, detail);
    QCOMPARE(query.syncMode, QString());
    QStringList gotSenders, gotReceivers;
    for (const auto& s : std::as_const(query.senders))
        gotSenders << describePeer(s);
    for (const auto& r : std::as_const(query.receivers))
        gotReceivers << describePeer(r);
    QCOMPARE(gotSenders, senders);
    QCOMPARE(gotReceivers, receivers);
}

void Tst_gsctlqueryparser::blogAndDerivedAgree_data()
{
    QTest::addColumn<QString>("blog");
    QTest::addColumn<QString>("derived");
    QTest::newRow("primary") << "blog_mogdb200_primary.txt"
                             << "mogdb200_primary.txt";
    QTest::newRow("standby") << "blog_mogdb200_standby.txt"
                             << "mogdb200_standby.txt";
    QTest::newRow("middle standby") << "blog_mogdb200_standby_with_cascade.txt"
                                    << "mogdb200_standby_with_cascade.txt";
    QTest::newRow("cascade") << "blog_mogdb200_cascade_standby.txt"
                             << "mogdb200_cascade_standby.txt";
}

// The blog captures (8 spaces) and the byte-exact layout (TAB, padded headers) must mean the same.
void Tst_gsctlqueryparser::blogAndDerivedAgree()
{
    QFETCH(QString, blog);
    QFETCH(QString, derived);
    const QString blogText = sample(blog);
    const QString derivedText = sample(derived);
    QVERIFY(!blogText.isEmpty() && !derivedText.isEmpty());
    QVERIFY2(blogText != derivedText, "the two variants must differ in layout");
    GsCtlQuery a, b;
    QString error;
    QVERIFY2(GsCtlQueryParser::parse(blogText, &a, &error), qPrintable(error));
    QVERIFY2(GsCtlQueryParser::parse(derivedText, &b, &error), qPrintable(error));
    QCOMPARE(describe(a), describe(b));
}

// Guards the derived samples themselves: they must keep the bytes gs_ctl writes (§1.3).
void Tst_gsctlqueryparser::layoutBytes()
{
    const QString text = sample(QStringLiteral("mogdb200_primary.txt"));
    QVERIFY(!text.isEmpty());
    QCOMPARE(lineOf(text, 1),
        QStringLiteral(
            "[2021-06-13 07:51:41.119][159054][][gs_ctl]: gs_ctl query ,datadir is /opt/mogdb/data "));
    QCOMPARE(lineOf(text, 2), QStringLiteral(" HA state:           "));
    QCOMPARE(lineOf(text, 3), QStringLiteral("\tlocal_role                     : Primary"));
    QCOMPARE(lineOf(text, 8), QStringLiteral(" Senders info:       "));
    QCOMPARE(lineOf(text, 28), QStringLiteral(" Receiver info:      "));
    QCOMPARE(lineOf(text, 29), QStringLiteral("No information "));
    QVERIFY(text.endsWith(QLatin1String("No information \n")));
    const QString standby = sample(QStringLiteral("mogdb200_standby.txt"));
    QVERIFY(standby.endsWith(QLatin1String("172.16.0.245:60856<--172.16.0.106:26001\n\n")));
}

void Tst_gsctlqueryparser::haValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    // §1.4 value lists, each injected into the real standby sample.
    for (const char* role : { "Normal", "Primary", "Standby", "Cascade Standby", "Pending", "Unknown" })
        QTest::addRow("local_role %s", role) << "local_role" << QString::fromLatin1(role);
    for (const char* state : { "Normal", "Unknown", "Need repair", "Starting", "Wait promoting", "Demoting",
             "Promoting", "Building", "Catchup", "Coredump" })
        QTest::addRow("db_state %s", state) << "db_state" << QString::fromLatin1(state);
    for (const char* detail :
        { "Normal", "WAL segment removed", "Disconnected", "Version not matched", "Mode not matched",
            "System id not matched", "Timeline not matched", "Unknown", "Connecting..." })
        QTest::addRow("detail_information %s", detail) << "detail_information" << QString::fromLatin1(detail);
    QTest::newRow("static_connections 0") << "static_connections"
                                          << "0";
    QTest::newRow("static_connections 7") << "static_connections"
                                          << "7";
}

void Tst_gsctlqueryparser::haValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString text = withValue(sample(QStringLiteral("mogdb200_standby.txt")), key, value);
    GsCtlQuery query;
    QString error;
    QVERIFY2(GsCtlQueryParser::parse(text, &query, &error), qPrintable(error));
    if (key == QLatin1String("local_role"))
        QCOMPARE(query.ha.localRole, value);
    else if (key == QLatin1String("db_state"))
        QCOMPARE(query.ha.dbState, value);
    else if (key == QLatin1String("detail_information"))
        QCOMPARE(query.ha.detailInformation, value);
    else
        QCOMPARE(QString::number(query.ha.staticConnections), value);
}

void Tst_gsctlqueryparser::peerValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    const QString primary = QStringLiteral("mogdb200_primary.txt");
    const QString standby = QStringLiteral("mogdb200_standby.txt");
    for (const char* state : { "Startup", "Backup", "Catchup", "Streaming" })
        QTest::addRow("sender state %s", state) << primary << "state" << QString::fromLatin1(state);
    for (const char* sync : { "Async", "Sync", "Quorum", "Potential" })
        QTest::addRow("sync_state %s", sync) << primary << "sync_state" << QString::fromLatin1(sync);
    for (const char* role : { "Standby", "Cascade Standby", "Secondary" })
        QTest::addRow("sender peer_role %s", role) << primary << "peer_role" << QString::fromLatin1(role);
    for (const char* on : { "On", "Off" })
        QTest::addRow("sync_most_available %s", on)
            << primary << "sync_most_available" << QString::fromLatin1(on);
    QTest::newRow("sync_priority 0") << primary << "sync_priority"
                                     << "0";
    QTest::newRow("sync_priority 3") << primary << "sync_priority"
                                     << "3";
    QTest::newRow("sync_percent 0") << primary << "sync_percent"
                                    << "0%";
    QTest::newRow("sync_percent 57") << primary << "sync_percent"
                                     << "57%";
    for (const char* state : { "Normal", "Unknown", "Need repair", "Starting", "Wait promoting", "Demoting",
             "Promoting", "Building", "Catchup", "Coredump" }) {
        QTest::addRow("receiver state %s", state) << standby << "state" << QString::fromLatin1(state);
        QTest::addRow("peer_state %s", state) << standby << "peer_state" << QString::fromLatin1(state);
    }
    for (const char* role : { "Normal", "Primary", "Standby", "Cascade Standby", "Pending", "Unknown" })
        QTest::addRow("receiver peer_role %s", role) << standby << "peer_role" << QString::fromLatin1(role);
    QTest::newRow("receiver location high word") << standby << "receiver_replay_location"
                                                 << "1F/FFFFFFFF";
}

void Tst_gsctlqueryparser::peerValues()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    QFETCH(QString, value);
    // Each key used here occurs once per sample, in the single peer row.
    const QString text = withValue(sample(file), key, value);
    GsCtlQuery query;
    QString error;
    QVERIFY2(GsCtlQueryParser::parse(text, &query, &error), qPrintable(error));
    const bool sender = !query.senders.isEmpty();
    QCOMPARE(query.senders.size() + query.receivers.size(), 1);
    const GsCtlReplicationPeer& peer = sender ? query.senders.first() : query.receivers.first();
    if (key == QLatin1String("state"))
        QCOMPARE(peer.state, value);
    else if (key == QLatin1String("sync_state"))
        QCOMPARE(peer.syncState, value);
    else if (key == QLatin1String("peer_role"))
        QCOMPARE(peer.peerRole, value);
    else if (key == QLatin1String("peer_state"))
        QCOMPARE(peer.peerState, value);
    else if (key == QLatin1String("sync_most_available"))
        QCOMPARE(peer.syncMostAvailable, value);
    else if (key == QLatin1String("sync_priority"))
        QCOMPARE(QString::number(peer.syncPriority), value);
    else if (key == QLatin1String("sync_percent"))
        QCOMPARE(QString::number(peer.syncPercent) + QLatin1Char('%'), value);
    else if (key == QLatin1String("receiver_replay_location"))
        QCOMPARE(peer.receiverReplayLocation, value);
    else
        QFAIL("no assertion for this key");
}

void Tst_gsctlqueryparser::notRunning_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dataDir");
    QTest::newRow("blog: PID file does not exist")
        << sample(QStringLiteral("blog_not_running.txt")) << "/data/mogdb";
    QTest::newRow("derived: PID file does not exist")
        << sample(QStringLiteral("not_running.txt")) << "/opt/mogdb/data";
    QTest::newRow("derived: postmaster process not running, no final newline")
        << sample(QStringLiteral("dead_postmaster.txt")) << "/opt/mogdb/data";
    QTest::newRow("derived: pid file of another server") << QStringLiteral(
        "[2022-06-27 10:07:05.114][32020][][gs_ctl]: gs_ctl query ,datadir is /opt/mogdb/data \n"
        "[2022-06-27 10:07:05.114][32020][][gs_ctl]:  The process recorded in PID file "
        "\"/opt/mogdb/data/postmaster.pid\" is not current server\n"
        "[2022-06-27 10:07:05.114][32020][][gs_ctl]: Is server running?\n")
                                                         << "/opt/mogdb/data";
}

void Tst_gsctlqueryparser::notRunning()
{
    QFETCH(QString, text);
    QFETCH(QString, dataDir);
    QVERIFY(!text.isEmpty());
    GsCtlQuery query;
    query.serverRunning = true; // must be overwritten
    QString error;
    QVERIFY2(GsCtlQueryParser::parse(text, &query, &error), qPrintable(error));
    QVERIFY(!query.serverRunning);
    QCOMPARE(query.dataDir, dataDir);
    QVERIFY(query.ha.localRole.isEmpty());
    QVERIFY(query.senders.isEmpty());
    QVERIFY(query.receivers.isEmpty());
}

void Tst_gsctlqueryparser::fallback_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("localRole");
    QTest::addColumn<QString>("dbState");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("syncMode");
    QTest::newRow("no connection: Access denied") << "fallback_access_denied.txt"
                                                  << "Standby"
                                                  << "Starting"
                                                  << "Access denied"
                                                  << "Async";
    QTest::newRow("multi-line libpq error")
        << "fallback_libpq_error.txt"
        << "Primary"
        << "Starting"
        << "could not connect to server: No such file or directory Is the server running locally and "
           "accepting "
           "connections on Unix domain socket \"/opt/mogdb/tmp/.s.PGSQL.26000\"?"
        << "Sync";
}

void Tst_gsctlqueryparser::fallback()
{
    QFETCH(QString, file);
    QFETCH(QString, localRole);
    QFETCH(QString, dbState);
    QFETCH(QString, detail);
    QFETCH(QString, syncMode);
    const QString text = sample(file);
    QVERIFY(!text.isEmpty());
    GsCtlQuery query;
    QString error;
    QVERIFY2(GsCtlQueryParser::parse(text, &query, &error), qPrintable(error));
    QVERIFY(query.serverRunning);
    QVERIFY(query.fallbackLayout);
    QCOMPARE(query.ha.localRole, localRole);
    QCOMPARE(query.ha.staticConnections, 1);
    QCOMPARE(query.ha.dbState, dbState);
    QCOMPARE(query.ha.detailInformation, detail);
    QCOMPARE(query.syncMode, syncMode);
    QVERIFY(query.senders.isEmpty());
    QVERIFY(query.receivers.isEmpty());
}

void Tst_gsctlqueryparser::damaged_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString primary = sample(QStringLiteral("mogdb200_primary.txt"));
    const QString standby = sample(QStringLiteral("mogdb200_standby.txt"));
    const QString middle = sample(QStringLiteral("mogdb200_standby_with_cascade.txt"));
    const QString blog = sample(QStringLiteral("blog_mogdb200_primary.txt"));
    const QString fallbackText = sample(QStringLiteral("fallback_access_denied.txt"));

    QTest::newRow("misspelt local_role")
        << withValue(primary, QStringLiteral("local_role"), QStringLiteral("Primry"))
        << expectedError(3, QStringLiteral("\tlocal_role                     : Primry"),
               QStringLiteral("unknown local_role \"Primry\""));
    QTest::newRow("misspelt local_role, blog layout")
        << withValue(blog, QStringLiteral("local_role"), QStringLiteral("Primry"))
        << expectedError(3, QStringLiteral("        local_role                     : Primry"),
               QStringLiteral("unknown local_role \"Primry\""));
    QTest::newRow("unknown HA key") << QString(primary).replace(
        QStringLiteral("\tdb_state      "), QStringLiteral("\tdb_status     "))
                                    << expectedError(5,
                                           QStringLiteral("\tdb_status                      : Normal"),
                                           QStringLiteral("unknown HA state field \"db_status\""));
    QTest::newRow("unknown sender key")
        << QString(primary).replace(QStringLiteral("\tsync_state    "), QStringLiteral("\tsync_stat     "))
        << expectedError(23, QStringLiteral("\tsync_stat                      : Sync"),
               QStringLiteral("unknown sender field \"sync_stat\""));
    QTest::newRow("bad db_state") << withValue(primary, QStringLiteral("db_state"), QStringLiteral("Fine"))
                                  << expectedError(5,
                                         QStringLiteral("\tdb_state                       : Fine"),
                                         QStringLiteral("unknown db_state \"Fine\""));
    QTest::newRow("bad detail_information")
        << withValue(primary, QStringLiteral("detail_information"), QStringLiteral("Connecting"))
        << expectedError(6, QStringLiteral("\tdetail_information             : Connecting"),
               QStringLiteral("unknown detail_information \"Connecting\""));
    QTest::newRow("bad static_connections")
        << withValue(primary, QStringLiteral("static_connections"), QStringLiteral("one"))
        << expectedError(4, QStringLiteral("\tstatic_connections             : one"),
               QStringLiteral("bad static_connections \"one\""));
    QTest::newRow("bad sender state")
        << withValue(primary, QStringLiteral("state"), QStringLiteral("Streamin"))
        << expectedError(13, QStringLiteral("\tstate                          : Streamin"),
               QStringLiteral("unknown state \"Streamin\""));
    QTest::newRow("sender state in receiver")
        << withValue(standby, QStringLiteral("state"), QStringLiteral("Streaming"))
        << expectedError(15, QStringLiteral("\tstate                          : Streaming"),
               QStringLiteral("unknown state \"Streaming\""));
    QTest::newRow("Secondary as receiver peer_role")
        << withValue(standby, QStringLiteral("peer_role"), QStringLiteral("Secondary"))
        << expectedError(13, QStringLiteral("\tpeer_role                      : Secondary"),
               QStringLiteral("unknown peer_role \"Secondary\""));
    QTest::newRow("lower-case sync_state")
        << withValue(primary, QStringLiteral("sync_state"), QStringLiteral("sync"))
        << expectedError(23, QStringLiteral("\tsync_state                     : sync"),
               QStringLiteral("unknown sync_state \"sync\""));
    QTest::newRow("bad sync_most_available")
        << withValue(primary, QStringLiteral("sync_most_available"), QStringLiteral("Yes"))
        << expectedError(25, QStringLiteral("\tsync_most_available            : Yes"),
               QStringLiteral("unknown sync_most_available \"Yes\""));
    QTest::newRow("bad LSN") << withValue(
        primary, QStringLiteral("sender_flush_location"), QStringLiteral("0/1400025G"))
                             << expectedError(16,
                                    QStringLiteral("\tsender_flush_location          : 0/1400025G"),
                                    QStringLiteral("bad sender_flush_location \"0/1400025G\""));
    QTest::newRow("sync_percent over 100")
        << withValue(primary, QStringLiteral("sync_percent"), QStringLiteral("101%"))
        << expectedError(22, QStringLiteral("\tsync_percent                   : 101%"),
               QStringLiteral("bad sync_percent \"101%\""));
    QTest::newRow("sync_percent without %")
        << withValue(primary, QStringLiteral("sync_percent"), QStringLiteral("100"))
        << expectedError(22, QStringLiteral("\tsync_percent                   : 100"),
               QStringLiteral("bad sync_percent \"100\""));
    QTest::newRow("negative sync_priority")
        << withValue(primary, QStringLiteral("sync_priority"), QStringLiteral("-1"))
        << expectedError(24, QStringLiteral("\tsync_priority                  : -1"),
               QStringLiteral("bad sync_priority \"-1\""));
    QTest::newRow("zero pid") << withValue(primary, QStringLiteral("sender_pid"), QStringLiteral("0"))
                              << expectedError(9, QStringLiteral("\tsender_pid                     : 0"),
                                     QStringLiteral("bad pid \"0\""));
    QTest::newRow("receiver channel on a sender")
        << withValue(
               primary, QStringLiteral("channel"), QStringLiteral("172.16.0.106:26001<--172.16.0.245:60856"))
        << expectedError(26,
               QStringLiteral("\tchannel                        : 172.16.0.106:26001<--172.16.0.245:60856"),
               QStringLiteral("bad channel \"172.16.0.106:26001<--172.16.0.245:60856\""));
    QTest::newRow("truncated inside the sender row")
        << firstLines(primary, 20)
        << expectedError(20, QStringLiteral("\treceiver_flush_location        : 0/14000258"),
               QStringLiteral(
                   "sender row ends here without receiver_replay_location, sync_percent, sync_state, "
                   "sync_priority, sync_most_available, channel"));
    QTest::newRow("truncated inside the receiver row")
        << firstLines(standby, 20)
        << expectedError(20, QStringLiteral("\treceiver_received_location     : 0/14000140"),
               QStringLiteral(
                   "receiver row ends here without receiver_write_location, receiver_flush_location, "
                   "receiver_replay_location, sync_percent, channel"));
    QTest::newRow("truncated inside HA state")
        << firstLines(primary, 4)
        << expectedError(4, QStringLiteral("\tstatic_connections             : 1"),
               QStringLiteral("HA state ends here without db_state, detail_information"));
    QTest::newRow("truncated after the prefix line") << firstLines(primary,
        1) << expectedError(1, lineOf(primary, 1), QStringLiteral("output ends before the HA state section"));
    QTest::newRow("truncated before Receiver info")
        << firstLines(primary, 27)
        << expectedError(
               26, lineOf(primary, 26), QStringLiteral("output ends before the Receiver info section"));
    QTest::newRow("truncated right after the Receiver info header")
        << firstLines(primary, 28)
        << expectedError(28, QStringLiteral(" Receiver info:      "),
               QStringLiteral("section has neither rows nor \"No information\""));
    QTest::newRow("HA field missing")
        << withoutLine(primary, 5)
        << expectedError(5, QStringLiteral("\tdetail_information             : Normal"),
               QStringLiteral("HA state ends here without db_state"));
    QTest::newRow("garbage line in the sender row")
        << withInsertedLine(primary, 12, QStringLiteral("Segmentation fault (core dumped)"))
        << expectedError(
               12, QStringLiteral("Segmentation fault (core dumped)"), QStringLiteral("unrecognised line"));
    QTest::newRow("garbage line after detail_information")
        << withInsertedLine(primary, 7, QStringLiteral("\tsomething odd"))
        << expectedError(7, QStringLiteral("\tsomething odd"), QStringLiteral("unrecognised line"));
    QTest::newRow("duplicate field") << withInsertedLine(
        primary, 10, QStringLiteral("\tlocal_role                     : Primary"))
                                     << expectedError(11,
                                            QStringLiteral("\tlocal_role                     : Primary"),
                                            QStringLiteral("field \"local_role\" printed twice"));
    QTest::newRow("row after No information")
        << withInsertedLine(standby, 10, QStringLiteral("\tsender_pid                     : 1"))
        << expectedError(10, QStringLiteral("\tsender_pid                     : 1"),
               QStringLiteral("field after \"No information\""));
    QTest::newRow("row not starting with the pid")
        << withoutLine(primary, 9)
        << expectedError(9, QStringLiteral("\tlocal_role                     : Primary"),
               QStringLiteral("row does not start with sender_pid"));
    QTest::newRow("exc_sql failed")
        << withInsertedLine(
               primary, 9, QStringLiteral("[2021-06-13 07:51:41.120][159054][][gs_ctl]: exc_sql failed."))
        << expectedError(9, QStringLiteral("[2021-06-13 07:51:41.120][159054][][gs_ctl]: exc_sql failed."),
               QStringLiteral("unexpected gs_ctl message"));
    QTest::newRow("misspelt section header")
        << QString(middle).replace(
               QStringLiteral(" Senders info:       \n"), QStringLiteral(" Sendxrs info:\n"))
        << expectedError(8, QStringLiteral(" Sendxrs info:"), QStringLiteral("unrecognised line"));
    QTest::newRow("garbage right after detail_information, then an unknown key")
        << withInsertedLine(
               withInsertedLine(primary, 7, QStringLiteral("\tbad_key                        : 1")), 7,
               QStringLiteral("\tnot a field"))
        << expectedError(7, QStringLiteral("\tnot a field"), QStringLiteral("unrecognised line"));
    QTest::newRow("receiver before senders")
        << withInsertedLine(primary, 8, QStringLiteral(" Receiver info:      "))
        << expectedError(8, QStringLiteral(" Receiver info:      "), QStringLiteral("section out of order"));
    QTest::newRow("HA state twice") << withInsertedLine(primary, 8, QStringLiteral(" HA state:           "))
                                    << expectedError(8, QStringLiteral(" HA state:           "),
                                           QStringLiteral("section printed twice"));
    QTest::newRow("not running, then results")
        << sample(QStringLiteral("not_running.txt")) + primary.section(QLatin1Char('\n'), 1, -1)
        << expectedError(2, lineOf(sample(QStringLiteral("not_running.txt")), 2),
               QStringLiteral("server reported not running, yet printed results"));
    QTest::newRow("fallback without sync_mode")
        << withoutLine(fallbackText, 7)
        << expectedError(6, QStringLiteral("        detail_information            : Access denied"),
               QStringLiteral("unknown detail_information \"Access denied\""));
    QTest::newRow("fallback with a bad sync_mode")
        << withValue(fallbackText, QStringLiteral("sync_mode"), QStringLiteral("Quorum"))
        << expectedError(7, QStringLiteral("        sync_mode                     : Quorum"),
               QStringLiteral("unknown sync_mode \"Quorum\""));
    QTest::newRow("quoted %1 stays literal")
        << withValue(primary, QStringLiteral("local_role"), QStringLiteral("%1%2%3"))
        << expectedError(3, QStringLiteral("\tlocal_role                     : %1%2%3"),
               QStringLiteral("unknown local_role \"%1%2%3\""));
}

void Tst_gsctlqueryparser::damaged()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QVERIFY(!text.startsWith(QLatin1String("withValue:")));
    GsCtlQuery query;
    QString message;
    QVERIFY2(!GsCtlQueryParser::parse(text, &query, &message), "damaged output must not parse");
    QCOMPARE(message, error);
}

void Tst_gsctlqueryparser::emptyOutput()
{
    for (const QString& text : { QString(), QStringLiteral("\n\n"), QStringLiteral("  \t \n") }) {
        QString error;
        QVERIFY(!GsCtlQueryParser::parse(text, nullptr, &error));
        QCOMPARE(error, QStringLiteral("gs_ctl query printed nothing"));
    }
}

void Tst_gsctlqueryparser::randomGarbage()
{
    QRandomGenerator random(20220627);
    for (int round = 0; round < 2000; ++round) {
        QString text;
        const int length = 1 + int(random.bounded(400));
        for (int i = 0; i < length; ++i) {
            // Mostly printable ASCII with newlines, tabs, colons, brackets; sometimes any BMP char.
            const quint32 pick = random.bounded(100);
            if (pick < 8)
                text += QLatin1Char('\n');
            else if (pick < 12)
                text += QLatin1Char('\t');
            else if (pick < 16)
                text += QLatin1Char(':');
            else if (pick < 97)
                text += QChar(char16_t(0x20 + random.bounded(0x5f)));
            else
                text += QChar(char16_t(1 + random.bounded(0xd7ff)));
        }
        QString error;
        GsCtlQuery query;
        QVERIFY2(!GsCtlQueryParser::parse(text, &query, &error), qPrintable(text));
        QVERIFY(!error.isEmpty());
    }
}

// Damage real samples at random (drop, duplicate or cut a line, flip a character): the parser must
// either refuse with a message naming a line, or accept something that still satisfies the lists.
void Tst_gsctlqueryparser::mutatedSamples()
{
    const QStringList files { QStringLiteral("mogdb200_primary.txt"),
        QStringLiteral("mogdb200_standby_with_cascade.txt"),
        QStringLiteral("mogdb201_primary_two_standbys.txt"), QStringLiteral("fallback_libpq_error.txt"),
        QStringLiteral("blog_mogdb200_cascade_standby.txt") };
    const QStringList roles { QStringLiteral("Normal"), QStringLiteral("Primary"), QStringLiteral("Standby"),
        QStringLiteral("Cascade Standby"), QStringLiteral("Pending"), QStringLiteral("Unknown") };
    QRandomGenerator random(7);
    int refused = 0;
    for (const QString& file : files) {
        const QString original = sample(file);
        QVERIFY(!original.isEmpty());
        for (int round = 0; round < 300; ++round) {
            QStringList lines = original.split(QLatin1Char('\n'));
            const int index = int(random.bounded(lines.size()));
            switch (random.bounded(4)) {
            case 0:
                lines.removeAt(index);
                break;
            case 1:
                lines.insert(index, lines.at(index));
                break;
            case 2:
                lines = lines.mid(0, index);
                break;
            default: {
                QString& line = lines[index];
                if (!line.isEmpty())
                    line[int(random.bounded(line.size()))] = QChar(char16_t(0x21 + random.bounded(0x5e)));
            }
            }
            const QString text = lines.join(QLatin1Char('\n'));
            GsCtlQuery query;
            QString error;
            if (GsCtlQueryParser::parse(text, &query, &error)) {
                QVERIFY2(roles.contains(query.ha.localRole), qPrintable(text));
                QVERIFY(error.isEmpty());
            } else {
                ++refused;
                QVERIFY2(error.startsWith(QLatin1String("line "))
                        || error == QLatin1String("gs_ctl query printed nothing"),
                    qPrintable(error));
            }
        }
    }
    QVERIFY(refused > 0);
}

void Tst_gsctlqueryparser::parseLsn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("value");
    QTest::newRow("sample") << "0/14000258" << true << quint64(0x14000258);
    QTest::newRow("short") << "0/4005148" << true << quint64(0x4005148);
    QTest::newRow("high word") << "1/0" << true << quint64(0x100000000ULL);
    QTest::newRow("max") << "FFFFFFFF/FFFFFFFF" << true << quint64(0xFFFFFFFFFFFFFFFFULL);
    QTest::newRow("lower case") << "0/1a000140" << true << quint64(0x1A000140);
    QTest::newRow("empty") << "" << false << quint64(0);
    QTest::newRow("no low word") << "0/" << false << quint64(0);
    QTest::newRow("no high word") << "/1" << false << quint64(0);
    QTest::newRow("nine digits") << "0/123456789" << false << quint64(0);
    QTest::newRow("not hex") << "0/1400025G" << false << quint64(0);
    QTest::newRow("dash") << "0-14000258" << false << quint64(0);
    QTest::newRow("leading space") << " 0/1" << false << quint64(0);
}

void Tst_gsctlqueryparser::parseLsn()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, value);
    quint64 parsed = 42;
    QCOMPARE(GsCtlQueryParser::parseLsn(text, &parsed), ok);
    QCOMPARE(parsed, ok ? value : quint64(42));
}

QTEST_GUILESS_MAIN(Tst_gsctlqueryparser)
#include "tst_gsctlqueryparser.moc"
