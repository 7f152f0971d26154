#include "PackagePage.h"

#include "FileChooser.h"
#include "MogupWizard.h"
#include "Planner.h"
#include "Tr.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace MogUp {

namespace {

constexpr int kProgressSteps = 1000;

QString uploadResultText(const DistributionResult& r)
{
    if (!r.ok)
        return Tr::tr("failed: %1").arg(r.message);
    if (r.skipped)
        return Tr::tr("skipped: an identical copy is already there");
    if (r.resumedFrom > 0)
        return Tr::tr("resumed at %1, SHA-256 verified on the node")
            .arg(PackageInspector::humanSize(r.resumedFrom));
    return Tr::tr("sent, SHA-256 verified on the node");
}

} // namespace

PackagePage::PackagePage(MogupWizard* wizard)
    : WizardPageBase(wizard)
{
    setObjectName(QStringLiteral("packagePage"));
    m_here = new QRadioButton(this);
    m_here->setObjectName(QStringLiteral("packageHereRadio"));
    m_onNodes = new QRadioButton(this);
    m_onNodes->setObjectName(QStringLiteral("packageOnNodesRadio"));
    m_fileLabel = new QLabel(this);
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("packageFile"));
    m_fileLabel->setBuddy(m_file);
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("packageBrowseButton"));
    m_verify = new QPushButton(this);
    m_verify->setObjectName(QStringLiteral("packageVerifyButton"));
    m_placeNote = new QLabel(this);
    m_placeNote->setObjectName(QStringLiteral("packagePlaceNote"));
    m_placeNote->setWordWrap(true);

    m_versionLabel = new QLabel(this);
    m_version = new QLabel(this);
    m_version->setObjectName(QStringLiteral("packageVersion"));
    m_sizeLabel = new QLabel(this);
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("packageSize"));
    m_shaLabel = new QLabel(this);
    m_sha = new QLabel(this);
    m_sha->setObjectName(QStringLiteral("packageSha256"));
    m_sha->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    for (QLabel* value : { m_version, m_size, m_sha })
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("packageVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_nodes = new QTableWidget(0, ColumnCount, this);
    m_nodes->setObjectName(QStringLiteral("packageNodes"));
    m_nodes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nodes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodes->verticalHeader()->setVisible(false);
    // The page's width is shared out; long paths and messages are elided, in full in their tooltips.
    m_nodes->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_nodes->horizontalHeader()->setSectionResizeMode(NodeColumn, QHeaderView::ResizeToContents);
    m_nodes->horizontalHeader()->setSectionResizeMode(ProgressColumn, QHeaderView::Fixed);
    m_nodes->horizontalHeader()->resizeSection(ProgressColumn, 300);
    m_nodes->setTextElideMode(Qt::ElideMiddle);
    m_nodes->setWordWrap(false);
    m_nodes->setTabKeyNavigation(false); // read-only: Tab goes on to the next control

    m_upload = new QPushButton(this);
    m_upload->setObjectName(QStringLiteral("packageUploadButton"));
    m_cancelUpload = new QPushButton(this);
    m_cancelUpload->setObjectName(QStringLiteral("packageCancelUploadButton"));
    m_uploadNote = new QLabel(this);
    m_uploadNote->setObjectName(QStringLiteral("packageUploadNote"));
    m_uploadNote->setWordWrap(true);

    auto* place = new QHBoxLayout;
    place->addWidget(m_here);
    place->addWidget(m_onNodes);
    place->addStretch();
    auto* file = new QHBoxLayout;
    file->addWidget(m_fileLabel);
    file->addWidget(m_file, 1);
    file->addWidget(m_browse);
    file->addWidget(m_verify);
    auto* facts = new QFormLayout;
    facts->addRow(m_versionLabel, m_version);
    facts->addRow(m_sizeLabel, m_size);
    facts->addRow(m_shaLabel, m_sha);
    auto* uploadRow = new QHBoxLayout;
    uploadRow->addWidget(m_upload);
    uploadRow->addWidget(m_cancelUpload);
    uploadRow->addWidget(m_uploadNote, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(place);
    layout->addLayout(file);
    layout->addWidget(m_placeNote);
    layout->addLayout(facts);
    layout->addWidget(m_verdict);
    layout->addWidget(m_nodes, 1);
    layout->addLayout(uploadRow);
    setTabOrder(m_here, m_onNodes);
    setTabOrder(m_onNodes, m_file);
    setTabOrder(m_file, m_browse);
    setTabOrder(m_browse, m_verify);
    setTabOrder(m_verify, m_nodes);
    setTabOrder(m_nodes, m_upload);
    setTabOrder(m_upload, m_cancelUpload);

    m_here->setChecked(true);
    connect(m_here, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            choiceChanged();
    });
    connect(m_onNodes, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            choiceChanged();
    });
    connect(m_file, &QLineEdit::textEdited, this, &PackagePage::fileEdited);
    // Enter (or leaving the field) checks what was typed; checking on every keystroke would start a
    // remote command per character.
    connect(m_file, &QLineEdit::editingFinished, this, [this] {
        if (!m_verified)
            verify();
    });
    connect(m_browse, &QPushButton::clicked, this, &PackagePage::browse);
    connect(m_verify, &QPushButton::clicked, this, &PackagePage::verify);
    connect(m_upload, &QPushButton::clicked, this, &PackagePage::upload);
    connect(m_cancelUpload, &QPushButton::clicked, this, &PackagePage::cancelUpload);
    connect(&m_verifyWatcher, &QFutureWatcher<PackageInspection>::finished, this, &PackagePage::verified);
    connect(
        &m_uploadWatcher, &QFutureWatcher<QList<DistributionResult>>::finished, this, &PackagePage::uploaded);
    // Ten updates a second are smooth enough for a progress bar and cost nothing.
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &PackagePage::showProgress);
    retranslateUi();
}

PackagePage::~PackagePage()
{
    if (m_verifyCancel)
        m_verifyCancel->cancel();
    if (m_uploadCancel)
        m_uploadCancel->cancel();
    m_verifyWatcher.waitForFinished();
    m_uploadWatcher.waitForFinished();
}

void PackagePage::retranslateUi()
{
    setTitle(Tr::tr("Package"));
    setSubTitle(Tr::tr("The MogDB 2.0.3 package: its version and its checksum are verified where the upgrade "
                       "will read it."));
    m_here->setText(Tr::tr("On &this machine"));
    m_onNodes->setText(Tr::tr("&Already on the nodes"));
    m_fileLabel->setText(Tr::tr("Package &file:"));
    m_file->setPlaceholderText(Tr::tr("/path/MogDB-2.0.3-CentOS-x86_64.tar.gz"));
    m_browse->setText(Tr::tr("B&rowse..."));
    m_verify->setText(Tr::tr("&Verify"));
    m_versionLabel->setText(Tr::tr("Version:"));
    m_sizeLabel->setText(Tr::tr("Size:"));
    m_shaLabel->setText(Tr::tr("SHA-256:"));
    m_nodes->setHorizontalHeaderLabels({ Tr::tr("Node"), Tr::tr("Path on the node"), Tr::tr("Check"),
        Tr::tr("Upload"), Tr::tr("Upload result") });
    m_upload->setText(Tr::tr("&Upload to nodes"));
    m_cancelUpload->setText(Tr::tr("Sto&p upload"));
    fillNodeRows();
    showInspection();
    updateControls();
    updateUploadNote();
}

void PackagePage::initializePage()
{
    const PackageProfile package = state().profile.package;
    {
        // Set the widgets from the profile without each change starting a verification of its own.
        const QSignalBlocker blockHere(m_here);
        const QSignalBlocker blockNodes(m_onNodes);
        (package.onNodes ? m_onNodes : m_here)->setChecked(true);
    }
    m_file->setText(package.file);
    m_uploadResults.clear();
    updateUploadNote();
    ++m_generation;
    fillNodeRows();
    // Verified on entry: the profile may name a good package already (the demo's does).
    verify();
}

void PackagePage::cleanupPage()
{
    // Going back: nothing of this page keeps running behind the operator's back.
    if (m_verifyCancel)
        m_verifyCancel->cancel();
    if (m_uploadCancel)
        m_uploadCancel->cancel();
}

bool PackagePage::isComplete() const
{
    return m_verified && m_inspection.ok() && !m_verifying && !m_uploading;
}

QProgressBar* PackagePage::progressBar(int row) const
{
    return qobject_cast<QProgressBar*>(m_nodes->cellWidget(row, ProgressColumn));
}

bool PackagePage::uploadApplies() const
{
    return state().profile.transport == Transport::Ssh && m_here->isChecked();
}

void PackagePage::choiceChanged()
{
    ++m_generation;
    m_verified = false;
    state().profile.package.onNodes = m_onNodes->isChecked();
    m_uploadResults.clear();
    updateUploadNote();
    fillNodeRows();
    verify();
}

void PackagePage::fileEdited()
{
    ++m_generation;
    m_verified = false;
    state().profile.package.file = m_file->text().trimmed();
    if (m_verifying)
        m_verifyCancel->cancel(); // its result is for another file now
    fillNodeRows();
    showInspection();
    updateControls();
    emit completeChanged();
}

void PackagePage::browse()
{
    const QString path = FileChooser::openFile(this, Tr::tr("Choose the MogDB 2.0.3 package"),
        Tr::tr("MogDB packages (MogDB-*.tar.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    m_file->setText(path);
    fileEdited();
    verify();
}

void PackagePage::verify()
{
    if (m_verifying) {
        // One verification at a time: end this one, start again from what the page shows when it ends.
        m_verifyAgain = true;
        m_verifyCancel->cancel();
        return;
    }
    WizardState& s = state();
    s.profile.package.file = m_file->text().trimmed();
    s.profile.package.onNodes = m_onNodes->isChecked();
    m_verified = false;
    m_verifying = true;
    m_verifyGeneration = m_generation;
    m_verifyCancel = std::make_shared<CancelToken>();
    fillNodeRows();
    showInspection();
    updateControls();
    emit completeChanged();
    // Copies into the task: the page may change the profile while the check runs.
    const ClusterProfile profile = s.profile;
    const std::shared_ptr<SshInteraction> interaction = s.interaction;
    const std::shared_ptr<CancelToken> cancel = m_verifyCancel;
    m_verifyWatcher.setFuture(QtConcurrent::run([profile, interaction, cancel]() {
        const std::shared_ptr<Executor> executor = makeExecutor(profile, interaction);
        return PackageInspector(profile).inspect(*executor, *cancel);
    }));
}

void PackagePage::verified()
{
    m_verifying = false;
    if (m_verifyAgain) {
        m_verifyAgain = false;
        verify();
        return;
    }
    if (m_verifyGeneration == m_generation) {
        m_inspection = m_verifyWatcher.result();
        m_verified = true;
    }
    fillNodeRows();
    showInspection();
    updateControls();
    emit completeChanged();
}

void PackagePage::fillNodeRows()
{
    const ClusterProfile& profile = state().profile;
    const bool upload = uploadApplies();
    if (m_nodes->rowCount() != profile.nodes.size()) {
        m_nodes->setRowCount(int(profile.nodes.size()));
        for (int row = 0; row < m_nodes->rowCount(); ++row) {
            for (int column = 0; column < ColumnCount; ++column) {
                if (column != ProgressColumn)
                    m_nodes->setItem(row, column, new QTableWidgetItem);
            }
            auto* bar = new QProgressBar(m_nodes);
            bar->setRange(0, kProgressSteps);
            bar->setValue(0);
            m_nodes->setCellWidget(row, ProgressColumn, bar);
        }
    }
    for (int row = 0; row < profile.nodes.size(); ++row) {
        const NodeProfile& node = profile.nodes.at(row);
        m_nodes->item(row, NodeColumn)->setText(node.name);
        // Where the upgrade will read it on that node: the file itself, or where the upload puts it.
        m_nodes->item(row, PathColumn)->setText(Planner::packagePathOn(profile, node));
        m_nodes->item(row, PathColumn)->setToolTip(Planner::packagePathOn(profile, node));
        const DistributionResult* sent = nullptr;
        for (const DistributionResult& r : std::as_const(m_uploadResults)) {
            if (r.node == node.name)
                sent = &r;
        }
        QString check;
        QString tip;
        if (m_verifying) {
            check = Tr::tr("checking...");
        } else if (m_verified && !m_inspection.onThisMachine) {
            for (const PackageCopy& c : m_inspection.copies) {
                if (c.node == node.name) {
                    check = c.ok() ? Tr::tr("verified, SHA-256 %1").arg(c.sha256) : c.what();
                    tip = c.detail();
                }
            }
        } else if (m_verified && upload && sent && sent->ok) {
            check = Tr::tr("copy on the node: SHA-256 %1").arg(sent->sha256);
        } else if (m_verified && upload) {
            check = Tr::tr("checked on this machine; not on the node yet");
        }
        m_nodes->item(row, CheckColumn)->setText(check);
        m_nodes->item(row, CheckColumn)->setToolTip(tip.isEmpty() ? check : tip);
        QProgressBar* bar = progressBar(row);
        bar->setObjectName(QStringLiteral("uploadProgress-") + node.name);
        bar->setAccessibleName(Tr::tr("Upload to %1").arg(node.name));
        if (sent && !m_uploading) {
            if (sent->ok)
                bar->setValue(kProgressSteps);
            bar->setFormat(sent->ok ? Tr::tr("%1 done").arg(
                               PackageInspector::humanSize(std::max<qint64>(0, m_inspection.size())))
                                    : Tr::tr("failed"));
        }
        const QString result = sent ? uploadResultText(*sent) : QString();
        m_nodes->item(row, ResultColumn)->setText(result);
        m_nodes->item(row, ResultColumn)->setToolTip(sent ? sent->message : QString());
    }
    m_nodes->setColumnHidden(ProgressColumn, !upload);
    m_nodes->setColumnHidden(ResultColumn, !upload);
}

void PackagePage::showInspection()
{
    const ClusterProfile& profile = state().profile;
    if (profile.transport == Transport::Local) {
        m_placeNote->setText(
            Tr::tr("Transport local: the nodes are on this machine, so each node reads the file where it is "
                   "and it is checked there, with the node's own environment."));
    } else if (m_here->isChecked()) {
        m_placeNote->setText(Tr::tr(
            "The file is checked on this machine. Upload it now to see every node's copy arrive, or "
            "let the run's first step upload it; either way each copy's SHA-256 is checked on its node."));
    } else {
        m_placeNote->setText(
            Tr::tr("The same path on every node; the package is checked on each node over SSH."));
    }

    QPalette verdictPalette = palette();
    if (m_verifying || !m_verified) {
        m_version->setText(QStringLiteral("—"));
        m_size->setText(QStringLiteral("—"));
        m_sha->setText(QStringLiteral("—"));
        m_verdict->setText(m_verifying
                ? Tr::tr("Verifying the package...")
                : Tr::tr("Not verified yet: press Enter in the file field, or Verify."));
        m_verdict->setPalette(verdictPalette);
        return;
    }
    const PackageInspection& i = m_inspection;
    m_version->setText(i.nameProblem == PackageProblem::BadName ? QStringLiteral("—") : i.names.version);
    const qint64 size = i.size();
    m_size->setText(size >= 0 ? Tr::tr("%1 (%L2 bytes)").arg(PackageInspector::humanSize(size)).arg(size)
                              : QStringLiteral("—"));
    QString sha = i.sha256();
    if (sha.isEmpty()) {
        bool anySha = false;
        for (const PackageCopy& c : i.copies)
            anySha = anySha || !c.sha256.isEmpty();
        sha = anySha ? Tr::tr("differs between the nodes (see the table)") : QStringLiteral("—");
    }
    m_sha->setText(sha);
    if (i.ok()) {
        m_verdict->setText(Tr::tr("Verified: %1").arg(i.detail()));
        verdictPalette.setColor(QPalette::WindowText, QColor(0x1e, 0x7a, 0x34));
    } else if (i.problem() == PackageProblem::Cancelled) {
        m_verdict->setText(Tr::tr("The verification was cancelled: Verify to check again."));
    } else {
        m_verdict->setText(
            Tr::tr("Refused: %1").arg(i.detail()) + QLatin1Char('\n') + Tr::tr("Fix: %1").arg(i.fix()));
        verdictPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x00, 0x00));
    }
    m_verdict->setPalette(verdictPalette);
}

void PackagePage::updateControls()
{
    const bool upload = uploadApplies();
    m_here->setEnabled(!m_uploading);
    m_onNodes->setEnabled(!m_uploading);
    m_file->setReadOnly(m_uploading);
    m_browse->setEnabled(!m_uploading);
    m_verify->setEnabled(!m_uploading);
    m_upload->setVisible(upload);
    m_cancelUpload->setVisible(upload);
    m_uploadNote->setVisible(upload);
    m_upload->setEnabled(upload && !m_uploading && !m_verifying && m_verified && m_inspection.ok());
    m_cancelUpload->setEnabled(m_uploading);
}

// The upload is done here, where the operator watches it and can still go back, but the profile keeps
// "on_nodes": false. Switching it to true would need one package.file path valid on every node, and each
// node has its own unpack_dir (the sandbox's always differ). The plan keeps its upload step instead: it
// finds these copies identical (SHA-256 computed on the node), sends nothing again, and leaves that proof
// in the run's own record, right before the unpack step reads the file.
void PackagePage::upload()
{
    if (m_uploading || !isComplete() || !uploadApplies())
        return;
    m_uploading = true;
    m_uploadResults.clear();
    m_uploadCancel = std::make_shared<CancelToken>();
    m_board = std::make_shared<ProgressBoard>();
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        progressBar(row)->setValue(0);
        progressBar(row)->setFormat(Tr::tr("waiting"));
    }
    fillNodeRows();
    updateUploadNote();
    updateControls();
    emit completeChanged();
    const ClusterProfile profile = state().profile;
    const std::shared_ptr<SshInteraction> interaction = state().interaction;
    const std::shared_ptr<CancelToken> cancel = m_uploadCancel;
    const std::shared_ptr<ProgressBoard> board = m_board;
    m_uploadWatcher.setFuture(QtConcurrent::run([profile, interaction, cancel, board]() {
        const std::shared_ptr<Executor> executor = makeExecutor(profile, interaction);
        PackageDistributor distributor(*executor, profile);
        QList<const NodeProfile*> nodes;
        for (const NodeProfile& n : profile.nodes)
            nodes << &n;
        return distributor.distributeAll(
            nodes, profile.package.file,
            [&profile](const NodeProfile& n) { return Planner::packagePathOn(profile, n); }, *cancel,
            [board](const TransferProgress& p) {
                const std::lock_guard<std::mutex> lock(board->mutex);
                board->latest.insert(p.node, p);
            },
            {});
    }));
    m_progressTimer.start();
}

void PackagePage::updateUploadNote()
{
    if (m_uploading) {
        m_uploadNote->setText(Tr::tr("Uploading to %n node(s) in parallel...", nullptr, m_nodes->rowCount()));
        return;
    }
    if (m_uploadResults.isEmpty()) {
        m_uploadNote->clear();
        return;
    }
    QStringList failed;
    for (const DistributionResult& r : std::as_const(m_uploadResults)) {
        if (!r.ok)
            failed << r.node;
    }
    if (m_uploadCancel && m_uploadCancel->isCancelled())
        m_uploadNote->setText(Tr::tr("Upload stopped. A partial copy is resumed by the next upload."));
    else if (failed.isEmpty())
        m_uploadNote->setText(
            Tr::tr("Every node holds an identical copy (SHA-256 checked on the node). The run's first step "
                   "checks them again and sends nothing that is already there."));
    else
        m_uploadNote->setText(Tr::tr(
            "The upload failed on %1 (see the table). Upload again, or let the run's first step retry it.")
                                  .arg(failed.join(QStringLiteral(", "))));
}

void PackagePage::cancelUpload()
{
    if (m_uploading && m_uploadCancel)
        m_uploadCancel->cancel();
}

void PackagePage::showProgress()
{
    if (!m_board)
        return;
    QHash<QString, TransferProgress> latest;
    {
        const std::lock_guard<std::mutex> lock(m_board->mutex);
        latest = m_board->latest;
    }
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const QString node = m_nodes->item(row, NodeColumn)->text();
        if (!latest.contains(node))
            continue;
        const TransferProgress& p = latest.value(node);
        QProgressBar* bar = progressBar(row);
        bar->setValue(p.total > 0 ? int(p.done * kProgressSteps / p.total) : 0);
        QString text = Tr::tr("%1 of %2")
                           .arg(PackageInspector::humanSize(p.done), PackageInspector::humanSize(p.total));
        if (p.bytesPerSecond > 0)
            text += QStringLiteral(" · ")
                + Tr::tr("%1/s").arg(PackageInspector::humanSize(qint64(p.bytesPerSecond)));
        if (p.secondsLeft >= 0 && p.done < p.total)
            text += QStringLiteral(" · ") + Tr::tr("%n s left", nullptr, p.secondsLeft);
        // QProgressBar's format treats % specially.
        bar->setFormat(QString(text).replace(QLatin1Char('%'), QStringLiteral("%%")));
    }
}

void PackagePage::uploaded()
{
    m_progressTimer.stop();
    showProgress();
    m_uploading = false;
    m_uploadResults = m_uploadWatcher.result();
    updateUploadNote();
    fillNodeRows();
    updateControls();
    emit completeChanged();
}

} // namespace MogUp
