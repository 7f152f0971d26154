#pragma once

#include <QSortFilterProxyModel>

namespace MogUp {

// What of the live log is shown: one node or all, stderr only or both, lines containing a text.
// Sits between LogModel and the view; it only ever looks at the rows a batch adds or removes.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setNode(const QString& node);       // empty: every node
    void setStderrOnly(bool stderrOnly);
    void setText(const QString& text);       // case-insensitive substring; empty: every line
    bool isFiltering() const { return !m_node.isEmpty() || m_stderrOnly || !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_node;
    bool m_stderrOnly = false;
    QString m_text;
};

} // namespace MogUp
