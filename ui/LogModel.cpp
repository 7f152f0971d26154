#include "LogModel.h"

#include "Tr.h"

#include <QBrush>
#include <QMutexLocker>

namespace MogUp {

LogModel::LogModel(QObject* parent, int maxLines)
    : QAbstractListModel(parent)
    , m_maxLines(std::max(1, maxLines))
    , m_dropBatch(std::max(1, maxLines / 10))
{
    // ~30 fps: fast enough to look live, slow enough that a flood costs one layout per frame.
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogModel::flushPending);
    m_flushTimer.start();
}

void LogModel::appendLine(const OutputLine& line)
{
    QMutexLocker lock(&m_pendingMutex);
    m_pending.append(line);
    ++m_received;
}

qint64 LogModel::totalLinesReceived() const
{
    QMutexLocker lock(&m_pendingMutex);
    return m_received;
}

void LogModel::flushPending()
{
    QList<OutputLine> batch;
    {
        QMutexLocker lock(&m_pendingMutex);
        batch.swap(m_pending);
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
    default:
        return {};
    }
}

} // namespace MogUp
