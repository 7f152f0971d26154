#include "GsqlOutputParser.h"

#include <QFile>
#include <QtTest>

using namespace MogUp;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(MOGUP_TEST_DATA_DIR "/gsql/") + name;
}

QString sample(const QString& name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QStringList row(std::initializer_list<const char*> cells)
{
    QStringList list;
    for (const char* cell : cells)
        list << QString::fromUtf8(cell);
    return list;
}

QString expectedError(int number, const QString& line, const QString& reason)
{
    return QStringLiteral("line %1: \"%2\": %3").arg(QString::number(number), line, reason);
}

} // namespace

class Tst_gsqloutputparser : public QObject
{
    Q_OBJECT
private slots:
    void aligned_data();
    void aligned();
    void unaligned_data();
    void unaligned();
    void damaged_data();
    void damaged();
    void prettySize_data();
    void prettySize();
    void walSenderCheck();
};

void Tst_gsqloutputparser::aligned_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("tuplesOnly");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<QStringList>>("rows");

    QTest::newRow("blog: show data_directory")
        << sample(QStringLiteral("blog_show_data_directory.txt")) << false << row({ "data_directory" })
        << QList<QStringList> { row({ "/opt/mogdb/data" }) };
    QTest::newRow("show data_directory with trailing blank line")
        << sample(QStringLiteral("show_data_directory.txt")) << false << row({ "data_directory" })
        << QList<QStringList> { row({ "/opt/mogdb/data" }) };
    QTest::newRow("session memory, five columns, right-aligned numbers")
        << sample(QStringLiteral("session_memory.txt")) << false
        << row({ "sessid", "contextname", "totalmb", "freemb", "count" })
        << QList<QStringList> {
               row({ "0.281458567938064", "gs_signal", "8.0535583496093750", ".56803894042968750000", "1" }),
               row({ "1686034543.281456633543904", "CommunicationTopMemoryContext", "8.0308532714843750",
                   ".02333068847656250000", "1" }),
               row({ "1686034543.281456633543904", "Wal Sender", "8.0235671997070313",
                   ".01771545410156250000", "1" }),
           };
    QTest::newRow("wal sender check") << sample(QStringLiteral("wal_sender_memory.txt")) << false
                                      << row({ "contextname", "pg_size_pretty", "pg_size_pretty" })
                                      << QList<QStringList> { row({ "Wal Sender", "8216 kB", "18 kB" }) };
    QTest::newRow("wal sender check -t")
        << sample(QStringLiteral("wal_sender_memory_t.txt")) << true << QStringList {}
        << QList<QStringList> { row({ "Wal Sender", "12 MB", "18 kB" }) };
    QTest::newRow("zero rows") << QStringLiteral(" contextname \n-------------\n(0 rows)\n\n") << false
                               << row({ "contextname" }) << QList<QStringList> {};
    QTest::newRow("zero rows -t") << QStringLiteral("\n") << true << QStringList {} << QList<QStringList> {};
    QTest::newRow("value containing the column separator")
        << QStringLiteral("  a  | b \n-----+---\n x|y | z\n(1 row)\n\n") << false << row({ "a", "b" })
        << QList<QStringList> { row({ "x|y", "z" }) };
    QTest::newRow("null and empty cells") << QStringLiteral(" a | b \n---+---\n   | 1\n(1 row)\n\n") << false
                                          << row({ "a", "b" }) << QList<QStringList> { row({ "", "1" }) };
}

void Tst_gsqloutputparser::aligned()
{
    QFETCH(QString, text);
    QFETCH(bool, tuplesOnly);
    QFETCH(QStringList, columns);
    QFETCH(QList<QStringList>, rows);
    QVERIFY(!text.isEmpty());
    GsqlTable table;
    QString error;
    QVERIFY2(GsqlOutputParser::parseAligned(text, tuplesOnly, &table, &error), qPrintable(error));
    QCOMPARE(table.columns, columns);
    QCOMPARE(table.rows, rows);
}

void Tst_gsqloutputparser::unaligned_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("tuplesOnly");
    QTest::addColumn<QChar>("separator");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<QStringList>>("rows");
    const QChar pipe = QLatin1Char('|');

    QTest::newRow("-A") << sample(QStringLiteral("wal_sender_memory_A.txt")) << false << pipe
                        << row({ "contextname", "pg_size_pretty", "pg_size_pretty" })
                        << QList<QStringList> { row({ "Wal Sender", "8216 kB", "18 kB" }) };
    QTest::newRow("-At") << sample(QStringLiteral("wal_sender_memory_At.txt")) << true << pipe
                         << QStringList {} << QList<QStringList> { row({ "Wal Sender", "12 MB", "18 kB" }) };
    QTest::newRow("-At, gs_om's replication query")
        << sample(QStringLiteral("stream_replications_At.txt")) << true << pipe << QStringList {}
        << QList<QStringList> { row({ "Primary", "1", "Normal" }) };
    QTest::newRow("-At, no rows") << QString() << true << pipe << QStringList {} << QList<QStringList> {};
    QTest::newRow("-At, one empty value")
        << QStringLiteral("\n") << true << pipe << QStringList {} << QList<QStringList> { row({ "" }) };
    QTest::newRow("-At, several rows, spaces kept")
        << QStringLiteral("Primary|1| Normal\nStandby|1|Need repair\n") << true << pipe << QStringList {}
        << QList<QStringList> { row({ "Primary", "1", " Normal" }), row({ "Standby", "1", "Need repair" }) };
    QTest::newRow("-A -F ','") << QStringLiteral("a,b\n1,2\n3,\n(2 rows)\n") << false
                               << QChar(QLatin1Char(',')) << row({ "a", "b" })
                               << QList<QStringList> { row({ "1", "2" }), row({ "3", "" }) };
    QTest::newRow("-A, zero rows") << QStringLiteral("a|b\n(0 rows)\n") << false << pipe << row({ "a", "b" })
                                   << QList<QStringList> {};
}

void Tst_gsqloutputparser::unaligned()
{
    QFETCH(QString, text);
    QFETCH(bool, tuplesOnly);
    QFETCH(QChar, separator);
    QFETCH(QStringList, columns);
    QFETCH(QList<QStringList>, rows);
    GsqlTable table;
    QString error;
    QVERIFY2(
        GsqlOutputParser::parseUnaligned(text, tuplesOnly, &table, &error, separator), qPrintable(error));
    QCOMPARE(table.columns, columns);
    QCOMPARE(table.rows, rows);
}

void Tst_gsqloutputparser::damaged_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("aligned");
    QTest::addColumn<bool>("tuplesOnly");
    QTest::addColumn<QString>("error");

    QTest::newRow("blog capture without footer")
        << sample(QStringLiteral("blog_session_memory_no_footer.txt")) << true << false
        << expectedError(5,
               QStringLiteral(
                   " 1686034543.281456633543904 | Wal Sender                      | 8.0235671997070313 | "
                   ".01771545410156250000 |     1"),
               QStringLiteral("output ends before the row count footer"));
    QTest::newRow("footer count mismatch")
        << QStringLiteral(" a \n---\n 1\n(2 rows)\n\n") << true << false
        << expectedError(4, QStringLiteral("(2 rows)"), QStringLiteral("footer announces 2 rows, found 1"));
    QTest::newRow("singular footer for two rows")
        << QStringLiteral(" a \n---\n 1\n 2\n(2 row)\n\n") << true << false
        << expectedError(
               5, QStringLiteral("(2 row)"), QStringLiteral("output ends before the row count footer"));
    QTest::newRow("missing rule") << QStringLiteral(" a \n 1\n(1 row)\n") << true << false
                                  << expectedError(2, QStringLiteral(" 1"),
                                         QStringLiteral("expected the ---+--- rule under the header"));
    QTest::newRow("row with too few cells")
        << QStringLiteral(" a | b \n---+---\n 1\n(1 row)\n") << true << false
        << expectedError(3, QStringLiteral(" 1"), QStringLiteral("expected 2 columns, found 1"));
    QTest::newRow("error text instead of a table")
        << QStringLiteral("ERROR:  relation \"gs_session_memory_detai\" does not exist\nLINE 1: select 1\n")
        << true << false
        << expectedError(2, QStringLiteral("LINE 1: select 1"),
               QStringLiteral("expected the ---+--- rule under the header"));
    QTest::newRow("two results") << QStringLiteral(" a \n---\n 1\n(1 row)\n\n a \n---\n 1\n(1 row)\n\n")
                                 << true << false
                                 << expectedError(
                                        4, QStringLiteral("(1 row)"), QStringLiteral("more than one result"));
    QTest::newRow("-t with changing column count")
        << QStringLiteral(" a | b\n c\n\n") << true << true
        << expectedError(2, QStringLiteral(" c"), QStringLiteral("expected 2 columns, found 1"));
    QTest::newRow("-A row with an extra separator")
        << QStringLiteral("a|b\n1|2|3\n(1 row)\n") << false << false
        << expectedError(2, QStringLiteral("1|2|3"), QStringLiteral("expected 2 fields, found 3"));
    QTest::newRow("-A truncated") << QStringLiteral("a|b\n1|2\n") << false << false
                                  << expectedError(2, QStringLiteral("1|2"),
                                         QStringLiteral("output ends before the row count footer"));
    QTest::newRow("-At with changing field count")
        << QStringLiteral("Primary|1|Normal\nStandby|1\n") << false << true
        << expectedError(2, QStringLiteral("Standby|1"), QStringLiteral("expected 3 fields, found 2"));
    QTest::newRow("aligned empty") << QString() << true << false << QStringLiteral("gsql printed nothing");
    QTest::newRow("-A empty") << QStringLiteral("\n") << false << false
                              << QStringLiteral("gsql printed nothing");
}

void Tst_gsqloutputparser::damaged()
{
    QFETCH(QString, text);
    QFETCH(bool, aligned);
    QFETCH(bool, tuplesOnly);
    QFETCH(QString, error);
    QVERIFY(!text.isNull() || error == QLatin1String("gsql printed nothing"));
    GsqlTable table;
    QString message;
    const bool ok = aligned ? GsqlOutputParser::parseAligned(text, tuplesOnly, &table, &message)
                            : GsqlOutputParser::parseUnaligned(text, tuplesOnly, &table, &message);
    QVERIFY2(!ok, "damaged output must not parse");
    QCOMPARE(message, error);
}

void Tst_gsqloutputparser::prettySize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("bytes");
    // §5: bytes below 10240, then kB, MB, GB, TB (powers of 1024).
    QTest::newRow("0 bytes") << "0 bytes" << true << qint64(0);
    QTest::newRow("10239 bytes") << "10239 bytes" << true << qint64(10239);
    QTest::newRow("10 kB") << "10 kB" << true << qint64(10240);
    QTest::newRow("8216 kB (healthy Wal Sender)") << "8216 kB" << true << qint64(8413184);
    QTest::newRow("12 MB") << "12 MB" << true << qint64(12582912);
    QTest::newRow("3 GB") << "3 GB" << true << qint64(3221225472LL);
    QTest::newRow("1 TB") << "1 TB" << true << qint64(1099511627776LL);
    QTest::newRow("surrounding spaces (aligned cell)") << " 18 kB " << true << qint64(18432);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("no space") << "12MB" << false << qint64(0);
    QTest::newRow("lower-case unit") << "12 mb" << false << qint64(0);
    QTest::newRow("KB") << "12 KB" << false << qint64(0);
    QTest::newRow("PB") << "1 PB" << false << qint64(0);
    QTest::newRow("fraction") << "1.5 GB" << false << qint64(0);
    QTest::newRow("no number") << "kB" << false << qint64(0);
    QTest::newRow("overflow") << "9999999999 TB" << false << qint64(0);
}

void Tst_gsqloutputparser::prettySize()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, bytes);
    qint64 parsed = -42;
    QCOMPARE(GsqlOutputParser::parsePrettySize(text, &parsed), ok);
    QCOMPARE(parsed, ok ? bytes : qint64(-42));
}

// The patch plan's periodic check, end to end: table, then sizes.
void Tst_gsqloutputparser::walSenderCheck()
{
    GsqlTable table;
    QString error;
    QVERIFY2(GsqlOutputParser::parseAligned(
                 sample(QStringLiteral("wal_sender_memory.txt")), false, &table, &error),
        qPrintable(error));
    QCOMPARE(table.rows.size(), 1);
    qint64 total = 0, free = 0;
    QVERIFY(GsqlOutputParser::parsePrettySize(table.rows.at(0).at(1), &total));
    QVERIFY(GsqlOutputParser::parsePrettySize(table.rows.at(0).at(2), &free));
    QCOMPARE(total, qint64(8216) * 1024);
    QCOMPARE(free, qint64(18) * 1024);
}

QTEST_GUILESS_MAIN(Tst_gsqloutputparser)
#include "tst_gsqloutputparser.moc"
