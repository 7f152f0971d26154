#pragma once

#include "CliSupport.h"

namespace MogUp {

// mogup-cli demo: Build or stop a sandbox MogDB cluster (demo init DIR / demo stop DIR).
class DemoCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("demo"); }
    int execute(const QStringList& args) override;
};

// mogup-cli plan: Print the exact plan without changing anything.
class PlanCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("plan"); }
    int execute(const QStringList& args) override;
};

// mogup-cli precheck: The read-only checks made before an upgrade.
class PrecheckCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("precheck"); }
    int execute(const QStringList& args) override;
};

// mogup-cli status: Each node's role, state, version, running.
class StatusCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("status"); }
    int execute(const QStringList& args) override;
};

// mogup-cli upgrade: Pre-check, plan, confirm, run through an UpgradeSession, verify.
class UpgradeCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("upgrade"); }
    int execute(const QStringList& args) override;
};

// mogup-cli undo: Run the way back of a recorded run.
class UndoCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("undo"); }
    int execute(const QStringList& args) override;
};

// mogup-cli monitor: Sample the walsender memory (into a run directory's samples.csv) and judge the leak.
class MonitorCommand : public Command
{
public:
    using Command::Command;
    QString name() const override { return QStringLiteral("monitor"); }
    int execute(const QStringList& args) override;
};

} // namespace MogUp
