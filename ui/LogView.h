#pragma once

#include <QTableView>

namespace MogUp {

// The live log's view: one line per row, all rows the same height (a fixed-pitch font, no wrapping).
// A table with a fixed row height, not a QListView: appending or dropping thousands of rows then costs
// the header a few array moves, where QListView relays out every row (linear in the 200 000 rows it keeps,
// the longest GUI stall in bench_logview). Ctrl+C copies the selected lines as text.
class LogView : public QTableView
{
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    // The selected lines' text, one per line, in order.
    QString selectedText() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rowsAdded(const QModelIndex& parent, int first, int last);
    void updateMetrics();
    void updateColumnWidth();

    int m_longestLine = 0; // in characters, over every row seen (rows are never edited)
    int m_charWidth = 8;
};

} // namespace MogUp
