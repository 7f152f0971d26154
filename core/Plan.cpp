#include "Plan.h"

#include "ShellQuote.h"
#include "Tr.h"

#include <QJsonArray>

#include <iterator>
#include <utility>

namespace MogUp {

namespace {

// One table per enum, so name -> value and value -> name can never disagree.
const std::pair<UpgradeMode, const char*> kModeNames[] = {
    { UpgradeMode::Offline, "offline" },
    { UpgradeMode::Rolling, "rolling" },
};

const std::pair<StepKind, const char*> kStepKindNames[] = {
    { StepKind::StopMogha, "stop-mogha" },
    { StepKind::StopDb, "stop-db" },
    { StepKind::StopCluster, "stop-cluster" },
    { StepKind::Unpack, "unpack" },
    { StepKind::SwapBin, "swap-bin" },
    { StepKind::SwapLib, "swap-lib" },
    { StepKind::CopyOmFiles, "copy-om-files" },
    { StepKind::StartDb, "start-db" },
    { StepKind::StartCluster, "start-cluster" },
    { StepKind::WaitCatchup, "wait-catchup" },
    { StepKind::Switchover, "switchover" },
    { StepKind::RefreshConf, "refreshconf" },
    { StepKind::StartMogha, "start-mogha" },
    { StepKind::Verify, "verify" },
    { StepKind::UploadPackage, "upload-package" },
};

const std::pair<CheckKind, const char*> kCheckKindNames[] = {
    { CheckKind::None, "none" },
    { CheckKind::MoghaStopped, "mogha-stopped" },
    { CheckKind::MoghaRunning, "mogha-running" },
    { CheckKind::DbStopped, "db-stopped" },
    { CheckKind::DbRunning, "db-running" },
    { CheckKind::CaughtUp, "caught-up" },
    { CheckKind::SwitchedOver, "switched-over" },
    { CheckKind::PathsPresent, "paths-present" },
    { CheckKind::BinaryVersion, "binary-version" },
    { CheckKind::RunningVersion, "running-version" },
    { CheckKind::ClusterStopped, "cluster-stopped" },
    { CheckKind::ClusterNormal, "cluster-normal" },
};

template <typename E, std::size_t N> QString nameOf(const std::pair<E, const char*> (&table)[N], E value)
{
    for (const auto& entry : table) {
        if (entry.first == value)
            return QLatin1String(entry.second);
    }
    return {};
}

template <typename E, std::size_t N>
bool valueOf(const std::pair<E, const char*> (&table)[N], const QString& name, E* out)
{
    for (const auto& entry : table) {
        if (name == QLatin1String(entry.second)) {
            *out = entry.first;
            return true;
        }
    }
    return false;
}

QString runAsName(RunAs r)
{
    return r == RunAs::Root ? QStringLiteral("root") : QStringLiteral("db-user");
}

RunAs runAsFromName(const QString& name)
{
    return name == QLatin1String("root") ? RunAs::Root : RunAs::DbUser;
}

// Replaces %1..%99 in one pass. QString::arg() applied repeatedly would also expand a "%2" that
// arrived inside the first argument (a path may contain one).
QString applyArgs(const QString& format, const QStringList& args)
{
    QString out;
    out.reserve(format.size());
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('%') && i + 1 < format.size() && format.at(i + 1).isDigit()) {
            qsizetype j = i + 1;
            int n = 0;
            while (j < format.size() && format.at(j).isDigit() && j < i + 3) {
                n = n * 10 + format.at(j).digitValue();
                ++j;
            }
            if (n >= 1 && n <= args.size()) {
                out += args.at(n - 1);
                i = j - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString translated(const QString& source, const QStringList& args)
{
    if (source.isEmpty())
        return {};
    return applyArgs(Tr::tr(source.toUtf8().constData()), args);
}

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue& v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue& e : a)
        out << e.toString();
    return out;
}

// Keeps a multi-line text inside a shell comment: every line gets its own "# ".
QString commentLines(const QString& prefix, const QString& text)
{
    QString body = prefix + text;
    body.replace(QLatin1Char('\n'), QStringLiteral("\n#   "));
    return QStringLiteral("# ") + body + QLatin1Char('\n');
}

QString describeExpectation(const Check& c)
{
    QStringList parts;
    parts << checkKindName(c.kind);
    if (!c.expectRole.isEmpty())
        parts << Tr::tr("role %1").arg(c.expectRole);
    if (!c.expectVersion.isEmpty())
        parts << Tr::tr("version %1").arg(c.expectVersion);
    if (c.expectNodes > 0)
        parts << Tr::tr("%1 nodes").arg(c.expectNodes);
    if (!c.paths.isEmpty())
        parts << Tr::tr("paths %1").arg(c.paths.join(QStringLiteral(", ")));
    if (c.settleMs > 0)
        parts << Tr::tr("stays so for %1 s").arg(c.settleMs / 1000);
    parts << Tr::tr("within %1 s").arg(c.timeoutMs / 1000);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString upgradeModeName(UpgradeMode m)
{
    return nameOf(kModeNames, m);
}

bool upgradeModeFromName(const QString& name, UpgradeMode* out)
{
    return valueOf(kModeNames, name, out);
}

QString stepKindName(StepKind k)
{
    return nameOf(kStepKindNames, k);
}

bool stepKindFromName(const QString& name, StepKind* out)
{
    return valueOf(kStepKindNames, name, out);
}

QString checkKindName(CheckKind k)
{
    return nameOf(kCheckKindNames, k);
}

bool checkKindFromName(const QString& name, CheckKind* out)
{
    return valueOf(kCheckKindNames, name, out);
}

QJsonObject Check::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), checkKindName(kind));
    o.insert(QStringLiteral("command"), command);
    o.insert(QStringLiteral("expect_role"), expectRole);
    o.insert(QStringLiteral("expect_version"), expectVersion);
    o.insert(QStringLiteral("expect_nodes"), expectNodes);
    o.insert(QStringLiteral("paths"), toArray(paths));
    o.insert(QStringLiteral("timeout_ms"), timeoutMs);
    o.insert(QStringLiteral("interval_ms"), intervalMs);
    o.insert(QStringLiteral("settle_ms"), settleMs);
    if (kind == CheckKind::CaughtUp)
        o.insert(QStringLiteral("max_lag_bytes"), double(maxLagBytes));
    return o;
}

Check Check::fromJson(const QJsonObject& o)
{
    Check c;
    // An unknown kind stays None, which the runner reports instead of silently passing.
    checkKindFromName(o.value(QStringLiteral("kind")).toString(), &c.kind);
    c.command = o.value(QStringLiteral("command")).toString();
    c.expectRole = o.value(QStringLiteral("expect_role")).toString();
    c.expectVersion = o.value(QStringLiteral("expect_version")).toString();
    c.expectNodes = o.value(QStringLiteral("expect_nodes")).toInt(c.expectNodes);
    c.paths = toStringList(o.value(QStringLiteral("paths")));
    c.timeoutMs = o.value(QStringLiteral("timeout_ms")).toInt(c.timeoutMs);
    c.intervalMs = o.value(QStringLiteral("interval_ms")).toInt(c.intervalMs);
    c.settleMs = o.value(QStringLiteral("settle_ms")).toInt(c.settleMs);
    c.maxLagBytes = qint64(o.value(QStringLiteral("max_lag_bytes")).toDouble(0));
    return c;
}

QString Step::title() const
{
    return translated(titleSource, titleArgs);
}

QString Step::undoTitle() const
{
    return translated(undoTitleSource, undoTitleArgs);
}

QStringList Step::noteTexts() const
{
    QStringList out;
    for (const Note& n : notes)
        out << translated(n.source, n.args);
    return out;
}

QJsonObject Step::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("kind"), stepKindName(kind));
    o.insert(QStringLiteral("node"), node);
    o.insert(QStringLiteral("title_source"), titleSource);
    o.insert(QStringLiteral("title_args"), toArray(titleArgs));
    // The title as shown when the plan was built: a reader of plan.json without MogUp sees it too.
    o.insert(QStringLiteral("title"), title());
    o.insert(QStringLiteral("command"), command);
    o.insert(QStringLiteral("run_as"), runAsName(runAs));
    o.insert(QStringLiteral("check"), check.toJson());
    o.insert(QStringLiteral("undo_command"), undoCommand);
    o.insert(QStringLiteral("undo_node"), undoNode);
    o.insert(QStringLiteral("undo_title_source"), undoTitleSource);
    o.insert(QStringLiteral("undo_title_args"), toArray(undoTitleArgs));
    o.insert(QStringLiteral("timeout_ms"), timeoutMs);
    o.insert(QStringLiteral("effect_detectable"), effectDetectable);
    // Written only when set: most steps have neither, and plan.json stays as it was for them.
    if (effectCheck.kind != CheckKind::None)
        o.insert(QStringLiteral("effect_check"), effectCheck.toJson());
    if (onlyIf.kind != CheckKind::None)
        o.insert(QStringLiteral("only_if"), onlyIf.toJson());
    if (!notes.isEmpty()) {
        QJsonArray arr;
        for (const Note& n : notes)
            arr.append(QJsonObject { { QStringLiteral("source"), n.source }, { QStringLiteral("args"), toArray(n.args) },
                // As shown when the plan was built, for a reader without MogUp.
                { QStringLiteral("text"), translated(n.source, n.args) } });
        o.insert(QStringLiteral("notes"), arr);
    }
    if (kind == StepKind::UploadPackage) {
        o.insert(QStringLiteral("local_file"), localFile);
        o.insert(QStringLiteral("targets"), toArray(targets));
    }
    return o;
}

Step Step::fromJson(const QJsonObject& o)
{
    Step s;
    s.id = o.value(QStringLiteral("id")).toString();
    stepKindFromName(o.value(QStringLiteral("kind")).toString(), &s.kind);
    s.node = o.value(QStringLiteral("node")).toString();
    s.titleSource = o.value(QStringLiteral("title_source")).toString();
    s.titleArgs = toStringList(o.value(QStringLiteral("title_args")));
    s.command = o.value(QStringLiteral("command")).toString();
    s.runAs = runAsFromName(o.value(QStringLiteral("run_as")).toString());
    s.check = Check::fromJson(o.value(QStringLiteral("check")).toObject());
    s.undoCommand = o.value(QStringLiteral("undo_command")).toString();
    s.undoNode = o.value(QStringLiteral("undo_node")).toString();
    s.undoTitleSource = o.value(QStringLiteral("undo_title_source")).toString();
    s.undoTitleArgs = toStringList(o.value(QStringLiteral("undo_title_args")));
    s.timeoutMs = o.value(QStringLiteral("timeout_ms")).toInt(s.timeoutMs);
    s.effectDetectable = o.value(QStringLiteral("effect_detectable")).toBool(false);
    // Absent in older plan.json files: the checks stay None.
    if (o.contains(QStringLiteral("effect_check")))
        s.effectCheck = Check::fromJson(o.value(QStringLiteral("effect_check")).toObject());
    if (o.contains(QStringLiteral("only_if")))
        s.onlyIf = Check::fromJson(o.value(QStringLiteral("only_if")).toObject());
    for (const QJsonValue& v : o.value(QStringLiteral("notes")).toArray()) {
        const QJsonObject n = v.toObject();
        s.notes.append(Note { n.value(QStringLiteral("source")).toString(), toStringList(n.value(QStringLiteral("args"))) });
    }
    s.localFile = o.value(QStringLiteral("local_file")).toString();
    s.targets = toStringList(o.value(QStringLiteral("targets")));
    return s;
}

QJsonObject Plan::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("mode"), upgradeModeName(mode));
    o.insert(QStringLiteral("profile_name"), profileName);
    o.insert(QStringLiteral("from_version"), fromVersion);
    o.insert(QStringLiteral("to_version"), toVersion);
    o.insert(QStringLiteral("id"), id);
    QJsonArray stepArray;
    for (const Step& s : steps)
        stepArray.append(s.toJson());
    o.insert(QStringLiteral("steps"), stepArray);
    QJsonObject hosts;
    for (auto it = nodeHosts.cbegin(); it != nodeHosts.cend(); ++it)
        hosts.insert(it.key(), it.value());
    o.insert(QStringLiteral("node_hosts"), hosts);
    return o;
}

Plan Plan::fromJson(const QJsonObject& o)
{
    Plan p;
    upgradeModeFromName(o.value(QStringLiteral("mode")).toString(), &p.mode);
    p.profileName = o.value(QStringLiteral("profile_name")).toString();
    p.fromVersion = o.value(QStringLiteral("from_version")).toString();
    p.toVersion = o.value(QStringLiteral("to_version")).toString();
    p.id = o.value(QStringLiteral("id")).toString(); // empty for plans written before ids existed
    const QJsonArray stepArray = o.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue& v : stepArray)
        p.steps.append(Step::fromJson(v.toObject()));
    const QJsonObject hosts = o.value(QStringLiteral("node_hosts")).toObject();
    for (auto it = hosts.constBegin(); it != hosts.constEnd(); ++it)
        p.nodeHosts.insert(it.key(), it.value().toString());
    return p;
}

QString Plan::toShellScript() const
{
    QString out;
    out += QStringLiteral("#!/bin/sh\n");
    out += commentLines(Tr::tr("MogUp upgrade plan for profile %1").arg(profileName), {});
    out += commentLines(Tr::tr("mode: %1").arg(upgradeModeName(mode)), {});
    out += commentLines(Tr::tr("MogDB %1 -> %2").arg(fromVersion, toVersion), {});
    out += commentLines(Tr::tr("generated by MogUp; every command below is exactly what MogUp runs"), {});
    out += commentLines(
        Tr::tr("Each command runs in a subshell; the script stops at the first one that fails."), {});
    if (!nodeHosts.isEmpty()) {
        out += commentLines(Tr::tr("Commands marked \"ON ANOTHER HOST\" belong to the named node: run them "
                                   "there, not on this machine."),
            {});
    }
    out += QLatin1Char('\n');

    const int total = int(steps.size());
    for (int i = 0; i < total; ++i) {
        const Step& s = steps.at(i);
        const QString who
            = s.runAs == RunAs::Root ? Tr::tr("runs as root") : Tr::tr("runs as the database user");
        out += commentLines(QStringLiteral("[%1/%2] ").arg(i + 1).arg(total),
            Tr::tr("%1 (node %2, %3)").arg(s.title(), s.node, who));
        for (const QString& note : s.noteTexts())
            out += commentLines(QStringLiteral("  - "), note);
        // The host mark stands right before the command it is about.
        const QString host = nodeHosts.value(s.node);
        if (!host.isEmpty())
            out += commentLines(Tr::tr("ON ANOTHER HOST: node %1, host %2").arg(s.node, host), {});
        if (s.kind == StepKind::UploadPackage) {
            // MogUp uploads over SFTP itself; by hand, scp does the same (then compare sha256sum).
            out += commentLines(Tr::tr("upload %1 to every node (SFTP, then sha256sum compared):").arg(s.localFile), {});
            out += s.command + QStringLiteral("\n\n");
            continue;
        }
        // A subshell keeps a `cd` or a sourced env file of one step from leaking into the next, and
        // `exit 1` in a command ends only that command; the status decides whether the script goes on.
        out += QStringLiteral("(\n") + s.command + QStringLiteral("\n) || { echo ")
            + shellQuote(QStringLiteral("MogUp: step %1 (%2) failed").arg(i + 1).arg(s.id))
            + QStringLiteral(" >&2; exit 1; }\n");
        if (s.check.kind != CheckKind::None) {
            out += commentLines(QStringLiteral("check: "), s.check.command);
            out += commentLines(
                QStringLiteral("       "), Tr::tr("expect: %1").arg(describeExpectation(s.check)));
        }
        if (s.undoCommand.isEmpty()) {
            out += commentLines(QStringLiteral("undo: "), Tr::tr("nothing to undo"));
        } else {
            const QString undoOn = s.undoNode.isEmpty() ? s.node : s.undoNode;
            out += commentLines(QStringLiteral("undo: "), s.undoCommand);
            if (undoOn != s.node)
                out += commentLines(
                    QStringLiteral("      "), Tr::tr("(the undo runs on node %1)").arg(undoOn));
            const QString undoHost = nodeHosts.value(undoOn);
            if (!undoHost.isEmpty() && undoOn != s.node)
                out += commentLines(QStringLiteral("      "),
                    Tr::tr("ON ANOTHER HOST: node %1, host %2").arg(undoOn, undoHost));
        }
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("echo 'MogUp: all %1 steps done'\n").arg(total);
    return out;
}

} // namespace MogUp
