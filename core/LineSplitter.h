#pragma once

#include <QByteArray>
#include <QString>

namespace MogUp {

// Splits a byte stream into lines for the executors, decoding each complete line as UTF-8 (so a
// character split across two reads stays whole), dropping a "\r" before "\n", and keeping the
// unfinished tail for the next chunk; flush() delivers a last line that has no line feed.
class LineSplitter
{
public:
    template <typename Emit>
    void feed(const char* data, qsizetype size, Emit&& emitLine)
    {
        m_pending.append(data, size);
        qsizetype start = 0;
        while (true) {
            const qsizetype nl = m_pending.indexOf('\n', start);
            if (nl < 0)
                break;
            qsizetype end = nl;
            if (end > start && m_pending.at(end - 1) == '\r')
                --end;
            emitLine(QString::fromUtf8(m_pending.constData() + start, end - start));
            start = nl + 1;
        }
        m_pending.remove(0, start);
    }
    template <typename Emit>
    void feed(const QByteArray& chunk, Emit&& emitLine)
    {
        feed(chunk.constData(), chunk.size(), std::forward<Emit>(emitLine));
    }
    template <typename Emit>
    void flush(Emit&& emitLine)
    {
        if (!m_pending.isEmpty())
            emitLine(QString::fromUtf8(m_pending));
        m_pending.clear();
    }

private:
    QByteArray m_pending;
};

} // namespace MogUp
