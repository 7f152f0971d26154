#include "LocalExecutor.h"
#include "ShellQuote.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <signal.h>

using namespace MogUp;

// The local executor against real processes: streams, exit codes, signals, timeouts, cancel, quoting.
class Tst_LocalExecutor : public QObject
{
    Q_OBJECT

    ClusterProfile m_profile;
    NodeProfile m_node;

    struct Captured
    {
        ExecResult result;
        QStringList out;
        QStringList err;
    };
    Captured run(const QString& command, int timeoutMs = 10000, CancelToken* cancel = nullptr)
    {
        LocalExecutor exec(m_profile);
        CancelToken local;
        Captured c;
        c.result = exec.run(m_node, command, timeoutMs, cancel ? *cancel : local, [&c](const OutputLine& l) {
            QCOMPARE(l.node, QStringLiteral("node1"));
            (l.stream == OutputStream::Stdout ? c.out : c.err).append(l.text);
        });
        return c;
    }

    // Alive and not a zombie (a killed process whose parent is gone waits for init to reap it).
    static bool processRunning(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray s = stat.readAll();
        const qsizetype close = s.lastIndexOf(')');
        return close >= 0 && close + 2 < s.size() && s.at(close + 2) != 'Z' && s.at(close + 2) != 'X';
    }

    static qint64 pidFrom(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
    }

private slots:
    void initTestCase()
    {
        m_node.name = QStringLiteral("node1");
        m_profile.nodes = { m_node };
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("exit");
        QTest::newRow("true") << "true" << 0;
        QTest::newRow("false") << "false" << 1;
        QTest::newRow("not found") << "no-such-command-mogup" << 127;
        QTest::newRow("exit 42") << "exit 42" << 42;
    }
    void exitCodes()
    {
        QFETCH(QString, command);
        QFETCH(int, exit);
        const Captured c = run(command);
        QVERIFY(c.result.started);
        QCOMPARE(c.result.exitCode, exit);
        QCOMPARE(c.result.ok(), exit == 0);
    }

    void stdoutAndStderrApart()
    {
        const Captured c = run(QStringLiteral("echo out1; echo err1 >&2; echo out2; printf 'tail-no-newline' >&2"));
        QCOMPARE(c.out, QStringList({ QStringLiteral("out1"), QStringLiteral("out2") }));
        QCOMPARE(c.err, QStringList({ QStringLiteral("err1"), QStringLiteral("tail-no-newline") }));
    }

    void signalIsReported()
    {
        const Captured c = run(QStringLiteral("kill -TERM $$"));
        QVERIFY(!c.result.ok());
        QVERIFY2(c.result.signal == SIGTERM || c.result.exitCode == 128 + SIGTERM, qPrintable(c.result.error));
    }

    void largeOutputIntact()
    {
        // 5 MB through the line splitter, checked by hash: nothing lost, nothing reordered.
        const Captured c = run(QStringLiteral("seq 1 700000"), 60000);
        QCOMPARE(c.out.size(), 700000);
        QCryptographicHash expected(QCryptographicHash::Sha256), got(QCryptographicHash::Sha256);
        for (int i = 1; i <= 700000; ++i)
            expected.addData(QByteArray::number(i));
        for (const QString& l : c.out)
            got.addData(l.toUtf8());
        QCOMPARE(got.result(), expected.result());
    }

    void utf8Preserved()
    {
        const Captured c = run(QStringLiteral("printf '数据库 已升级\\n'"));
        QCOMPARE(c.out, QStringList { QStringLiteral("数据库 已升级") });
    }

    void timeoutEndsTheWholeGroup()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("child.pid"));
        // The child keeps running in the background: the timeout must end it too, not just bash. It would
        // sleep far longer than the test may take, so only the timeout can have ended the command.
        const Captured c
            = run(QStringLiteral("sleep 100000 & echo $! > %1; wait").arg(shellQuote(marker)), 500);
        QVERIFY(c.result.timedOut);
        QVERIFY(!c.result.cancelled);
        QVERIFY(!c.result.ok());
        const qint64 pid = pidFrom(marker);
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processRunning(pid), 60000);
    }

    void cancelEndsTheRunningCommand()
    {
        // Cancel as soon as the command has visibly started (the runner's cancel comes from another
        // thread through the same flag).
        // The command's process becomes the sleep (exec): cancel must end it, not wait for it. Its 600 s
        // timeout is far beyond the test's, so only the cancel can have ended it.
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("command.pid"));
        LocalExecutor exec(m_profile);
        CancelToken cancel;
        QStringList out;
        const ExecResult r = exec.run(m_node,
            QStringLiteral("echo $$ > %1; echo started; exec sleep 100000").arg(shellQuote(marker)), 600000,
            cancel, [&](const OutputLine& l) {
                out << l.text;
                cancel.cancel();
            });
        QVERIFY(r.cancelled);
        QVERIFY(!r.timedOut);
        QVERIFY(!r.ok());
        QCOMPARE(out, QStringList { QStringLiteral("started") });
        const qint64 pid = pidFrom(marker);
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processRunning(pid), 60000);
    }

    void quotedArgumentsArriveUnchanged_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("spaces") << "a b  c";
        QTest::newRow("single quote") << "it's";
        QTest::newRow("double quotes") << "say \"hi\"";
        QTest::newRow("command substitution") << "$(touch /tmp/mogup-injected)";
        QTest::newRow("backticks") << "`touch /tmp/mogup-injected`";
        QTest::newRow("semicolon") << "x; touch /tmp/mogup-injected";
        QTest::newRow("glob") << "*";
        QTest::newRow("empty") << "";
        QTest::newRow("newline") << "two\nlines";
    }
    void quotedArgumentsArriveUnchanged()
    {
        QFETCH(QString, word);
        QFile::remove(QStringLiteral("/tmp/mogup-injected"));
        const Captured c = run(QStringLiteral("printf '%s' ") + shellQuote(word) + QStringLiteral(" | od -An -c"));
        QVERIFY(c.result.ok());
        const Captured expect = run(QStringLiteral("printf '%s' \"$W\" | od -An -c").replace(QStringLiteral("\"$W\""), shellQuote(word)));
        QCOMPARE(c.out, expect.out);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/mogup-injected")));
        // And the bytes are exactly the word's.
        const Captured raw = run(QStringLiteral("printf '%s' ") + shellQuote(word));
        QCOMPARE(raw.out.join(QLatin1Char('\n')), word);
    }

    void sandboxProfileSetsPathAndNode()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bin")));
        ClusterProfile p = m_profile;
        p.sandbox = dir.path();
        LocalExecutor exec(p);
        CancelToken cancel;
        QStringList out;
        exec.run(m_node, QStringLiteral("echo \"$MOGUP_SIM_NODE\"; echo \"${PATH%%:*}\""), 5000, cancel,
            [&out](const OutputLine& l) { out << l.text; });
        QCOMPARE(out, QStringList({ QStringLiteral("node1"), dir.path() + QStringLiteral("/bin") }));
    }
};

QTEST_GUILESS_MAIN(Tst_LocalExecutor)
#include "tst_localexecutor.moc"
