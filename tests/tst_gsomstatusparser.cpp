#include "GsOmStatusParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using namespace MogUp;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(MOGUP_TEST_DATA_DIR "/gs_om_status/") + name;
}

QString sample(const QString& name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Every parsed field of a node in one line, so a data row can state the whole expectation.
QString describe(const GsOmNodeStatus& n)
{
    return QStringList { QString::number(n.nodeId), n.nodeName, n.nodeIp, QString::number(n.port),
        QString::number(n.instanceId), n.dataDir, QString(n.installRole), n.role, n.state }
        .join(QLatin1Char('|'));
}

QString lineOf(const QString& text, int number)
{
    return text.split(QLatin1Char('\n')).value(number - 1);
}

QString withLine(const QString& text, int number, const QString& line)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    lines[number - 1] = line;
    return lines.join(QLatin1Char('\n'));
}

QString firstLines(const QString& text, int count)
{
    return text.split(QLatin1Char('\n')).mid(0, count).join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString expectedError(int number, const QString& line, const QString& reason)
{
    return QStringLiteral("line %1: \"%2\": %3").arg(QString::number(number), line, reason);
}

} // namespace

class Tst_gsomstatusparser : public QObject
{
    Q_OBJECT
private slots:
    void samples_data();
    void samples();
    void damaged_data();
    void damaged();
    void randomGarbage();
};

void Tst_gsomstatusparser::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("detail");
    QTest::addColumn<bool>("perLine");
    QTest::addColumn<QString>("clusterName");
    QTest::addColumn<QString>("clusterState");
    QTest::addColumn<QString>("redistributing");
    QTest::addColumn<QString>("currentAz");
    QTest::addColumn<QStringList>("nodes");

    const QString az = QStringLiteral("AZ_ALL");
    const QString no = QStringLiteral("No");
    QTest::newRow("OM 2.0.1 docs, indented, hand-edited widths")
        << "docs_om201_detail.txt" << true << false << ""
        << "Normal" << no << az
        << QStringList {
               QStringLiteral(
                   "1|hostname1|10.10.10.1|0|6001|/opt/opengauss/install/data/dn1|P|Primary|Normal"),
               QStringLiteral(
                   "2|hostname2|10.10.10.2|0|6002|/opt/opengauss/install/data/dn1|S|Standby|Normal")
           };
    QTest::newRow("OM 2.0.1 derived")
        << "om201_detail.txt" << true << false << ""
        << "Normal" << no << az
        << QStringList { QStringLiteral("1|mogdb1|192.168.0.11|0|6001|/opt/mogdb/data|P|Primary|Normal"),
               QStringLiteral("2|mogdb2|192.168.0.12|0|6002|/opt/mogdb/data|S|Standby|Normal") };
    QTest::newRow("OM 2.0.1 switched over")
        << "om201_switched_over.txt" << true << false << ""
        << "Normal" << no << az
        << QStringList { QStringLiteral("1|mogdb1|192.168.0.11|0|6001|/opt/mogdb/data|P|Standby|Normal"),
               QStringLiteral("2|mogdb2|192.168.0.12|0|6002|/opt/mogdb/data|S|Primary|Normal") };
    QTest::newRow("OM 2.0.1 primary down, standby needs repair")
        << "om201_primary_down.txt" << true << false << ""
        << "Unavailable" << no << az
        << QStringList { QStringLiteral(
                             "1|mogdb1|192.168.0.11|0|6001|/opt/mogdb/data|P|Down|Manually stopped"),
               QStringLiteral(
                   "2|mogdb2|192.168.0.12|0|6002|/opt/mogdb/data|S|Standby|Need repair(Disconnected)") };
    QTest::newRow("OM 2.0.1 three nodes with cascade")
        << "om201_three_nodes_cascade.txt" << true << false << ""
        << "Normal" << no << az
        << QStringList { QStringLiteral("1|mogdb1|192.168.0.11|0|6001|/opt/mogdb/data|P|Primary|Normal"),
               QStringLiteral("2|mogdb2|192.168.0.12|0|6002|/opt/mogdb/data|S|Standby|Normal"),
               QStringLiteral("3|mogdb3|192.168.0.13|0|6003|/opt/mogdb/data|C|Cascade|Normal") };
    QTest::newRow("blog down row with trailing separator")
        << "blog_om_down_row.txt" << true << false << ""
        << "Unavailable" << no << az
        << QStringList { QStringLiteral(
               "1|prod.opengauss.com|192.168.0.11|0|6001|/gauss/data/db1|P|Down|Manually stopped") };
    QTest::newRow("OM 2.0.3 derived")
        << "om203_detail.txt" << true << true << ""
        << "Normal" << no << az
        << QStringList { QStringLiteral("1|mogdb1|192.168.0.11|26000|6001|/opt/mogdb/data|P|Primary|Normal"),
               QStringLiteral("2|mogdb2|192.168.0.12|26000|6002|/opt/mogdb/data|S|Standby|Normal") };
    QTest::newRow("OM 2.0.3+ docs")
        << "docs_om203_detail.txt" << true << true << ""
        << "Normal" << no << az
        << QStringList {
               QStringLiteral(
                   "1|pekpopgsci00235|10.244.62.204|5432|6001|/home/wuqw/cluster/dn1/|P|Primary|Normal"),
               QStringLiteral(
                   "2|pekpopgsci00238|10.244.61.81|5432|6002|/home/wuqw/cluster/dn1/|S|Standby|Normal")
           };
    QTest::newRow("OM 2.0.3 switched over")
        << "om203_switched_over.txt" << true << true << ""
        << "Normal" << no << az
        << QStringList { QStringLiteral("1|mogdb1|192.168.0.11|26000|6001|/opt/mogdb/data|P|Standby|Normal"),
               QStringLiteral("2|mogdb2|192.168.0.12|26000|6002|/opt/mogdb/data|S|Primary|Normal") };
    QTest::newRow("OM 2.0.3 degraded: standby down, cascade needs repair")
        << "om203_degraded_three_nodes.txt" << true << true << ""
        << "Degraded" << no << az
        << QStringList { QStringLiteral("1|mogdb1|192.168.0.11|26000|6001|/opt/mogdb/data|P|Primary|Normal"),
               QStringLiteral("2|mogdb2|192.168.0.12|26000|6002|/opt/mogdb/data|S|Down|Manually stopped"),
               QStringLiteral(
                   "3|mogdb3|192.168.0.13|26000|6003|/opt/mogdb/data|C|Cascade|Need repair(Disconnected)") };
    QTest::newRow("plain status, blog") << "blog_status_plain.txt" << false << false << ""
                                        << "Normal" << no << "" << QStringList {};
    QTest::newRow("plain status with cluster_name")
        << "om201_status_plain.txt" << false << false << "mogdb_cluster"
        << "Degraded" << no << "" << QStringList {};
}

void Tst_gsomstatusparser::samples()
{
    QFETCH(QString, file);
    QFETCH(bool, detail);
    QFETCH(bool, perLine);
    QFETCH(QString, clusterName);
    QFETCH(QString, clusterState);
    QFETCH(QString, redistributing);
    QFETCH(QString, currentAz);
    QFETCH(QStringList, nodes);

    const QString text = sample(file);
    QVERIFY2(!text.isEmpty(), qPrintable(dataPath(file)));
    GsOmStatus status;
    QString error;
    QVERIFY2(GsOmStatusParser::parse(text, &status, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(status.detail, detail);
    QCOMPARE(status.perLineLayout, perLine);
    QCOMPARE(status.clusterName, clusterName);
    QCOMPARE(status.clusterState, clusterState);
    QCOMPARE(status.redistributing, redistributing);
    QCOMPARE(status.currentAz, currentAz);
    QStringList got;
    for (const GsOmNodeStatus& node : std::as_const(status.nodes))
        got << describe(node);
    QCOMPARE(got, nodes);
}

void Tst_gsomstatusparser::damaged_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString om201 = sample(QStringLiteral("om201_detail.txt"));
    const QString om203 = sample(QStringLiteral("om203_detail.txt"));
    const QString plain = sample(QStringLiteral("blog_status_plain.txt"));
    const QString row201 = lineOf(om201, 11);
    const QString row203 = lineOf(om203, 11);

    auto replaced = [](QString line, const char* from, const char* to) {
        return line.replace(QLatin1String(from), QLatin1String(to));
    };

    QTest::newRow("misspelt role, 2.0.1") << withLine(om201, 11, replaced(row201, "S Standby", "S Stndby"))
                                          << expectedError(11, replaced(row201, "S Standby", "S Stndby"),
                                                 QStringLiteral("unknown role \"Stndby\""));
    QTest::newRow("full gs_ctl role, 2.0.3")
        << withLine(om203, 11, replaced(row203, "P Primary", "P Cascade Standby"))
        << expectedError(11, replaced(row203, "P Primary", "P Cascade Standby"),
               QStringLiteral("unknown state \"Standby Normal\""));
    QTest::newRow("unknown state") << withLine(om203, 12, replaced(lineOf(om203, 12), "Normal", "Fine"))
                                   << expectedError(12, replaced(lineOf(om203, 12), "Normal", "Fine"),
                                          QStringLiteral("unknown state \"Fine\""));
    QTest::newRow("need repair without reason")
        << withLine(om203, 12, replaced(lineOf(om203, 12), "Normal", "Need repair"))
        << expectedError(12, replaced(lineOf(om203, 12), "Normal", "Need repair"),
               QStringLiteral("unknown state \"Need repair\""));
    QTest::newRow("bad ip") << withLine(om201, 11, replaced(row201, "192.168.0.12", "192.168.0.312"))
                            << expectedError(11, replaced(row201, "192.168.0.12", "192.168.0.312"),
                                   QStringLiteral("bad node_ip \"192.168.0.312\""));
    QTest::newRow("bad role letter") << withLine(om201, 11, replaced(row201, "P Primary", "X Primary"))
                                     << expectedError(11, replaced(row201, "P Primary", "X Primary"),
                                            QStringLiteral("unknown instance role letter \"X\""));
    QTest::newRow("relative data dir")
        << withLine(om203, 11, replaced(row203, "/opt/mogdb/data", "opt/mogdb/data"))
        << expectedError(11, replaced(row203, "/opt/mogdb/data", "opt/mogdb/data"),
               QStringLiteral("bad data directory \"opt/mogdb/data\""));
    QTest::newRow("bad port") << withLine(om203, 11, replaced(row203, "26000", "70000"))
                              << expectedError(11, replaced(row203, "26000", "70000"),
                                     QStringLiteral("bad port \"70000\""));
    QTest::newRow("2.0.1 row under a 2.0.3 header")
        << withLine(om203, 11, lineOf(om201, 11).section(QStringLiteral(" | "), 0, 0))
        << expectedError(11, lineOf(om201, 11).section(QStringLiteral(" | "), 0, 0),
               QStringLiteral(
                   "datanode entry \"1  mogdb1 192.168.0.11    6001 /opt/mogdb/data P Primary Normal\" "
                   "has too few columns"));
    QTest::newRow("duplicate instance")
        << withLine(om201, 11, replaced(row201, "6002", "6001"))
        << expectedError(11, replaced(row201, "6002", "6001"), QStringLiteral("instance 6001 listed twice"));
    QTest::newRow("empty entry between separators")
        << withLine(om201, 11, replaced(row201, " | ", " |  | "))
        << expectedError(11, replaced(row201, " | ", " |  | "), QStringLiteral("empty datanode entry"));
    QTest::newRow("unknown cluster_state") << withLine(om201, 3, QStringLiteral("cluster_state   : Normale"))
                                           << expectedError(3, QStringLiteral("cluster_state   : Normale"),
                                                  QStringLiteral("unknown cluster_state \"Normale\""));
    QTest::newRow("unknown field") << withLine(om201, 5, QStringLiteral("current_zone    : AZ_ALL"))
                                   << expectedError(5, QStringLiteral("current_zone    : AZ_ALL"),
                                          QStringLiteral("unknown field \"current_zone\""));
    QTest::newRow("unknown column header")
        << withLine(om203, 9, QStringLiteral("    node  node_ip         port      state"))
        << expectedError(9, QStringLiteral("    node  node_ip         port      state"),
               QStringLiteral("unknown datanode column header"));
    QTest::newRow("missing rule") << withLine(om203, 10, QString())
                                  << expectedError(11, row203,
                                         QStringLiteral("expected the dashed rule under the column header"));
    QTest::newRow("garbage in the summary")
        << withLine(om201, 4, QStringLiteral("Segmentation fault"))
        << expectedError(4, QStringLiteral("Segmentation fault"), QStringLiteral("unrecognised line"));
    QTest::newRow("truncated after the rule") << firstLines(om201,
        10) << expectedError(10, lineOf(om201, 10), QStringLiteral("output ends before the datanode rows"));
    QTest::newRow("truncated after the cluster section")
        << firstLines(om203, 6)
        << expectedError(5, QStringLiteral("current_az      : AZ_ALL"),
               QStringLiteral("output ends before the datanode rows"));
    QTest::newRow("truncated before cluster_state") << firstLines(
        plain, 2) << expectedError(1, lineOf(plain, 1), QStringLiteral("output ends without cluster_state"));
    QTest::newRow("datanodes before cluster_state")
        << withLine(om201, 3, QString())
        << expectedError(7, QStringLiteral("[  Datanode State   ]"),
               QStringLiteral("datanode section before cluster_state"));
    QTest::newRow("detail without current_az")
        << withLine(om201, 5, QString())
        << expectedError(3, QStringLiteral("cluster_state   : Normal"),
               QStringLiteral("cluster section lacks redistributing or current_az"));
    QTest::newRow("field twice") << withLine(om201, 4, QStringLiteral("cluster_state   : Normal"))
                                 << expectedError(4, QStringLiteral("cluster_state   : Normal"),
                                        QStringLiteral("field \"cluster_state\" printed twice"));
    QTest::newRow("gs_om error instead of status")
        << QStringLiteral("[GAUSS-51400] : Failed to execute the command: gs_ctl query.\n")
        << expectedError(1, QStringLiteral("[GAUSS-51400] : Failed to execute the command: gs_ctl query."),
               QStringLiteral("unrecognised line"));
    QTest::newRow("empty") << QStringLiteral("\n  \n") << QStringLiteral("gs_om status printed nothing");
}

void Tst_gsomstatusparser::damaged()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    GsOmStatus status;
    QString message;
    QVERIFY2(!GsOmStatusParser::parse(text, &status, &message), "damaged output must not parse");
    QCOMPARE(message, error);
}

void Tst_gsomstatusparser::randomGarbage()
{
    QRandomGenerator random(3301);
    const QString real = sample(QStringLiteral("om201_primary_down.txt"));
    QVERIFY(!real.isEmpty());
    for (int round = 0; round < 2000; ++round) {
        QString text;
        if (round % 2) {
            // Random printable text with the separators this format uses.
            const int length = 1 + int(random.bounded(300));
            for (int i = 0; i < length; ++i) {
                const quint32 pick = random.bounded(100);
                if (pick < 8)
                    text += QLatin1Char('\n');
                else if (pick < 12)
                    text += QLatin1Char('|');
                else if (pick < 97)
                    text += QChar(char16_t(0x20 + random.bounded(0x5f)));
                else
                    text += QChar(char16_t(1 + random.bounded(0xd7ff)));
            }
            QString error;
            QVERIFY2(!GsOmStatusParser::parse(text, nullptr, &error), qPrintable(text));
            QVERIFY(!error.isEmpty());
        } else {
            // A real sample cut at a random place: either refused with a message or, when the cut
            // falls after the last entry, parsed.
            text = real.left(int(random.bounded(real.size())));
            GsOmStatus status;
            QString error;
            if (!GsOmStatusParser::parse(text, &status, &error))
                QVERIFY(!error.isEmpty());
            else
                QVERIFY(!status.nodes.isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(Tst_gsomstatusparser)
#include "tst_gsomstatusparser.moc"
