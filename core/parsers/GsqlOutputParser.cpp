#include "GsqlOutputParser.h"

#include "ParserText.h"
#include "Tr.h"

#include <QRegularExpression>

#include <limits>

namespace MogUp {

namespace {

struct Line
{
    int number = 0;
    QString text;
};

// Splits into lines (numbered from 1), drops a trailing '\r' and the empty string after the final
// newline, so "a\n" is one line and "" is none.
QList<Line> splitLines(const QString& output)
{
    QList<Line> lines;
    QStringList parts = output.split(QLatin1Char('\n'));
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    for (int i = 0; i < parts.size(); ++i) {
        QString text = parts.at(i);
        if (text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        lines.append(Line { i + 1, text });
    }
    return lines;
}

// psql prints "(1 row)" / "(N rows)" after the rows; returns -1 if `text` is not such a footer.
int footerCount(const QString& text)
{
    static const QRegularExpression footer(QStringLiteral("^\\((\\d+) rows?\\)$"));
    const QRegularExpressionMatch match = footer.match(text.trimmed());
    if (!match.hasMatch())
        return -1;
    bool ok = false;
    const int count = match.captured(1).toInt(&ok);
    if (!ok)
        return -1;
    const bool singular = !text.trimmed().endsWith(QLatin1String("rows)"));
    return singular == (count == 1) ? count : -1;
}

// Removes blank lines at the end (psql's aligned format ends with one).
void dropTrailingBlankLines(QList<Line>* lines)
{
    while (!lines->isEmpty() && lines->last().text.trimmed().isEmpty())
        lines->removeLast();
}

// One aligned data line into cells. `boundaries` are the columns of the '+' in the rule line; they
// let us cut correctly when a value itself contains '|'.
bool splitAlignedRow(
    const Line& line, int columnCount, const QList<int>& boundaries, QStringList* cells, QString* error)
{
    const QStringList parts = line.text.split(QLatin1Char('|'));
    if (parts.size() == columnCount) {
        cells->clear();
        for (const QString& part : parts)
            cells->append(part.trimmed());
        return true;
    }
    if (parts.size() > columnCount && !boundaries.isEmpty()) {
        bool positionsMatch = true;
        for (int position : boundaries) {
            if (position >= line.text.size() || line.text.at(position) != QLatin1Char('|'))
                positionsMatch = false;
        }
        if (positionsMatch) {
            cells->clear();
            int start = 0;
            for (int position : boundaries) {
                cells->append(line.text.mid(start, position - start).trimmed());
                start = position + 1;
            }
            cells->append(line.text.mid(start).trimmed());
            return true;
        }
    }
    *error = lineError(line.number, line.text,
        Tr::tr("expected %1 columns, found %2")
            .arg(QString::number(columnCount), QString::number(parts.size())));
    return false;
}

} // namespace

bool GsqlOutputParser::parseAligned(const QString& output, bool tuplesOnly, GsqlTable* out, QString* error)
{
    static const QRegularExpression ruleLine(QStringLiteral("^-+(\\+-+)*$"));
    QString message;
    QList<Line> lines = splitLines(output);
    dropTrailingBlankLines(&lines);
    GsqlTable table;

    if (tuplesOnly) {
        // -t: rows only, no header to tell the column count, so the first row sets it.
        int columnCount = -1;
        for (const Line& line : std::as_const(lines)) {
            if (columnCount < 0)
                columnCount = line.text.split(QLatin1Char('|')).size();
            QStringList cells;
            if (!splitAlignedRow(line, columnCount, {}, &cells, &message)) {
                if (error)
                    *error = message;
                return false;
            }
            table.rows.append(cells);
        }
        if (out)
            *out = table;
        return true;
    }

    auto fail = [&](const Line& line, const QString& reason) {
        if (error)
            *error = lineError(line.number, line.text, reason);
        return false;
    };
    if (lines.isEmpty()) {
        if (error)
            *error = Tr::tr("gsql printed nothing");
        return false;
    }
    if (lines.size() >= 2 && !ruleLine.match(lines.at(1).text).hasMatch())
        return fail(lines.at(1), Tr::tr("expected the ---+--- rule under the header"));
    if (lines.size() < 3)
        return fail(lines.last(), Tr::tr("output ends before the row count footer"));

    const Line& header = lines.at(0);
    const Line& rule = lines.at(1);
    QList<int> boundaries;
    for (int i = 0; i < rule.text.size(); ++i) {
        if (rule.text.at(i) == QLatin1Char('+'))
            boundaries.append(i);
    }
    const int columnCount = boundaries.size() + 1;
    if (!splitAlignedRow(header, columnCount, boundaries, &table.columns, &message)) {
        if (error)
            *error = message;
        return false;
    }
    for (const QString& column : std::as_const(table.columns)) {
        if (column.isEmpty())
            return fail(header, Tr::tr("empty column name"));
    }

    const Line& footer = lines.last();
    const int expectedRows = footerCount(footer.text);
    if (expectedRows < 0)
        return fail(footer, Tr::tr("output ends before the row count footer"));
    for (int i = 2; i < lines.size() - 1; ++i) {
        const Line& line = lines.at(i);
        if (footerCount(line.text) >= 0)
            return fail(line, Tr::tr("more than one result"));
        QStringList cells;
        if (!splitAlignedRow(line, columnCount, boundaries, &cells, &message)) {
            if (error)
                *error = message;
            return false;
        }
        table.rows.append(cells);
    }
    if (table.rows.size() != expectedRows)
        return fail(footer,
            Tr::tr("footer announces %1 rows, found %2")
                .arg(QString::number(expectedRows), QString::number(table.rows.size())));
    if (out)
        *out = table;
    return true;
}

bool GsqlOutputParser::parseUnaligned(
    const QString& output, bool tuplesOnly, GsqlTable* out, QString* error, QChar separator)
{
    QList<Line> lines = splitLines(output);
    GsqlTable table;
    auto fail = [&](const Line& line, const QString& reason) {
        if (error)
            *error = lineError(line.number, line.text, reason);
        return false;
    };

    if (tuplesOnly) {
        // -At: every line is a record (an empty line is a record with one empty field), so nothing
        // here may be dropped; only the column count has to stay the same.
        int columnCount = -1;
        for (const Line& line : std::as_const(lines)) {
            const QStringList cells = line.text.split(separator);
            if (columnCount < 0)
                columnCount = cells.size();
            if (cells.size() != columnCount)
                return fail(line,
                    Tr::tr("expected %1 fields, found %2")
                        .arg(QString::number(columnCount), QString::number(cells.size())));
            table.rows.append(cells);
        }
        if (out)
            *out = table;
        return true;
    }

    dropTrailingBlankLines(&lines);
    if (lines.isEmpty()) {
        if (error)
            *error = Tr::tr("gsql printed nothing");
        return false;
    }
    if (lines.size() < 2)
        return fail(lines.last(), Tr::tr("output ends before the row count footer"));
    const Line& header = lines.first();
    table.columns = header.text.split(separator);
    for (const QString& column : std::as_const(table.columns)) {
        if (column.trimmed().isEmpty())
            return fail(header, Tr::tr("empty column name"));
    }
    const Line& footer = lines.last();
    const int expectedRows = footerCount(footer.text);
    if (expectedRows < 0)
        return fail(footer, Tr::tr("output ends before the row count footer"));
    for (int i = 1; i < lines.size() - 1; ++i) {
        const Line& line = lines.at(i);
        const QStringList cells = line.text.split(separator);
        if (cells.size() != table.columns.size())
            return fail(line,
                Tr::tr("expected %1 fields, found %2")
                    .arg(QString::number(table.columns.size()), QString::number(cells.size())));
        table.rows.append(cells);
    }
    if (table.rows.size() != expectedRows)
        return fail(footer,
            Tr::tr("footer announces %1 rows, found %2")
                .arg(QString::number(expectedRows), QString::number(table.rows.size())));
    if (out)
        *out = table;
    return true;
}

bool GsqlOutputParser::parsePrettySize(const QString& text, qint64* bytes)
{
    // pg_size_pretty (§5): "<n> bytes", or rounded "<n> kB|MB|GB|TB", powers of 1024.
    static const QRegularExpression pattern(QStringLiteral("^(-?\\d{1,19}) (bytes|kB|MB|GB|TB)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    bool ok = false;
    const qint64 number = match.captured(1).toLongLong(&ok);
    if (!ok)
        return false;
    const QString unit = match.captured(2);
    int shift = 0;
    if (unit == QLatin1String("kB"))
        shift = 10;
    else if (unit == QLatin1String("MB"))
        shift = 20;
    else if (unit == QLatin1String("GB"))
        shift = 30;
    else if (unit == QLatin1String("TB"))
        shift = 40;
    const qint64 limit = std::numeric_limits<qint64>::max() >> shift;
    if (number > limit || number < -limit)
        return false;
    if (bytes)
        *bytes = number * (qint64(1) << shift);
    return true;
}

} // namespace MogUp
