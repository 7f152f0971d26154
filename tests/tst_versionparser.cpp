#include "VersionParser.h"

#include <QFile>
#include <QtTest>

using namespace MogUp;

namespace {

QString dataPath(const QString& name)
{
    return QStringLiteral(MOGUP_TEST_DATA_DIR "/versions/") + name;
}

QString sample(const QString& name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class Tst_versionparser : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void compare_data();
    void compare();
};

void Tst_versionparser::parse_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("product");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("patch");
    QTest::addColumn<QString>("build");
    QTest::addColumn<QString>("compiledAt");

    QTest::newRow("gsql MogDB 2.0.1 (double parentheses)") << "gsql_mogdb201.txt"
                                                           << "gsql"
                                                           << "MogDB"
                                                           << "2.0.1" << 2 << 0 << 1 << "f892ccb7"
                                                           << "2021-07-09 16:12:59";
    QTest::newRow("gsql MogDB 2.0.1 docker build") << "gsql_mogdb201_docker.txt"
                                                   << "gsql"
                                                   << "MogDB"
                                                   << "2.0.1" << 2 << 0 << 1 << "f892ccb7"
                                                   << "2021-07-09 16:15:21";
    QTest::newRow("gsql MogDB 2.0.0") << "gsql_mogdb200.txt"
                                      << "gsql"
                                      << "MogDB"
                                      << "2.0.0" << 2 << 0 << 0 << "b75b585a"
                                      << "2021-05-28 17:20:47";
    QTest::newRow("gsql MogDB 2.1.0, one space after mr") << "gsql_mogdb210.txt"
                                                          << "gsql"
                                                          << "MogDB"
                                                          << "2.1.0" << 2 << 1 << 0 << "56189e20"
                                                          << "2022-01-07 18:47:34";
    QTest::newRow("gsql openGauss 2.0.1 (single parentheses)") << "gsql_og201.txt"
                                                               << "gsql"
                                                               << "openGauss"
                                                               << "2.0.1" << 2 << 0 << 1 << "d97c0e8a"
                                                               << "2021-06-02 19:37:16";
    QTest::newRow("gs_om openGauss OM 2.0.1") << "gs_om_og201.txt"
                                              << "gs_om"
                                              << "openGauss OM"
                                              << "2.0.1" << 2 << 0 << 1 << "da8e0828"
                                              << "2021-06-02 19:48:48";
    QTest::newRow("select version() MogDB 2.0.1") << "select_version_mogdb201.txt"
                                                  << "PostgreSQL"
                                                  << "MogDB"
                                                  << "2.0.1" << 2 << 0 << 1 << "f892ccb7"
                                                  << "2021-07-09 16:12:59";
    QTest::newRow("gs_ctl -V (derived)") << "derived_gs_ctl_mogdb201.txt"
                                         << "gs_ctl"
                                         << "MogDB"
                                         << "2.0.1" << 2 << 0 << 1 << "f892ccb7"
                                         << "2021-07-09 16:12:59";
    QTest::newRow("gaussdb -V (derived)") << "derived_gaussdb_mogdb201.txt"
                                          << "gaussdb"
                                          << "MogDB"
                                          << "2.0.1" << 2 << 0 << 1 << "f892ccb7"
                                          << "2021-07-09 16:12:59";
}

void Tst_versionparser::parse()
{
    QFETCH(QString, file);
    QFETCH(QString, tool);
    QFETCH(QString, product);
    QFETCH(QString, version);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(int, patch);
    QFETCH(QString, build);
    QFETCH(QString, compiledAt);

    const QString text = sample(file);
    QVERIFY2(!text.isEmpty(), qPrintable(dataPath(file)));
    MogdbVersion parsed;
    QString error;
    QVERIFY2(VersionParser::parse(text, &parsed, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(parsed.tool, tool);
    QCOMPARE(parsed.product, product);
    QCOMPARE(parsed.version, version);
    QCOMPARE(parsed.major, major);
    QCOMPARE(parsed.minor, minor);
    QCOMPARE(parsed.patch, patch);
    QCOMPARE(parsed.build, build);
    QCOMPARE(parsed.compiledAt, compiledAt);
}

void Tst_versionparser::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("only the tool") << "gsql"
                                   << "not a MogDB/openGauss version string";
    QTest::newRow("psql") << "psql (PostgreSQL) 9.2.24"
                          << "not a MogDB/openGauss version string";
    QTest::newRow("gsql without the closing parenthesis")
        << "gsql ((MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  "
        << "unbalanced parentheses";
    QTest::newRow("stray parenthesis")
        << "gs_ctl (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  )"
        << "unbalanced parentheses";
    QTest::newRow("version() without platform")
        << "PostgreSQL 9.2.4 (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr"
        << "missing \"on <platform>, compiled by ...\"";
    QTest::newRow("version number after a tool name")
        << "gsql 9.2.4 (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr"
        << "unexpected version number after \"gsql\"";
    QTest::newRow("no time")
        << "gaussdb (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 commit 0 last mr  "
        << "not a MogDB/openGauss version string";
    QTest::newRow("no build") << "gaussdb (MogDB 2.0.1) compiled at 2021-07-09 16:12:59 commit 0 last mr  "
                              << "not a MogDB/openGauss version string";
    QTest::newRow("word version")
        << "gaussdb (MogDB two build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr"
        << "not a MogDB/openGauss version string";
    QTest::newRow("two lines")
        << "gsql ((MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  )\n"
           "gsql ((MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  )"
        << "more than one line";
    QTest::newRow("error text") << "bash: gsql: command not found"
                                << "not a MogDB/openGauss version string";
}

void Tst_versionparser::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    MogdbVersion parsed;
    parsed.version = QStringLiteral("untouched");
    QString error;
    QVERIFY(!VersionParser::parse(text, &parsed, &error));
    QCOMPARE(parsed.version, QStringLiteral("untouched"));
    // The message quotes what was parsed (control characters shown as '?').
    QString shown = text.trimmed();
    shown.replace(QLatin1Char('\n'), QLatin1Char('?'));
    QCOMPARE(error, QStringLiteral("version string \"%1\": %2").arg(shown, reason));
}

void Tst_versionparser::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("result");
    QTest::newRow("patch upgrade") << "2.0.1"
                                   << "2.0.3" << -1;
    QTest::newRow("downgrade") << "2.0.3"
                               << "2.0.1" << 1;
    QTest::newRow("equal") << "2.0.1"
                           << "2.0.1" << 0;
    QTest::newRow("missing component is zero") << "2.0"
                                               << "2.0.0" << 0;
    QTest::newRow("numeric, not textual") << "2.0.10"
                                          << "2.0.9" << 1;
    QTest::newRow("minor beats patch") << "2.1.0"
                                       << "2.0.5" << 1;
    QTest::newRow("major beats minor") << "3.0.0"
                                       << "2.10.0" << 1;
    QTest::newRow("longer but smaller") << "2.0.0.1"
                                        << "2.0.1" << -1;
}

void Tst_versionparser::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, result);
    QCOMPARE(VersionParser::compare(a, b), result);
    QCOMPARE(VersionParser::compare(b, a), -result);
}

QTEST_GUILESS_MAIN(Tst_versionparser)
#include "tst_versionparser.moc"
