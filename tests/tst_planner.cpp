#include <QtTest>

// Placeholder until this area's tests land.
class Tst_planner : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_planner)
#include "tst_planner.moc"
