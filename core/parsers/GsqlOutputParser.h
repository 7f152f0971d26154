#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace MogUp {

struct GsqlTable
{
    QStringList columns;       // empty for tuples-only output
    QList<QStringList> rows;
};

// Parses gsql result output (mogdb-tools.md §4): aligned (psql 9.2 format, with or without -t) and
// unaligned (-A, with or without -t, field separator default '|').
class GsqlOutputParser
{
public:
    static bool parseAligned(const QString& output, bool tuplesOnly, GsqlTable* out, QString* error);
    static bool parseUnaligned(const QString& output, bool tuplesOnly, GsqlTable* out, QString* error,
        QChar separator = QLatin1Char('|'));
    // pg_size_pretty text ("10239 bytes", "8216 kB", "12 MB", "3 GB", "1 TB") -> bytes (approximate
    // for rounded units: the unit's value times the number). False if malformed.
    static bool parsePrettySize(const QString& text, qint64* bytes);
};

} // namespace MogUp
