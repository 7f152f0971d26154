#include "LogModel.h"

#include "Tr.h"

#include <QBrush>
#include <QMutexLocker>

#include <algorithm>
#include <iterator>

namespace MogUp {

LogModel::LogModel(QObject* parent, int maxLines)
    : QAbstractListModel(parent)
    , m_maxLines(std::max(1, maxLines))
    // Dropped in steps no bigger than a flush chunk: a whole tenth of 200 000 rows at once costs ~10 ms.
    , m_dropBatch(std::max(1, std::min(maxLines / 10, 5000)))
    // 5 000 rows in, and as many dropped from the front, cost a few ms through LogFilterModel and the list
    // view, plus the view's relayout (bench/bench_logview); whole floods at once cost tens of ms.
    , m_flushChunk(std::max(1, std::min(5000, maxLines)))
{
    // ~30 fps: fast enough to look live, slow enough that a flood costs one layout per frame.
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogModel::flushChunkFromTimer);
    m_flushTimer.start();
}

void LogModel::appendLine(const OutputLine& line)
{
    QMutexLocker lock(&m_pendingMutex);
    // The queue never holds more than the bound: its oldest lines could never be shown.
    if (m_pending.size() >= m_maxLines) {
        m_pending.removeFirst();
        ++m_droppedPending;
    }
    m_pending.append(line);
    ++m_received;
}

qint64 LogModel::droppedLines() const
{
    QMutexLocker lock(&m_pendingMutex);
    return m_dropped + m_droppedPending;
}

qint64 LogModel::totalLinesReceived() const
{
    QMutexLocker lock(&m_pendingMutex);
    return m_received;
}

void LogModel::flushPending()
{
    flush(-1);
}

void LogModel::flushChunkFromTimer()
{
    flush(m_flushChunk);
    bool more;
    {
        QMutexLocker lock(&m_pendingMutex);
        more = !m_pending.isEmpty();
    }
    // A backlog: the next chunk on the next event-loop turn (timers and input get their turn in between),
    // back to the 30 ms pace once it is drained.
    m_flushTimer.setInterval(more ? 0 : 30);
}

void LogModel::flush(qsizetype count)
{
    QList<OutputLine> batch;
    {
        QMutexLocker lock(&m_pendingMutex);
        if (count < 0 || m_pending.size() <= count) {
            batch.swap(m_pending);
        } else {
            batch.reserve(count);
            std::move(m_pending.begin(), m_pending.begin() + count, std::back_inserter(batch));
            m_pending.remove(0, count);
        }
    }
    if (batch.isEmpty())
        return;
    // A batch bigger than the bound: only its newest maxLines can ever be shown.
    qsizetype skip = 0;
    if (batch.size() > m_maxLines) {
        skip = batch.size() - m_maxLines;
        m_dropped += skip;
    }
    const qsizetype incoming = batch.size() - skip;
    // Make room first, in batches of m_dropBatch rows, so the model never exceeds the bound.
    const qsizetype overflow = qsizetype(m_lines.size()) + incoming - m_maxLines;
    if (overflow > 0) {
        const qsizetype drop = std::min<qsizetype>(qsizetype(m_lines.size()),
            ((overflow + m_dropBatch - 1) / m_dropBatch) * m_dropBatch);
        beginRemoveRows(QModelIndex(), 0, int(drop - 1));
        m_lines.erase(m_lines.begin(), m_lines.begin() + drop);
        m_dropped += drop;
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows(QModelIndex(), first, first + int(incoming) - 1);
    for (qsizetype i = skip; i < batch.size(); ++i)
        m_lines.push_back(std::move(batch[i]));
    endInsertRows();
    emit linesAppended();
}

void LogModel::clear()
{
    {
        QMutexLocker lock(&m_pendingMutex);
        m_pending.clear();
        m_received = 0;
        m_droppedPending = 0;
    }
    beginResetModel();
    m_lines.clear();
    m_dropped = 0;
    endResetModel();
}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= int(m_lines.size()))
        return {};
    const OutputLine& line = m_lines.at(size_t(index.row()));
    const bool isStderr = line.stream == OutputStream::Stderr;
    switch (role) {
    case Qt::DisplayRole:
        // "[node] text", stderr lines additionally marked in the text so the mark survives copy/paste.
        return isStderr ? QStringLiteral("[%1] %2 %3").arg(line.node, Tr::tr("stderr:"), line.text)
                        : QStringLiteral("[%1] %2").arg(line.node, line.text);
    case Qt::ForegroundRole:
        return isStderr ? QVariant(QBrush(Qt::darkRed)) : QVariant();
    case Qt::ToolTipRole:
        return line.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case NodeRole:
        return line.node;
    case StreamRole:
        return isStderr ? QStringLiteral("stderr") : QStringLiteral("stdout");
    case TimeRole:
        return line.time;
    case TextRole:
        return line.text;
    case IsStderrRole:
        return isStderr;
    case DisplayLengthRole:
        return int(line.node.size() + line.text.size() + 3 + (isStderr ? Tr::tr("stderr:").size() + 1 : 0));
    default:
        return {};
    }
}

} // namespace MogUp
