#include <QtTest>

// Placeholder until this area's tests land.
class Tst_sim_cluster : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_sim_cluster)
#include "tst_sim_cluster.moc"
