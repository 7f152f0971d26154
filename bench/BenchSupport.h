#pragma once

#include "SshdFixture.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Bench {

// One row of a benchmark's table: what was measured, against which peer.
struct Row
{
    QString what;
    double seconds = 0;
    int operations = 1;     // per-op ms = seconds / operations
    double megabytes = 0;   // > 0: MB/s is shown (MB = 10^6 bytes)
    QString note;
};

// A benchmark's result: its rows, its ratios and goals, printed as a table and written as Markdown.
class Report
{
public:
    explicit Report(QString title) : m_title(std::move(title)) {}
    void add(const Row& row) { m_rows.append(row); }
    // "name = value", with a goal (empty = only reported) and whether it was met.
    void ratio(const QString& name, double value, const QString& goal = {}, bool met = true);
    void remark(const QString& text) { m_remarks.append(text); }
    void print() const;                                // to stdout
    bool appendMarkdown(const QString& file) const;    // a "## title" section
    bool allGoalsMet() const;

private:
    struct Ratio
    {
        QString name;
        double value;
        QString goal;
        bool met;
    };
    QString m_title;
    QList<Row> m_rows;
    QList<Ratio> m_ratios;
    QStringList m_remarks;
};

// Wall-clock seconds of f().
double timeIt(const std::function<void()>& f);

// The OpenSSH client options that make `ssh`/`scp`/`sftp` use exactly what MogUp uses: the fixture's
// ed25519 key, the same known_hosts (strict), no agent, no user config, no prompts.
QStringList opensshOptions(const TestSupport::SshdFixture& sshd, const QString& knownHosts, const QString& user = {});

// `ssh -V` (it prints to stderr).
QString opensshVersion();

// Runs a program, returns false (and prints why) when it fails.
bool runOk(const QString& program, const QStringList& args, int timeoutMs = 600000);

// Starts argv[0] (searched in PATH) with stdin/stdout/stderr on /dev/null and waits for it: the cheapest way
// to run a program (no pipes, no event loop), so the peer's time is its own. Returns the exit code (-1 on
// failure to start or a signal).
int spawnWait(const QStringList& argv);

// --markdown FILE from the command line (empty when not given).
QString markdownFileArg(const QStringList& args);

} // namespace Bench
