#include "LogView.h"

#include "LogModel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>

namespace MogUp {

LogView::LogView(QWidget* parent)
    : QTableView(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setShowGrid(false);
    setWordWrap(false);
    horizontalHeader()->hide();
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the log for the next control; the arrow keys move between lines.
    setTabKeyNavigation(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setTextElideMode(Qt::ElideNone);
    updateMetrics();
}

void LogView::setModel(QAbstractItemModel* model)
{
    if (QAbstractItemModel* old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    m_longestLine = 0;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &LogView::rowsAdded);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_longestLine = 0;
            if (this->model() && this->model()->rowCount() > 0)
                rowsAdded(QModelIndex(), 0, this->model()->rowCount() - 1);
            updateColumnWidth();
        });
        if (model->rowCount() > 0)
            rowsAdded(QModelIndex(), 0, model->rowCount() - 1);
    }
    updateColumnWidth();
}

void LogView::rowsAdded(const QModelIndex& parent, int first, int last)
{
    // One length per new row (an int from the model, no string built): the column is as wide as the longest
    // line seen, so long lines scroll sideways instead of being cut (a fixed-pitch font makes characters a
    // good measure).
    if (parent.isValid())
        return;
    const int before = m_longestLine;
    for (int row = first; row <= last; ++row)
        m_longestLine
            = std::max(m_longestLine, model()->index(row, 0).data(LogModel::DisplayLengthRole).toInt());
    if (m_longestLine != before)
        updateColumnWidth();
}

void LogView::updateMetrics()
{
    const QFontMetrics metrics(font());
    m_charWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('M')));
    verticalHeader()->setMinimumSectionSize(1);
    verticalHeader()->setDefaultSectionSize(metrics.height() + 2);
    updateColumnWidth();
}

void LogView::updateColumnWidth()
{
    const int wanted = std::max(viewport()->width(), m_longestLine * m_charWidth + 2 * m_charWidth);
    if (horizontalHeader()->sectionSize(0) != wanted)
        horizontalHeader()->resizeSection(0, wanted);
}

void LogView::resizeEvent(QResizeEvent* event)
{
    QTableView::resizeEvent(event);
    updateColumnWidth();
}

void LogView::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
}

QString LogView::selectedText() const
{
    if (!selectionModel())
        return {};
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex& index : std::as_const(rows))
        lines << index.data(Qt::DisplayRole).toString();
    return lines.join(QLatin1Char('\n'));
}

void LogView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        QApplication::clipboard()->setText(selectedText());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace MogUp
