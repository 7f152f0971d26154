#pragma once

#include "PackageDistributor.h"
#include "PackageInspector.h"
#include "WizardPageBase.h"

#include <QFutureWatcher>
#include <QHash>
#include <QTimer>

#include <memory>
#include <mutex>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace MogUp {

// The 2.0.3 package: on this machine (uploaded to every node, per-node progress) or already on the
// nodes; its version, size and SHA-256 shown and verified (inner tarball against its .sha256, where the
// upgrade will read it) before the upgrade may go on. Verifying and uploading run on worker threads.
class PackagePage : public WizardPageBase
{
    Q_OBJECT
public:
    enum Column
    {
        NodeColumn,
        PathColumn,
        CheckColumn,
        ProgressColumn,
        ResultColumn,
        ColumnCount
    };

    explicit PackagePage(MogupWizard* wizard);
    ~PackagePage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    bool isVerifying() const { return m_verifying; }
    bool isUploading() const { return m_uploading; }
    // The last finished verification (of the file and place shown).
    const PackageInspection& inspection() const { return m_inspection; }
    const QList<DistributionResult>& uploadResults() const { return m_uploadResults; }
    QTableWidget* nodeTable() const { return m_nodes; }
    QProgressBar* progressBar(int row) const;

    // Starts a verification of what the page shows now (also after a change of file or place).
    void verify();
    void upload();
    void cancelUpload();

protected:
    void retranslateUi() override;

private:
    // Latest progress per node, written by the distributor's threads and read by a GUI timer: progress
    // arrives from one thread per node, far more often than a screen needs.
    struct ProgressBoard
    {
        std::mutex mutex;
        QHash<QString, TransferProgress> latest;
    };

    void choiceChanged();
    void fileEdited();
    void browse();
    void verified();
    void uploaded();
    void showProgress();
    void fillNodeRows();
    void showInspection();
    void updateControls();
    void updateUploadNote();
    bool uploadApplies() const;

    QRadioButton* m_here = nullptr;
    QRadioButton* m_onNodes = nullptr;
    QLabel* m_fileLabel = nullptr;
    QLineEdit* m_file = nullptr;
    QPushButton* m_browse = nullptr;
    QPushButton* m_verify = nullptr;
    QLabel* m_placeNote = nullptr;
    QLabel* m_versionLabel = nullptr;
    QLabel* m_version = nullptr;
    QLabel* m_sizeLabel = nullptr;
    QLabel* m_size = nullptr;
    QLabel* m_shaLabel = nullptr;
    QLabel* m_sha = nullptr;
    QLabel* m_verdict = nullptr;
    QTableWidget* m_nodes = nullptr;
    QPushButton* m_upload = nullptr;
    QPushButton* m_cancelUpload = nullptr;
    QLabel* m_uploadNote = nullptr;

    QFutureWatcher<PackageInspection> m_verifyWatcher;
    std::shared_ptr<CancelToken> m_verifyCancel;
    bool m_verifying = false;
    bool m_verifyAgain = false; // the choice changed while a verification ran: run another one after it
    bool m_verified = false; // m_inspection belongs to what the page shows now
    // Bumped on every change of file or place; a verification's result counts only for its generation.
    int m_generation = 0;
    int m_verifyGeneration = -1;
    PackageInspection m_inspection;

    QFutureWatcher<QList<DistributionResult>> m_uploadWatcher;
    std::shared_ptr<CancelToken> m_uploadCancel;
    std::shared_ptr<ProgressBoard> m_board;
    QTimer m_progressTimer;
    bool m_uploading = false;
    QList<DistributionResult> m_uploadResults;
};

} // namespace MogUp
