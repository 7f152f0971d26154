#include "NodeOrderView.h"

#include "Tr.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace MogUp {

namespace {

constexpr int kNumberColumn = 34; // the phase numbers on the left
constexpr int kHeaderHeight = 46; // the node boxes
constexpr int kRowHeight = 26;
constexpr int kMargin = 6;

} // namespace

NodeOrderView::NodeOrderView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("nodeOrderView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    updateAccessibleText();
}

void NodeOrderView::setSummary(const ModeSummary& summary)
{
    m_summary = summary;
    updateAccessibleText();
    updateGeometry();
    update();
}

void NodeOrderView::updateAccessibleText()
{
    setAccessibleName(Tr::tr("Order in which the nodes are touched"));
    const QString text = m_summary.orderText();
    setAccessibleDescription(text);
    setToolTip(QString(text).replace(QStringLiteral("; "), QStringLiteral("\n")));
}

QSize NodeOrderView::sizeHint() const
{
    const int columns = std::max<int>(2, int(m_summary.nodes.size()));
    const int rows = std::max<int>(1, int(m_summary.phases.size()));
    return QSize(
        kNumberColumn + columns * 150 + 2 * kMargin, kHeaderHeight + rows * kRowHeight + 2 * kMargin);
}

QSize NodeOrderView::minimumSizeHint() const
{
    const int columns = std::max<int>(2, int(m_summary.nodes.size()));
    const int rows = std::max<int>(1, int(m_summary.phases.size()));
    return QSize(kNumberColumn + columns * 80 + 2 * kMargin, kHeaderHeight + rows * kRowHeight + 2 * kMargin);
}

void NodeOrderView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateAccessibleText();
    QWidget::changeEvent(event);
}

void NodeOrderView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_summary.ok || m_summary.nodes.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignCenter | Qt::TextWordWrap,
            m_summary.error.isEmpty() ? Tr::tr("No nodes yet") : m_summary.error);
        return;
    }

    const int columns = int(m_summary.nodes.size());
    const double columnWidth = double(width() - kNumberColumn - 2 * kMargin) / columns;
    auto columnCenter = [&](const QString& node) {
        const int index = std::max<int>(0, int(m_summary.nodes.indexOf(node)));
        return kMargin + kNumberColumn + columnWidth * (index + 0.5);
    };
    const QColor primaryColor(0x1f, 0x6f, 0xb4);
    const QColor upgradeColor(0x3c, 0x9a, 0x5f);
    const QColor switchColor(0xd0, 0x78, 0x10);
    const QColor groupColor(0x80, 0x80, 0x80);

    // The nodes, as they are when the upgrade starts; the primary is marked.
    QFont bold = font();
    bold.setBold(true);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.85));
    const int bottom = kHeaderHeight + int(m_summary.phases.size()) * kRowHeight + kMargin;
    for (const QString& node : std::as_const(m_summary.nodes)) {
        const double cx = columnCenter(node);
        const QRectF box(cx - columnWidth / 2 + 6, kMargin, columnWidth - 12, kHeaderHeight - kMargin - 8);
        const bool primary = node == m_summary.primary;
        p.setPen(QPen(primary ? primaryColor : pal.color(QPalette::Mid), primary ? 2.5 : 1));
        p.setBrush(primary ? primaryColor.lighter(185) : pal.color(QPalette::Window));
        p.drawRoundedRect(box, 5, 5);
        p.setPen(pal.color(QPalette::Text));
        p.setFont(bold);
        p.drawText(box.adjusted(0, 2, 0, -box.height() / 2), Qt::AlignCenter, node);
        p.setFont(small);
        p.drawText(box.adjusted(0, box.height() / 2, 0, -2), Qt::AlignCenter,
            primary ? Tr::tr("primary") : Tr::tr("standby"));
        // The node's lifeline, down through every phase.
        p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
        p.drawLine(QPointF(cx, box.bottom()), QPointF(cx, bottom));
    }
    p.setFont(font());

    for (int i = 0; i < m_summary.phases.size(); ++i) {
        const ModePhase& phase = m_summary.phases.at(i);
        const double top = kHeaderHeight + i * kRowHeight;
        const double mid = top + kRowHeight / 2.0;
        // The phase number.
        const QRectF badge(kMargin + 4, mid - 10, 20, 20);
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Highlight));
        p.drawEllipse(badge);
        p.setPen(pal.color(QPalette::HighlightedText));
        p.setFont(small);
        p.drawText(badge, Qt::AlignCenter, QString::number(i + 1));
        p.setFont(font());

        switch (phase.kind) {
        case ModePhase::Kind::Upgrade: {
            const double cx = columnCenter(phase.nodes.value(0));
            const QRectF r(cx - columnWidth / 2 + 10, top + 3, columnWidth - 20, kRowHeight - 6);
            p.setPen(QPen(upgradeColor.darker(130), 1));
            p.setBrush(upgradeColor.lighter(170));
            p.drawRoundedRect(r, 4, 4);
            p.setPen(pal.color(QPalette::Text));
            p.setFont(small);
            p.drawText(r, Qt::AlignCenter,
                Tr::tr("upgrade (%1)")
                    .arg(phase.role == QLatin1String("primary") ? Tr::tr("primary") : Tr::tr("standby")));
            p.setFont(font());
            break;
        }
        case ModePhase::Kind::Switchover: {
            const double from = columnCenter(phase.fromNode);
            const double to = columnCenter(phase.nodes.value(0));
            const double dir = to > from ? 1 : -1;
            p.setPen(QPen(switchColor, 2));
            p.setBrush(Qt::NoBrush);
            const QPointF a(from + dir * 8, mid + 4), b(to - dir * 8, mid + 4);
            p.drawLine(a, b);
            QPainterPath head;
            head.moveTo(b);
            head.lineTo(b - QPointF(dir * 9, 5));
            head.lineTo(b - QPointF(dir * 9, -5));
            head.closeSubpath();
            p.setBrush(switchColor);
            p.drawPath(head);
            p.setPen(pal.color(QPalette::Text));
            p.setFont(small);
            const QRectF label(std::min(from, to), top, std::abs(to - from), kRowHeight / 2.0 + 2);
            p.drawText(label, Qt::AlignCenter,
                phase.back ? Tr::tr("switch back: %1 primary").arg(phase.nodes.value(0))
                           : Tr::tr("switchover: %1 primary").arg(phase.nodes.value(0)));
            p.setFont(font());
            break;
        }
        default: {
            // Something that happens on several nodes: a bar across them.
            double left = 1e9, right = -1e9;
            for (const QString& n : phase.nodes) {
                left = std::min(left, columnCenter(n));
                right = std::max(right, columnCenter(n));
            }
            const QRectF r(
                left - columnWidth / 2 + 10, top + 4, right - left + columnWidth - 20, kRowHeight - 8);
            const bool mogha
                = phase.kind == ModePhase::Kind::StopMogha || phase.kind == ModePhase::Kind::StartMogha;
            const QColor c = mogha ? groupColor : QColor(0xb0, 0x30, 0x30);
            p.setPen(QPen(c, 1));
            p.setBrush(c.lighter(mogha ? 160 : 190));
            p.drawRoundedRect(r, 4, 4);
            QString text;
            switch (phase.kind) {
            case ModePhase::Kind::StopMogha:
                text = Tr::tr("stop MogHA");
                break;
            case ModePhase::Kind::StartMogha:
                text = Tr::tr("start MogHA");
                break;
            case ModePhase::Kind::StopAll:
                text = Tr::tr("stop the cluster");
                break;
            case ModePhase::Kind::StartAll:
                text = Tr::tr("start the cluster");
                break;
            default:
                break;
            }
            p.setPen(pal.color(QPalette::Text));
            p.setFont(small);
            p.drawText(r, Qt::AlignCenter, text);
            p.setFont(font());
            break;
        }
        }
    }
}

} // namespace MogUp
