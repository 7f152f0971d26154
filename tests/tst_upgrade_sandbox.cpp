#include <QtTest>

// Placeholder until this area's tests land.
class Tst_cli : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_cli)
#include "tst_upgrade_sandbox.moc"
