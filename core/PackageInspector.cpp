#include "PackageInspector.h"

#include "LocalExecutor.h"
#include "ShellQuote.h"
#include "Tr.h"

#include <QMap>

namespace MogUp {

namespace {

// Reading a few hundred MB three times (hash, list, extract) on a slow disk takes a while.
constexpr int kInspectTimeoutMs = 600 * 1000;

} // namespace

QString PackageInspector::humanSize(qint64 bytes)
{
    if (bytes >= 1024LL * 1024 * 1024)
        return Tr::tr("%1 GiB").arg(bytes / 1024.0 / 1024 / 1024, 0, 'f', 2);
    if (bytes >= 1024 * 1024)
        return Tr::tr("%1 MiB").arg(bytes / 1024.0 / 1024, 0, 'f', 1);
    if (bytes >= 1024)
        return Tr::tr("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
    return Tr::tr("%n byte(s)", nullptr, int(bytes));
}

QString PackageCopy::where() const
{
    return node.isEmpty() ? Tr::tr("this machine") : node;
}

QString PackageCopy::what() const
{
    switch (problem) {
    case PackageProblem::None:
        return Tr::tr("%1 (%2, SHA-256 %3): %4 matches its .sha256")
            .arg(path, PackageInspector::humanSize(size), sha256, inner);
    case PackageProblem::Missing:
        return Tr::tr("%1 is not there").arg(path);
    case PackageProblem::Unreadable:
        return why.isEmpty() ? Tr::tr("%1 is there but cannot be read").arg(path)
                             : Tr::tr("%1 could not be checked (%2)").arg(path, why);
    case PackageProblem::Damaged:
        if (expectedInner.isEmpty())
            return Tr::tr("%1 cannot be read, or does not hold %2 and %3").arg(path, inner, checksum);
        return Tr::tr("checksum mismatch for %1: the .sha256 says %2, the file has %3")
            .arg(inner, expectedInner, actualInner);
    case PackageProblem::Cancelled:
        return Tr::tr("the check was cancelled");
    case PackageProblem::BadName:
    case PackageProblem::WrongVersion:
        break; // said by PackageInspection: no copy is read for these
    }
    return {};
}

QString PackageCopy::detail() const
{
    return Tr::tr("%1: %2").arg(where(), what());
}

bool PackageInspection::ok() const
{
    return problem() == PackageProblem::None;
}

PackageProblem PackageInspection::problem() const
{
    if (nameProblem != PackageProblem::None)
        return nameProblem;
    if (cancelled)
        return PackageProblem::Cancelled;
    if (copies.isEmpty())
        return PackageProblem::Missing;
    for (const PackageCopy& c : copies) {
        if (!c.ok())
            return c.problem;
    }
    return PackageProblem::None;
}

QString PackageInspection::detail() const
{
    if (nameProblem == PackageProblem::BadName) {
        QString error;
        Planner::packageNames(file, nullptr, &error);
        return error;
    }
    if (nameProblem == PackageProblem::WrongVersion)
        return Tr::tr("%1 is MogDB %2, not MogDB %3: this upgrade needs the %3 package")
            .arg(file, names.version, expectedVersion);
    // The same problem on several nodes (the same file, on one machine) is said once, naming them all.
    QStringList problems;
    QList<QStringList> places;
    for (const PackageCopy& c : copies) {
        if (c.ok() || c.problem == PackageProblem::Cancelled)
            continue; // a cancelled check is said once, below
        const QString what = c.what();
        const int i = int(problems.indexOf(what));
        if (i >= 0) {
            places[i] << c.where();
        } else {
            problems << what;
            places << QStringList { c.where() };
        }
    }
    if (cancelled) {
        problems << Tr::tr("the check was cancelled");
        places << QStringList { file };
    }
    if (!problems.isEmpty()) {
        QStringList parts;
        for (int i = 0; i < problems.size(); ++i)
            parts << Tr::tr("%1: %2").arg(places.at(i).join(QStringLiteral(", ")), problems.at(i));
        return parts.join(QStringLiteral("; "));
    }
    if (copies.isEmpty())
        return Tr::tr("%1: no copy was checked").arg(file);
    QStringList checkedOn;
    for (const PackageCopy& c : copies)
        checkedOn << c.where();
    return Tr::tr("%1: MogDB %2, %3 matches its .sha256 (checked on %4)")
        .arg(names.outer, names.version, names.inner, checkedOn.join(QStringLiteral(", ")));
}

QString PackageInspection::fix() const
{
    switch (problem()) {
    case PackageProblem::None:
    case PackageProblem::Cancelled:
        return {};
    case PackageProblem::BadName:
        return Tr::tr("choose the MogDB %1 release tarball as downloaded, without renaming it")
            .arg(expectedVersion);
    case PackageProblem::WrongVersion:
        return Tr::tr("choose the MogDB %1 package (MogDB-%1-<os>-<arch>.tar.gz)").arg(expectedVersion);
    case PackageProblem::Missing:
        return onThisMachine
            ? Tr::tr("check the path, or choose the package with Browse")
            : Tr::tr(
                "copy the package to that path on every node, or choose \"on this machine\" to upload it");
    case PackageProblem::Unreadable:
        return Tr::tr("make the file readable for the user MogUp logs in as");
    case PackageProblem::Damaged:
        return Tr::tr("get the package again from the vendor and check its size");
    }
    return {};
}

qint64 PackageInspection::size() const
{
    qint64 size = -1;
    for (const PackageCopy& c : copies) {
        if (c.size < 0 || (size >= 0 && c.size != size))
            return -1;
        size = c.size;
    }
    return size;
}

QString PackageInspection::sha256() const
{
    QString sum;
    for (const PackageCopy& c : copies) {
        if (c.sha256.isEmpty() || (!sum.isEmpty() && c.sha256 != sum))
            return {};
        sum = c.sha256;
    }
    return sum;
}

PackageInspector::PackageInspector(const ClusterProfile& profile, QString expectedVersion)
    : m_profile(profile)
    , m_expectedVersion(std::move(expectedVersion))
{
}

QString PackageInspector::inspectCommand(const QString& path, const Planner::PackageNames& names)
{
    const QString p = shellQuote(path);
    // `tar -tf P A B` fails when either member is missing: a pipeline's status is its last command's, so
    // the hash pipelines alone could not tell "no such member" from "hashed".
    return QStringLiteral("if [ ! -f %1 ]; then echo missing; exit 0; fi; "
                          "if [ ! -r %1 ]; then echo unreadable; exit 0; fi; "
                          "echo \"size $(stat -L -c %s %1)\"; "
                          "echo \"sha256 $(sha256sum %1 | cut -d ' ' -f 1)\"; "
                          "if tar -tf %1 %2 %3 >/dev/null; then echo members; fi; "
                          "echo \"expected $(tar -xOf %1 %2 | cut -d ' ' -f 1 | tr -d '[:space:]')\"; "
                          "echo \"inner $(tar -xOf %1 %3 | sha256sum | cut -d ' ' -f 1)\"")
        .arg(p, shellQuote(names.checksum), shellQuote(names.inner));
}

bool PackageInspector::checkName(PackageInspection* out) const
{
    out->file = m_profile.package.file;
    out->expectedVersion = m_expectedVersion;
    if (!Planner::packageNames(m_profile.package.file, &out->names, nullptr)) {
        out->nameProblem = PackageProblem::BadName;
        return false;
    }
    if (!m_expectedVersion.isEmpty() && out->names.version != m_expectedVersion) {
        out->nameProblem = PackageProblem::WrongVersion;
        return false;
    }
    return true;
}

PackageInspection PackageInspector::inspect(Executor& executor, const CancelToken& cancel) const
{
    return Planner::needsUpload(m_profile) ? inspectHere(cancel) : inspectOnNodes(executor, cancel);
}

PackageInspection PackageInspector::inspectHere(const CancelToken& cancel) const
{
    PackageInspection out;
    out.onThisMachine = true;
    if (!checkName(&out))
        return out;
    // This machine, not a node: no sandbox PATH, no login, the tools of the machine MogUp runs on.
    const ClusterProfile here;
    NodeProfile self;
    self.name = QStringLiteral("localhost");
    LocalExecutor local(here);
    out.copies << inspectAt(local, self, QString(), m_profile.package.file, out.names, cancel);
    out.cancelled = cancel.isCancelled();
    return out;
}

PackageInspection PackageInspector::inspectOnNodes(Executor& executor, const CancelToken& cancel) const
{
    PackageInspection out;
    if (!checkName(&out))
        return out;
    for (const NodeProfile& n : m_profile.nodes) {
        if (cancel.isCancelled())
            break;
        out.copies << inspectAt(executor, n, n.name, Planner::packagePathOn(m_profile, n), out.names, cancel);
    }
    out.cancelled = cancel.isCancelled();
    return out;
}

PackageCopy PackageInspector::inspectAt(Executor& executor, const NodeProfile& node, const QString& nodeName,
    const QString& path, const Planner::PackageNames& names, const CancelToken& cancel)
{
    PackageCopy c;
    c.node = nodeName;
    c.path = path;
    c.inner = names.inner;
    c.checksum = names.checksum;
    QString out;
    QStringList errors;
    const ExecResult r = executor.run(
        node, inspectCommand(path, names), kInspectTimeoutMs, cancel, [&](const OutputLine& l) {
            if (l.stream == OutputStream::Stdout)
                out += l.text + QLatin1Char('\n');
            else if (errors.size() < 3)
                errors << l.text;
        });
    if (r.cancelled || cancel.isCancelled()) {
        c.problem = PackageProblem::Cancelled;
        return c;
    }
    QMap<QString, QString> values;
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        values.insert(line.section(QLatin1Char(' '), 0, 0), line.section(QLatin1Char(' '), 1).trimmed());
    if (values.contains(QStringLiteral("missing"))) {
        c.problem = PackageProblem::Missing;
        return c;
    }
    if (values.contains(QStringLiteral("unreadable"))) {
        c.problem = PackageProblem::Unreadable;
        return c;
    }
    if (!r.ok() || !values.contains(QStringLiteral("size"))) {
        c.problem = PackageProblem::Unreadable;
        c.why = !r.error.isEmpty() ? r.error
            : !errors.isEmpty()    ? errors.join(QStringLiteral(" / "))
                                   : Tr::tr("exit code %1").arg(r.exitCode);
        return c;
    }
    bool numeric = false;
    c.size = values.value(QStringLiteral("size")).toLongLong(&numeric);
    if (!numeric)
        c.size = -1;
    c.sha256 = values.value(QStringLiteral("sha256"));
    c.expectedInner = values.value(QStringLiteral("expected")).toLower();
    c.actualInner = values.value(QStringLiteral("inner")).toLower();
    if (!values.contains(QStringLiteral("members")) || c.expectedInner.isEmpty()) {
        c.expectedInner.clear();
        c.problem = PackageProblem::Damaged;
    } else if (c.expectedInner != c.actualInner) {
        c.problem = PackageProblem::Damaged;
    }
    return c;
}

} // namespace MogUp
