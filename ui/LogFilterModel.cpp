#include "LogFilterModel.h"

#include "LogModel.h"

namespace MogUp {

LogFilterModel::LogFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // Never sort: the log's order is the order things happened.
    setDynamicSortFilter(true);
}

void LogFilterModel::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    invalidateRowsFilter();
}

void LogFilterModel::setStderrOnly(bool stderrOnly)
{
    if (stderrOnly == m_stderrOnly)
        return;
    m_stderrOnly = stderrOnly;
    invalidateRowsFilter();
}

void LogFilterModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (!isFiltering())
        return true;
    const auto* log = static_cast<const LogModel*>(sourceModel());
    const OutputLine& line = log->lineAt(sourceRow);
    if (!m_node.isEmpty() && line.node != m_node)
        return false;
    if (m_stderrOnly && line.stream != OutputStream::Stderr)
        return false;
    return m_text.isEmpty() || line.text.contains(m_text, Qt::CaseInsensitive);
}

} // namespace MogUp
