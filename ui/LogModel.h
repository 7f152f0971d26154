#pragma once

#include "Executor.h"

#include <QAbstractListModel>
#include <QList>
#include <QMutex>
#include <QTimer>

#include <deque>

namespace MogUp {

// The live log behind the run page's view. Lines arrive from the runner's worker thread at any rate
// (tar -xv prints thousands a second); appendLine() only queues them under a mutex, and a GUI-thread
// timer moves the queue into the model every ~30 ms with one beginInsertRows per batch, so the view
// repaints a few dozen times a second whatever the output rate. The model keeps at most maxLines();
// the full log stays on disk in the run directory (Journal's log.txt).
class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NodeRole = Qt::UserRole + 1, StreamRole, TimeRole, TextRole, IsStderrRole,
        // The shown line's length in characters, without building the string (LogView sizes its column by it).
        DisplayLengthRole };

    explicit LogModel(QObject* parent = nullptr, int maxLines = 200000);

    // Thread-safe: may be called from the runner's worker thread (Qt::DirectConnection) or the GUI thread.
    void appendLine(const OutputLine& line);
    // Moves whatever is queued into the model now (the timer does this by itself; tests and the run's
    // end call it so the last lines show without waiting for the next tick).
    void flushPending();
    void clear();

    int maxLines() const { return m_maxLines; }
    // Most lines one timer tick moves into the model.
    int flushChunk() const { return m_flushChunk; }
    // Lines dropped from the front to keep the bound, in the model or already in the queue (they are still
    // in log.txt).
    qint64 droppedLines() const;
    qint64 totalLinesReceived() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    const OutputLine& lineAt(int row) const { return m_lines.at(size_t(row)); }

signals:
    // After each flush that added rows (the view scrolls to the bottom when following).
    void linesAppended();

private:
    // The timer's flush: at most m_flushChunk lines, then again on the next event-loop turn if more wait.
    void flushChunkFromTimer();
    // Moves the first `count` queued lines (all when count < 0) into the model.
    void flush(qsizetype count);

    const int m_maxLines;
    // Dropping the oldest lines one by one would call beginRemoveRows per line; drop them in batches
    // (a tenth of the bound, at most a flush chunk) so the cost is amortised without one long stall.
    const int m_dropBatch;
    const int m_flushChunk;
    std::deque<OutputLine> m_lines; // GUI thread only
    qint64 m_dropped = 0;           // GUI thread only

    mutable QMutex m_pendingMutex;
    QList<OutputLine> m_pending;    // filled by any thread, drained on the GUI thread
    qint64 m_received = 0;          // guarded by m_pendingMutex
    qint64 m_droppedPending = 0;    // guarded by m_pendingMutex: dropped from the queue's front
    QTimer m_flushTimer;
};

} // namespace MogUp
