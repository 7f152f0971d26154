#include "TestSupport.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

// The Chinese translation must stay complete and must reach the user: every message of
// translations/mogup_zh_CN.ts is finished, keeps its source's placeholders, and the built CLI speaks
// Chinese under a zh_CN locale (and English under C).

namespace {

const QString kTsFile = QStringLiteral(MOGUP_SOURCE_DIR "/translations/mogup_zh_CN.ts");

struct TsMessage
{
    QString context;
    QString source;
    QString type; // the <translation type="..."> attribute; empty when finished
    bool numerus = false;
    QStringList translations; // one per <numerusform>, or the single translation
};

// Reads every <message> of a .ts file. Returns false (with a reason) if the XML is broken.
bool readTs(const QString& path, QList<TsMessage>* messages, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = TsMessage {};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (inMessage && name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            messages->append(current);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

// %1..%99 (also written %L1) and %n; "%1%" (a number followed by a percent sign) counts as %1.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?([1-9][0-9]?)|%n"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& m : re.globalMatch(text)) {
        found.insert(m.captured(1).isEmpty() ? QStringLiteral("%n") : QLatin1Char('%') + m.captured(1));
    }
    return found;
}

QString sorted(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(QLatin1Char(' '));
}

QString shortened(const QString& source)
{
    QString s = source.section(QLatin1Char('\n'), 0, 0);
    if (s.size() > 60)
        s = s.left(57) + QStringLiteral("...");
    return s;
}

const QString kUsageStart = QStringLiteral("Usage: mogup-cli");

} // namespace

class Tst_translations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void complete_data();
    void complete();
    void placeholders_data();
    void placeholders();
    void cliSpeaksLocale_data();
    void cliSpeaksLocale();
    void upToDateWithSources();

private:
    void addMessageRows();
    QList<TsMessage> m_messages;
};

void Tst_translations::initTestCase()
{
    QString error;
    QVERIFY2(readTs(kTsFile, &m_messages, &error), qPrintable(error));
    QVERIFY2(!m_messages.isEmpty(), qPrintable(QStringLiteral("no message in %1").arg(kTsFile)));
}

void Tst_translations::addMessageRows()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_messages.size(); ++i)
        QTest::addRow("%d %s", i + 1, qPrintable(shortened(m_messages.at(i).source))) << i;
}

void Tst_translations::complete_data()
{
    addMessageRows();
}

// (a) Every message is translated: not unfinished, and no translation (or numerus form) is empty.
void Tst_translations::complete()
{
    QFETCH(int, index);
    const TsMessage& m = m_messages.at(index);
    QVERIFY2(m.type.isEmpty(),
        qPrintable(QStringLiteral("translation is marked type=\"%1\": %2").arg(m.type, m.source)));
    QVERIFY2(!m.translations.isEmpty(), qPrintable(QStringLiteral("no translation: %1").arg(m.source)));
    for (const QString& t : m.translations)
        QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation: %1").arg(m.source)));
}

void Tst_translations::placeholders_data()
{
    addMessageRows();
}

// (b) A translation uses exactly the placeholders of its source, else .arg() fills the wrong gaps.
void Tst_translations::placeholders()
{
    QFETCH(int, index);
    const TsMessage& m = m_messages.at(index);
    const QSet<QString> expected = ::placeholders(m.source);
    for (const QString& t : m.translations) {
        const QSet<QString> actual = ::placeholders(t);
        QVERIFY2(actual == expected,
            qPrintable(QStringLiteral("placeholders {%1} in \"%2\" differ from {%3} in \"%4\"")
                           .arg(sorted(actual), t, sorted(expected), m.source)));
    }
}

void Tst_translations::cliSpeaksLocale_data()
{
    // The Chinese the user must see: the first line of the usage text's translation, from the .ts.
    QString usageZh;
    for (const TsMessage& m : m_messages) {
        if (m.source.startsWith(kUsageStart) && !m.translations.isEmpty())
            usageZh = m.translations.first().section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    QVERIFY2(!usageZh.isEmpty(), "the .ts has no translated usage text (source starting \"Usage: mogup-cli\")");
    QVERIFY2(!usageZh.startsWith(kUsageStart), "the usage text's translation is still English");

    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("unexpected");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8") << usageZh << kUsageStart;
    QTest::newRow("C") << QStringLiteral("C.UTF-8") << kUsageStart << usageZh;
}

// (c) The translation reaches the user: mogup-cli loads the .qm for the system locale.
void Tst_translations::cliSpeaksLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QFETCH(QString, unexpected);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // LANGUAGE and LC_MESSAGES take precedence over LANG for the UI language: leave only ours.
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LC_ALL"), locale);

    const QString cli = QStringLiteral(MOGUP_BIN_DIR "/mogup-cli");
    QVERIFY2(QFile::exists(cli), qPrintable(QStringLiteral("%1 is not built").arg(cli)));
    const TestSupport::ProcessResult r = TestSupport::run(cli, { QStringLiteral("--help") }, 30000, env);
    QVERIFY2(r.finished, qPrintable(QStringLiteral("mogup-cli --help did not finish: %1").arg(r.err)));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expected),
        qPrintable(QStringLiteral("LANG=%1: expected \"%2\" in:\n%3").arg(locale, expected, r.out)));
    QVERIFY2(!r.out.contains(unexpected),
        qPrintable(QStringLiteral("LANG=%1: did not expect \"%2\" in:\n%3").arg(locale, unexpected, r.out)));
}

// (d) No string of the sources is missing from the .ts: lupdate, run the way update_translations runs it,
// finds nothing new to translate. A string added without refreshing the .ts would show in English.
void Tst_translations::upToDateWithSources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("mogup_zh_CN.ts"));
    QVERIFY(QFile::copy(kTsFile, copy));
    const QString source = QStringLiteral(MOGUP_SOURCE_DIR);
    const TestSupport::ProcessResult r = TestSupport::run(QStringLiteral(MOGUP_LUPDATE),
        { QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-extensions"),
            QStringLiteral("cpp,h"), source + QStringLiteral("/core"), source + QStringLiteral("/ui"), source + QStringLiteral("/app"),
            QStringLiteral("-ts"), copy },
        120000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QList<TsMessage> messages;
    QString error;
    QVERIFY2(readTs(copy, &messages, &error), qPrintable(error));
    QStringList missing;
    for (const TsMessage& m : std::as_const(messages))
        if (!m.type.isEmpty())
            missing << m.source;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 string(s) of the sources are not translated in %2 (run "
                                                          "`cmake --build build --target update_translations`, then translate):\n")
                                               .arg(missing.size())
                                               .arg(kTsFile)
        + missing.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(Tst_translations)
#include "tst_translations.moc"
