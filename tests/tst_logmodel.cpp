#include "LogFilterModel.h"
#include "LogModel.h"

#include <QThread>
#include <QtTest>

#include <memory>

using namespace MogUp;

// The live log's model: lines pushed from a worker thread at full speed arrive complete and in order,
// in batches (not one insert per line), and the bound on the number of rows holds at every moment.
class Tst_LogModel : public QObject
{
    Q_OBJECT

private:
    // Pushes `count` numbered lines from a new thread, as the runner's worker thread would.
    static std::unique_ptr<QThread> pushFromWorker(LogModel* model, int count)
    {
        std::unique_ptr<QThread> worker(QThread::create([model, count] {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i = 0; i < count; ++i) {
                OutputLine line;
                line.node = QStringLiteral("node%1").arg(i % 3 + 1);
                line.stream = i % 10 == 0 ? OutputStream::Stderr : OutputStream::Stdout;
                line.time = now;
                line.text = QString::number(i);
                model->appendLine(line);
            }
        }));
        worker->start();
        return worker;
    }

private slots:
    void linesFromWorkerArriveInOrder()
    {
        const int lines = 100000;
        LogModel model(nullptr, 200000);
        int insertBatches = 0;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { ++insertBatches; });
        std::unique_ptr<QThread> worker = pushFromWorker(&model, lines);
        QVERIFY(worker->wait(QDeadlineTimer(60000)));
        // The model's own timer moves the queue in; no explicit flush here.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), lines, 10000);
        for (int row = 0; row < lines; ++row) {
            const QModelIndex index = model.index(row);
            if (index.data(LogModel::TextRole).toString() != QString::number(row))
                QFAIL(qPrintable(QStringLiteral("row %1 holds %2").arg(row).arg(index.data(LogModel::TextRole).toString())));
        }
        QCOMPARE(model.droppedLines(), 0);
        QVERIFY2(insertBatches < lines / 100, qPrintable(QStringLiteral("%1 insert batches").arg(insertBatches)));
        // stderr lines are marked, in the data and in the displayed text.
        QVERIFY(model.index(0).data(LogModel::IsStderrRole).toBool());
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("stderr")));
        QVERIFY(!model.index(1).data(LogModel::IsStderrRole).toBool());
        QCOMPARE(model.index(1).data(LogModel::NodeRole).toString(), QStringLiteral("node2"));
    }

    void boundHolds()
    {
        const int lines = 100000;
        const int bound = 5000;
        LogModel model(nullptr, bound);
        int maxRows = 0;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { maxRows = std::max(maxRows, model.rowCount()); });
        std::unique_ptr<QThread> worker = pushFromWorker(&model, lines);
        QVERIFY(worker->wait(QDeadlineTimer(60000)));
        QTRY_COMPARE_WITH_TIMEOUT(model.droppedLines() + model.rowCount(), qint64(lines), 10000);
        QVERIFY2(maxRows <= bound, qPrintable(QStringLiteral("%1 rows at one point").arg(maxRows)));
        QVERIFY(model.rowCount() <= bound);
        QVERIFY(model.rowCount() > 0);
        // What is kept is the newest lines, in order.
        const int rows = model.rowCount();
        for (int row = 0; row < rows; ++row)
            QCOMPARE(model.index(row).data(LogModel::TextRole).toString(), QString::number(lines - rows + row));
        QCOMPARE(model.totalLinesReceived(), qint64(lines));
    }

    // The run page's filters: by node, stderr only, text; they keep up with batches and with dropped rows.
    void filterByNodeStreamAndText()
    {
        LogModel model(nullptr, 1000);
        LogFilterModel filter;
        filter.setSourceModel(&model);
        std::unique_ptr<QThread> worker = pushFromWorker(&model, 3000);
        QVERIFY(worker->wait(QDeadlineTimer(60000)));
        model.flushPending();
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(filter.rowCount(), 1000);
        filter.setNode(QStringLiteral("node2"));
        QVERIFY(filter.rowCount() > 0);
        for (int row = 0; row < filter.rowCount(); ++row)
            QCOMPARE(filter.index(row, 0).data(LogModel::NodeRole).toString(), QStringLiteral("node2"));
        filter.setNode(QString());
        filter.setStderrOnly(true);
        QCOMPARE(filter.rowCount(), 100); // every tenth line of the newest 1000
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 0).data(LogModel::IsStderrRole).toBool());
        filter.setStderrOnly(false);
        filter.setText(QStringLiteral("2999"));
        QCOMPARE(filter.rowCount(), 1);
        // New lines that match show up; the bound's drops leave the filter consistent.
        OutputLine line;
        line.node = QStringLiteral("node1");
        line.text = QStringLiteral("x2999x");
        for (int i = 0; i < 500; ++i)
            model.appendLine(line);
        model.flushPending();
        // 1000 + 500 rows: the oldest 500 go (in drop batches of 100), "2999" stays, plus the 500 new ones.
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(filter.rowCount(), 501);
    }

    void clearEmptiesEverything()
    {
        LogModel model(nullptr, 100);
        OutputLine line;
        line.node = QStringLiteral("node1");
        line.text = QStringLiteral("x");
        for (int i = 0; i < 250; ++i)
            model.appendLine(line);
        model.flushPending();
        QCOMPARE(model.rowCount(), 100);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedLines(), 0);
    }
};

QTEST_MAIN(Tst_LogModel)
#include "tst_logmodel.moc"
