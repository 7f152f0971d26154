#include "VersionParser.h"

#include "ParserText.h"
#include "Tr.h"

#include <QRegularExpression>
#include <QStringList>

namespace MogUp {

bool VersionParser::parse(const QString& text, MogdbVersion* out, QString* error)
{
    // DEF_GS_VERSION = "(<PRODUCT> <VERSION> build <id>) compiled at <date time> commit <N> last mr <mr>
    // <debug>" (§2.5). Tools print "<tool> " DEF_GS_VERSION; gsql wraps it once more in parentheses;
    // version() is "PostgreSQL 9.2.4 " DEF_GS_VERSION " on <host>, compiled by <cc>, 64-bit".
    static const QRegularExpression pattern(QStringLiteral(
        "^(?<tool>[A-Za-z_][A-Za-z0-9_]*)(?: (?<pg>\\d+\\.\\d+(?:\\.\\d+)?))? (?<outer>\\(?)"
        "\\((?<product>[A-Za-z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*)*) "
        "(?<version>(?<major>\\d+)\\.(?<minor>\\d+)(?:\\.(?<patch>\\d+))?) build (?<build>[0-9A-Za-z]+)\\) "
        "compiled at (?<compiled>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) commit \\d+ last "
        "mr(?<rest>.*)$"));

    const QString line = text.trimmed();
    auto fail = [&](const QString& reason) {
        if (error)
            *error = Tr::tr("version string \"%1\": %2").arg(printableLine(line, false), reason);
        return false;
    };
    if (line.isEmpty())
        return fail(Tr::tr("empty"));
    if (line.contains(QLatin1Char('\n')))
        return fail(Tr::tr("more than one line"));

    const QRegularExpressionMatch match = pattern.match(line);
    if (!match.hasMatch())
        return fail(Tr::tr("not a MogDB/openGauss version string"));

    const QString tool = match.captured(QStringLiteral("tool"));
    const bool isSelectVersion = tool == QLatin1String("PostgreSQL");
    if (isSelectVersion != match.hasCaptured(QStringLiteral("pg")))
        return fail(Tr::tr("unexpected version number after \"%1\"").arg(tool));

    // Whatever follows "last mr" is the (empty for releases) merge-request id and debug flag; for
    // gsql it must close the extra parenthesis, for version() it must be the platform tail.
    const QString rest = match.captured(QStringLiteral("rest")).trimmed();
    const bool doubleParenthesis = !match.captured(QStringLiteral("outer")).isEmpty();
    if (doubleParenthesis) {
        if (!rest.endsWith(QLatin1Char(')')))
            return fail(Tr::tr("unbalanced parentheses"));
    } else if (isSelectVersion) {
        static const QRegularExpression platform(QStringLiteral("(^|\\s)on \\S+, compiled by .+$"));
        if (!platform.match(rest).hasMatch())
            return fail(Tr::tr("missing \"on <platform>, compiled by ...\""));
    } else if (rest.contains(QLatin1Char('(')) || rest.contains(QLatin1Char(')'))) {
        return fail(Tr::tr("unbalanced parentheses"));
    }

    MogdbVersion version;
    version.tool = tool;
    version.product = match.captured(QStringLiteral("product"));
    version.version = match.captured(QStringLiteral("version"));
    version.major = match.captured(QStringLiteral("major")).toInt();
    version.minor = match.captured(QStringLiteral("minor")).toInt();
    version.patch = match.captured(QStringLiteral("patch")).toInt();
    version.build = match.captured(QStringLiteral("build"));
    version.compiledAt = match.captured(QStringLiteral("compiled"));
    if (out)
        *out = version;
    return true;
}

int VersionParser::compare(const QString& a, const QString& b)
{
    // Numeric, component by component; a missing component counts as 0 ("2.0" == "2.0.0").
    const QStringList left = a.trimmed().split(QLatin1Char('.'));
    const QStringList right = b.trimmed().split(QLatin1Char('.'));
    const int count = qMax(left.size(), right.size());
    for (int i = 0; i < count; ++i) {
        const qlonglong l = i < left.size() ? left.at(i).toLongLong() : 0;
        const qlonglong r = i < right.size() ? right.at(i).toLongLong() : 0;
        if (l != r)
            return l < r ? -1 : 1;
    }
    return 0;
}

} // namespace MogUp
