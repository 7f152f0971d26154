#pragma once

#include "Executor.h"
#include "Planner.h"
#include "Profile.h"

#include <QList>
#include <QString>

namespace MogUp {

// What is wrong with a copy of the package, if anything.
enum class PackageProblem
{
    None,
    BadName, // the file name is not MogDB-<version>-<os>-<arch>.tar.gz
    WrongVersion, // a MogDB package, but not the version the patch is for
    Missing, // no such file (or not a regular file) where it should be
    Unreadable, // there, but cannot be read
    Damaged, // the inner tarball or its .sha256 cannot be read out of it, or they do not match
    Cancelled
};

// One copy of the package, checked where it lies: on this machine or on one node. Facts only; the texts
// are made when asked for, so they follow a language switch.
struct PackageCopy
{
    QString node; // empty: this machine
    QString path;
    PackageProblem problem = PackageProblem::None;
    qint64 size = -1; // bytes, -1 when unknown
    QString sha256; // of the outer .tar.gz, as sha256sum printed it; empty when unknown
    QString inner; // the inner tarball's name
    QString checksum; // the .sha256's name
    QString expectedInner; // what the shipped .sha256 says
    QString actualInner; // what the inner tarball hashes to
    QString why; // Unreadable: the executor's error or the command's stderr
    bool ok() const { return problem == PackageProblem::None; }
    QString where() const; // the node, or "this machine" (translated)
    QString what() const; // translated: what is wrong, or what was proven (names the file, not the place)
    QString detail() const; // "where: what"
};

// The verdict on the package named by a profile.
struct PackageInspection
{
    QString file; // package.file as inspected
    QString expectedVersion; // the version the upgrade needs ("2.0.3")
    bool onThisMachine = false; // checked on this machine (it still has to travel) or on every node
    Planner::PackageNames names; // valid unless problem() is BadName
    QList<PackageCopy> copies; // one per place checked (empty when the name alone was refused)
    PackageProblem nameProblem = PackageProblem::None;
    bool cancelled = false; // the check was cancelled before every node was read

    bool ok() const;
    PackageProblem problem() const; // the first problem found, None when ok
    // Every problem (the same one on several nodes said once), or what was proven when ok. Translated.
    QString detail() const;
    // What to do about it (translated), empty when ok.
    QString fix() const;
    // Size and SHA-256 of the outer file when every copy agrees (-1 / empty otherwise).
    qint64 size() const;
    QString sha256() const;
};

// Checks a MogDB package before anything is stopped: its name and version (Planner::packageNames), its
// size and SHA-256, and its inner tarball against the .sha256 shipped inside it (read straight out of
// the package, as the vendor's procedure checks it after unpacking). Where: on this machine when the
// package still has to be uploaded (Planner::needsUpload), otherwise on every node through the executor
// (transport local: the nodes' own view of the file, with the node's environment). Shared by the
// pre-checks and the wizard's package page. Blocking: call it from a worker thread; `cancel` ends the
// running command.
class PackageInspector
{
public:
    explicit PackageInspector(
        const ClusterProfile& profile, QString expectedVersion = QStringLiteral("2.0.3"));

    // Where the profile says the package is (this machine or the nodes), as the upgrade would use it.
    PackageInspection inspect(Executor& executor, const CancelToken& cancel) const;
    // The file on this machine (whatever the profile's transport).
    PackageInspection inspectHere(const CancelToken& cancel) const;
    // On every node, at Planner::packagePathOn.
    PackageInspection inspectOnNodes(Executor& executor, const CancelToken& cancel) const;

    // The one shell command that checks a copy at `path`; prints "key value" lines (missing, size, sha256,
    // expected, inner). Read-only; every value quoted.
    static QString inspectCommand(const QString& path, const Planner::PackageNames& names);
    // "1.2 MiB" (translated units).
    static QString humanSize(qint64 bytes);

private:
    bool checkName(PackageInspection* out) const;
    static PackageCopy inspectAt(Executor& executor, const NodeProfile& node, const QString& nodeName,
        const QString& path, const Planner::PackageNames& names, const CancelToken& cancel);

    const ClusterProfile& m_profile;
    QString m_expectedVersion;
};

} // namespace MogUp
