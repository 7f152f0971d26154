#pragma once

#include "ModeSummary.h"

#include <QWidget>

namespace MogUp {

// A small drawing of the order in which an upgrade touches the nodes: one column per node (the primary
// marked), one numbered row per phase of the plan (MogHA stopped, a node upgraded, a switchover drawn as
// an arrow to the node that becomes primary, ...). The same order as text is the widget's accessible
// description (and tooltip), for screen readers and tests.
class NodeOrderView : public QWidget
{
    Q_OBJECT
public:
    explicit NodeOrderView(QWidget* parent = nullptr);

    void setSummary(const ModeSummary& summary);
    const ModeSummary& summary() const { return m_summary; }
    QString orderText() const { return m_summary.orderText(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateAccessibleText();

    ModeSummary m_summary;
};

} // namespace MogUp
