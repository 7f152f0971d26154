#pragma once

#include <QString>

namespace MogUp {

struct MogdbVersion
{
    QString tool;        // "gaussdb", "gs_ctl", "gsql", "gs_om" or "PostgreSQL" for select version()
    QString product;     // "MogDB", "openGauss", "openGauss OM"
    QString version;     // "2.0.1"
    int major = 0, minor = 0, patch = 0;
    QString build;       // "f892ccb7"
    QString compiledAt;  // "2021-07-09 16:12:59"
};

// Parses version strings (mogdb-tools.md §2.5):
//   "gaussdb (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  "
//   "gsql ((MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  )"
//   "PostgreSQL 9.2.4 (MogDB 2.0.1 build f892ccb7) compiled at ... on x86_64-unknown-linux-gnu, compiled by g++ (GCC) 7.3.0, 64-bit"
class VersionParser
{
public:
    static bool parse(const QString& text, MogdbVersion* out, QString* error);
    // -1, 0, 1 comparing dotted versions "2.0.1" vs "2.0.3".
    static int compare(const QString& a, const QString& b);
};

} // namespace MogUp
