// gsql: connects to the simulated server and prints results the way psql 9.2 / gsql do
// (mogdb-tools.md §4): aligned (default), -A unaligned, -t tuples only.
#include "FaultInjector.h"
#include "GaussdbServer.h"
#include "SimLayout.h"
#include "SimProtocol.h"
#include "SimTools.h"
#include "SimVersion.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace Sim {
namespace {

void out(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void err(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

struct PrintOptions
{
    bool unaligned = false;
    bool tuplesOnly = false;
    bool expanded = false;
    QString fieldSep = QStringLiteral("|");
    QString recordSep = QStringLiteral("\n");
};

QString footer(const Proto::ResultSet& rs)
{
    return rs.rows.size() == 1 ? QStringLiteral("(1 row)") : QStringLiteral("(%1 rows)").arg(rs.rows.size());
}

// psql print.c print_aligned_text, border 1, ascii line style.
QString formatAligned(const Proto::ResultSet& rs, const PrintOptions& po)
{
    const int n = int(rs.columns.size());
    QList<int> width(n, 0);
    for (int i = 0; i < n; ++i) {
        // psql measures the headers also with -t (so `select 1` prints "        1").
        width[i] = int(rs.columns.at(i).name.size());
        for (const QStringList& r : rs.rows)
            width[i] = qMax(width[i], int(r.value(i).size()));
    }
    QString s;
    if (!po.tuplesOnly) {
        for (int i = 0; i < n; ++i) {
            const QString& h = rs.columns.at(i).name;
            const int nb = width[i] - int(h.size());
            s += QLatin1Char(' ') + QString(nb / 2, QLatin1Char(' ')) + h
                + QString((nb + 1) / 2, QLatin1Char(' ')) + QLatin1Char(' ');
            if (i < n - 1)
                s += QLatin1Char('|');
        }
        s += QLatin1Char('\n');
        for (int i = 0; i < n; ++i) {
            s += QString(width[i] + 2, QLatin1Char('-'));
            if (i < n - 1)
                s += QLatin1Char('+');
        }
        s += QLatin1Char('\n');
    }
    for (const QStringList& r : rs.rows) {
        for (int i = 0; i < n; ++i) {
            const QString v = r.value(i);
            const bool last = i == n - 1;
            s += QLatin1Char(' ');
            if (Proto::ResultSet::isNumericType(rs.columns.at(i).type))
                s += QString(width[i] - int(v.size()), QLatin1Char(' ')) + v;
            else
                s += last ? v : v + QString(width[i] - int(v.size()), QLatin1Char(' '));
            if (!last)
                s += QStringLiteral(" |");
        }
        s += QLatin1Char('\n');
    }
    if (!po.tuplesOnly)
        s += footer(rs) + QLatin1Char('\n');
    s += QLatin1Char('\n');
    return s;
}

// psql print_aligned_vertical (-x), border 1.
QString formatExpanded(const Proto::ResultSet& rs, const PrintOptions& po)
{
    int hw = 0, dw = 0;
    for (const Proto::Column& c : rs.columns)
        hw = qMax(hw, int(c.name.size()));
    for (const QStringList& r : rs.rows) {
        for (const QString& v : r)
            dw = qMax(dw, int(v.size()));
    }
    QString s;
    if (rs.rows.isEmpty()) {
        return po.tuplesOnly ? QString() : QStringLiteral("(No rows)\n");
    }
    for (int k = 0; k < rs.rows.size(); ++k) {
        if (!po.tuplesOnly) {
            QString head = QStringLiteral("-[ RECORD %1 ]").arg(k + 1);
            const int total = hw + 3 + dw;
            // "-[ RECORD 1 ]" then dashes, with a '+' at the header/data boundary
            QString line = head;
            while (line.size() < hw + 1)
                line += QLatin1Char('-');
            if (line.size() == hw + 1)
                line += QLatin1Char('+');
            while (line.size() < total)
                line += QLatin1Char('-');
            s += line + QLatin1Char('\n');
        }
        for (int i = 0; i < rs.columns.size(); ++i)
            s += QStringLiteral("%1 | %2\n").arg(rs.columns.at(i).name, -hw).arg(rs.rows.at(k).value(i));
    }
    if (!po.tuplesOnly)
        s += QLatin1Char('\n');
    return s;
}

QString formatUnaligned(const Proto::ResultSet& rs, const PrintOptions& po)
{
    QString s;
    if (!po.tuplesOnly) {
        QStringList names;
        for (const Proto::Column& c : rs.columns)
            names.append(c.name);
        s += names.join(po.fieldSep) + po.recordSep;
    }
    for (const QStringList& r : rs.rows)
        s += r.join(po.fieldSep) + po.recordSep;
    if (!po.tuplesOnly)
        s += footer(rs) + QLatin1Char('\n');
    return s;
}

QString format(const Proto::ResultSet& rs, const PrintOptions& po)
{
    if (rs.columns.isEmpty())
        return QString();
    if (po.expanded && !po.unaligned)
        return formatExpanded(rs, po);
    return po.unaligned ? formatUnaligned(rs, po) : formatAligned(rs, po);
}

// A statement as gsql's lexer hands it to libpq (psqlscan.l through MainLoop): leading whitespace
// dropped, the terminating ';' kept. `line` is the input line the statement ended on (for -f messages).
struct Statement
{
    QString text;
    int line = 1;
};

// Splits a script (or a -c string, which MainLoop scans the same way) into statements on ';' outside
// quotes; a trailing statement without ';' counts.
QList<Statement> splitStatements(const QString& script)
{
    QList<Statement> out;
    QString cur;
    bool inStr = false;
    int line = 1;
    for (const QChar c : script) {
        if (c == QLatin1Char('\''))
            inStr = !inStr;
        if (cur.isEmpty() && c.isSpace()) {
            if (c == QLatin1Char('\n'))
                ++line;
            continue;
        }
        cur += c;
        if (c == QLatin1Char('\n'))
            ++line;
        if (c == QLatin1Char(';') && !inStr) {
            if (cur.trimmed() != QStringLiteral(";"))
                out.append(Statement { cur, line });
            cur.clear();
        }
    }
    if (!cur.trimmed().isEmpty())
        out.append(Statement { cur, line });
    return out;
}

// libpq's syntax-cursor display under an error (og-server@v2.0.1
// src/common/interfaces/libpq/fe-protocol3.cpp reportErrorPosition()): the line holding the 1-based
// character position `loc`, cut to 60 columns keeping 10 to the right of the cursor, then a caret.
QString errorPositionDisplay(const QString& query, int loc)
{
    constexpr int displaySize = 60;
    constexpr int minRightCut = 10;
    --loc;
    if (loc < 0)
        return {};
    QString w = query;
    int ibeg = 0;
    int iend = -1;
    int locLine = 1;
    int cno = 0;
    for (; cno < w.size(); ++cno) {
        const QChar ch = w.at(cno);
        if (ch == QLatin1Char('\t')) {
            w[cno] = QLatin1Char(' ');
        } else if (ch == QLatin1Char('\r') || ch == QLatin1Char('\n')) {
            if (cno < loc) {
                if (ch == QLatin1Char('\r') || cno == 0 || w.at(cno - 1) != QLatin1Char('\r'))
                    ++locLine;
                ibeg = cno + 1;
            } else {
                iend = cno;
                break;
            }
        }
    }
    if (iend < 0)
        iend = cno;
    if (loc > cno)
        return {};
    bool begTrunc = false;
    bool endTrunc = false;
    if (iend - ibeg > displaySize) {
        if (ibeg + displaySize >= loc + minRightCut) {
            while (iend - ibeg > displaySize)
                --iend;
            endTrunc = true;
        } else {
            while (loc + minRightCut < iend) {
                --iend;
                endTrunc = true;
            }
            while (iend - ibeg > displaySize) {
                ++ibeg;
                begTrunc = true;
            }
        }
    }
    QString prefix = QStringLiteral("LINE %1: ").arg(locLine);
    if (begTrunc)
        prefix += QStringLiteral("...");
    QString text = prefix + w.mid(ibeg, iend - ibeg);
    if (endTrunc)
        text += QStringLiteral("...");
    text += QLatin1Char('\n') + QString(int(prefix.size()) + loc - ibeg, QLatin1Char(' '))
        + QStringLiteral("^\n");
    return text;
}

// PQerrorMessage() of a failed statement as libpq builds it (fe-protocol3.cpp pqGetErrorNotice3, default
// verbosity): "ERROR:  message", the cursor display, then DETAIL / HINT lines.
QString libpqErrorMessage(const QJsonObject& reply, const QString& query)
{
    QString msg = reply.value(QStringLiteral("error")).toString() + QLatin1Char('\n');
    const int position = reply.value(QStringLiteral("position")).toInt();
    if (position > 0)
        msg += errorPositionDisplay(query, position);
    const QString detail = reply.value(QStringLiteral("detail")).toString();
    if (!detail.isEmpty())
        msg += QStringLiteral("DETAIL:  ") + detail + QLatin1Char('\n');
    const QString hint = reply.value(QStringLiteral("hint")).toString();
    if (!hint.isEmpty())
        msg += QStringLiteral("HINT:  ") + hint + QLatin1Char('\n');
    return msg;
}

// The builds the sandbox knows (the two sim programs, sim/CMakeLists.txt): build id -> compile time.
QString knownDefGsVersion(const QString& version, const QString& build)
{
    QString compiled;
    if (build == QLatin1String("f892ccb7"))
        compiled = QStringLiteral("2021-07-09 16:12:59");
    else if (build == QLatin1String("b5bc5bc4"))
        compiled = QStringLiteral("2022-06-20 11:35:42");
    else if (build == mogdbBuild())
        compiled = mogdbCompiledAt();
    if (compiled.isEmpty())
        return QStringLiteral("(MogDB %1 build %2)").arg(version, build);
    return QStringLiteral("(MogDB %1 build %2) compiled at %3 commit 0 last mr  ")
        .arg(version, build, compiled);
}

// og-server@v2.0.1 src/bin/psql/startup.cpp main(): the first thing gsql does, before any option.
QString mismatchWarning(const QString& libpqVersion)
{
    return QStringLiteral(
        "[Warning]: The \"libpq.so\" loaded mismatch the version of gsql, please check it.\n"
        "expected: %1\nresult: %2\n")
        .arg(defGsVersion(), libpqVersion);
}

// The libpq this gsql would load: the first libpq.so.5 on LD_LIBRARY_PATH, else bin/../lib (the
// sandbox's libpq is a text marker "MogDB 2.0.1 build f892ccb7"). Empty if none is found.
QString loadedLibpqMarker(const QString& program)
{
    QStringList dirs = qEnvironmentVariable("LD_LIBRARY_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    dirs.append(QFileInfo(program).absolutePath() + QStringLiteral("/../lib"));
    for (const QString& d : std::as_const(dirs)) {
        for (const char* name : { "libpq.so.5", "libpq.so.5.5" }) {
            QFile f(d + QLatin1Char('/') + QLatin1String(name));
            if (f.open(QIODevice::ReadOnly))
                return QString::fromUtf8(f.readLine()).trimmed();
        }
    }
    return {};
}

} // namespace

QString gsqlLibpqMismatchNoise(const QString& program)
{
    // A real mismatch is reported by gsqlMain itself, once.
    const QString marker = loadedLibpqMarker(program);
    if (!marker.isEmpty()
        && !marker.contains(
            QStringLiteral("MogDB ") + mogdbVersion() + QStringLiteral(" build ") + mogdbBuild()))
        return {};
    // "Another libpq first on LD_LIBRARY_PATH": the other sandbox build.
    return hasWalsenderLeak()
        ? mismatchWarning(knownDefGsVersion(QStringLiteral("2.0.3"), QStringLiteral("b5bc5bc4")))
        : mismatchWarning(knownDefGsVersion(QStringLiteral("2.0.1"), QStringLiteral("f892ccb7")));
}

namespace {
} // namespace

int gsqlMain(int argc, char** argv)
{
    const QString tool = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    // og-server@v2.0.1 src/bin/psql/startup.cpp main(): before anything else (even -V) gsql compares the
    // libpq it loaded with its own version, warns on stderr and goes on (exits only on multi-node builds).
    {
        const QString marker = loadedLibpqMarker(programPath(argv[0]));
        static const QRegularExpression build(QStringLiteral("MogDB (\\S+) build (\\S+)"));
        const QRegularExpressionMatch m = build.match(marker);
        if (m.hasMatch() && (m.captured(1) != mogdbVersion() || m.captured(2) != mogdbBuild()))
            err(mismatchWarning(knownDefGsVersion(m.captured(1), m.captured(2))));
    }

    QString db = QStringLiteral("postgres");
    QString host;
    QString port;
    QString user;
    QString command;
    QString file;
    bool haveCommand = false;
    bool onErrorStop = false;
    PrintOptions po;
    // Options with an argument (short letter -> long name).
    const QString withArg = QStringLiteral("cdfhpUWFRv");
    auto longName = [](QChar c) -> QString {
        switch (c.toLatin1()) {
        case 'c':
            return QStringLiteral("command");
        case 'd':
            return QStringLiteral("dbname");
        case 'f':
            return QStringLiteral("file");
        case 'h':
            return QStringLiteral("host");
        case 'p':
            return QStringLiteral("port");
        case 'U':
            return QStringLiteral("username");
        case 'W':
            return QStringLiteral("password");
        case 'F':
            return QStringLiteral("field-separator");
        case 'R':
            return QStringLiteral("record-separator");
        case 'v':
            return QStringLiteral("set");
        }
        return QString();
    };
    auto apply = [&](QChar opt, const QString& value) {
        switch (opt.toLatin1()) {
        case 'c':
            command = value;
            haveCommand = true;
            break;
        case 'd':
            db = value;
            break;
        case 'f':
            file = value;
            break;
        case 'h':
            host = value;
            break;
        case 'p':
            port = value;
            break;
        case 'U':
            user = value;
            break;
        case 'F':
            po.fieldSep = value;
            break;
        case 'R':
            po.recordSep = value;
            break;
        case 'v': {
            // -v NAME=VALUE; only ON_ERROR_STOP changes what the sandbox does (startup.cpp
            // on_error_stop_hook, ParseVariableBool: on/true/yes/1, or no value).
            const QString name = value.section(QLatin1Char('='), 0, 0);
            const QString v = value.section(QLatin1Char('='), 1).toLower();
            if (name == QStringLiteral("ON_ERROR_STOP"))
                onErrorStop = v.isEmpty() || v.startsWith(QLatin1Char('o'))
                    ? v != QStringLiteral("off") && v != QStringLiteral("of")
                    : (v.startsWith(QLatin1Char('t')) || v.startsWith(QLatin1Char('y'))
                        || v == QStringLiteral("1"));
            break;
        }
        default:
            break;
        }
    };
    QStringList positional;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QStringLiteral("-V") || a == QStringLiteral("--version")) {
            out(QStringLiteral("gsql ") + defGsVersion() + QLatin1Char('\n'));
            return 0;
        }
        if (a == QStringLiteral("-?") || a == QStringLiteral("--help")) {
            out(QStringLiteral("gsql is the openGauss interactive terminal.\n\nUsage:\n  gsql [OPTION]... "
                               "[DBNAME [USERNAME]]\n"));
            return 0;
        }
        if (a.startsWith(QStringLiteral("--"))) {
            const QString name = a.mid(2).section(QLatin1Char('='), 0, 0);
            const bool hasValue = a.contains(QLatin1Char('='));
            bool matched = false;
            for (const QChar c : withArg) {
                if (longName(c) == name) {
                    QString v = hasValue ? a.section(QLatin1Char('='), 1) : args.value(++i);
                    apply(c, v);
                    matched = true;
                }
            }
            if (!matched) {
                if (name == QStringLiteral("no-align"))
                    po.unaligned = true;
                else if (name == QStringLiteral("tuples-only"))
                    po.tuplesOnly = true;
                else if (name == QStringLiteral("expanded"))
                    po.expanded = true;
                else if (name != QStringLiteral("quiet") && name != QStringLiteral("maintenance")
                    && name != QStringLiteral("no-password")) {
                    err(QStringLiteral(
                        "gsql: unrecognized option '%1'\nTry \"gsql --help\" for more information.\n")
                            .arg(a));
                    return 1;
                }
            }
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            for (int k = 1; k < a.size(); ++k) {
                const QChar c = a.at(k);
                if (withArg.contains(c)) {
                    QString v = a.mid(k + 1);
                    if (v.isEmpty()) {
                        if (i + 1 >= args.size()) {
                            err(QStringLiteral("gsql: option requires an argument -- '%1'\nTry \"gsql "
                                               "--help\" for more information.\n")
                                    .arg(c));
                            return 1;
                        }
                        v = args.at(++i);
                    }
                    apply(c, v);
                    break;
                }
                switch (c.toLatin1()) {
                case 'A':
                    po.unaligned = true;
                    break;
                case 't':
                    po.tuplesOnly = true;
                    break;
                case 'x':
                    po.expanded = true;
                    break;
                case 'q':
                case 'm':
                case 'r':
                case 'a':
                case 'e':
                case 'n':
                case 's':
                case 'S':
                case 'X':
                case 'w':
                    break;
                default:
                    err(QStringLiteral(
                        "gsql: invalid option -- '%1'\nTry \"gsql --help\" for more information.\n")
                            .arg(c));
                    return 1;
                }
            }
            continue;
        }
        positional.append(a);
    }
    if (!positional.isEmpty())
        db = positional.at(0);
    if (positional.size() > 1)
        user = positional.at(1);
    if (port.isEmpty())
        port = qEnvironmentVariable("PGPORT", QStringLiteral("5432"));

    // Fault check (node from the sandbox this program lives in).
    const QString root = sandboxRootOfThisProgram();
    SandboxConfig cfg;
    QString error;
    if (!root.isEmpty())
        SandboxConfig::load(root, &cfg, &error);
    const QString nodeName = currentNodeName(cfg);
    const Fault fault = takeFault(root, nodeName, tool, args);
    const int rc = applyFaultGeneric(fault, tool);
    if (rc >= 0)
        return rc;

    // Without -h gsql uses the local socket; here: the node's address, else 127.0.0.1.
    QStringList candidates;
    if (!host.isEmpty()) {
        candidates.append(host == QStringLiteral("localhost") ? QStringLiteral("127.0.0.1") : host);
    } else {
        if (const SandboxNode* n = cfg.node(nodeName)) {
            if (!n->host.isEmpty())
                candidates.append(n->host);
        }
        if (!candidates.contains(QStringLiteral("127.0.0.1")))
            candidates.append(QStringLiteral("127.0.0.1"));
    }
    Proto::Client client;
    bool connected = false;
    const int portNumber = port.toInt();
    if (portNumber > 0) {
        for (const QString& h : std::as_const(candidates)) {
            if (client.connectTo(h, portNumber, 3000, &error)) {
                connected = true;
                break;
            }
        }
    }
    if (!connected) {
        // startup.cpp main(): "failed to connect %s:%s.\n", exit EXIT_BADCONN.
        err(QStringLiteral("failed to connect %1:%2.\n")
                .arg(host.isEmpty() ? QStringLiteral("Unknown") : host, port));
        return 2;
    }

    // startup.cpp: after -f, "total time: %lld  ms" on stdout, whatever process_file() returned.
    QElapsedTimer fileClock;
    fileClock.start();
    const bool fileMode = !haveCommand && !file.isEmpty();
    auto finish = [&](int code) {
        if (fileMode)
            out(QStringLiteral("total time: %1  ms\n").arg(fileClock.elapsed()));
        return code;
    };
    QString script;
    if (haveCommand) {
        script = command;
    } else if (fileMode) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            // command.cpp process_file(): psql_error("%s: %s\n", filename, strerror(errno)), EXIT_FAILURE.
            err(QStringLiteral("%1: No such file or directory\n").arg(file));
            return finish(1);
        }
        script = QString::fromUtf8(f.readAll());
    } else {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            script = QString::fromUtf8(in.readAll());
    }
    // psql_error(): with -f every message is prefixed "gsql:<file>:<line>: ".
    auto psqlError = [&](const Statement& st, const QString& text) {
        err(file.isEmpty() || haveCommand ? text
                                          : QStringLiteral("gsql:%1:%2: ").arg(file).arg(st.line) + text);
    };
    // -c, -f and stdin all go through MainLoop() (og-server@v2.0.1 src/bin/psql/startup.cpp; mainloop.cpp):
    // every statement is sent on its own; a failed one is reported and the rest still run, and the exit
    // code stays EXIT_SUCCESS unless ON_ERROR_STOP is set (then EXIT_USER = 3 at the first error).
    bool first = true;
    for (const Statement& st : splitStatements(script)) {
        QJsonObject reply;
        if (!client.request(QJsonObject { { QStringLiteral("t"), QStringLiteral("sql") },
                                { QStringLiteral("sql"), st.text }, { QStringLiteral("db"), db },
                                { QStringLiteral("user"), user } },
                &reply, 30000, &error)) {
            // libpq's message for a dropped connection, then common.cpp CheckConnection() in a
            // non-interactive session: "connection to server was lost", exit EXIT_BADCONN.
            psqlError(st,
                QStringLiteral("server closed the connection unexpectedly\n\tThis probably means the server "
                               "terminated abnormally\n"
                               "\tbefore or while processing the request.\n"));
            psqlError(st, QStringLiteral("connection to server was lost\n"));
            return 2;
        }
        if (reply.value(QStringLiteral("terminated")).toBool()) {
            // The backend was terminated (e.g. the primary demoted during a switchover): libpq reports the
            // FATAL it received, then the closed connection.
            psqlError(st,
                reply.value(QStringLiteral("error")).toString()
                    + QStringLiteral("\nserver closed the connection unexpectedly\n\tThis probably means the "
                                     "server terminated abnormally\n"
                                     "\tbefore or while processing the request.\n"));
            psqlError(st, QStringLiteral("connection to server was lost\n"));
            return 2;
        }
        if (reply.value(QStringLiteral("fatal")).toBool() && first) {
            // Refused at connection time (startup.cpp: "%s: %s", progname, PQerrorMessage; EXIT_BADCONN).
            err(QStringLiteral("gsql: ") + reply.value(QStringLiteral("error")).toString()
                + QLatin1Char('\n'));
            return 2;
        }
        first = false;
        if (!reply.value(QStringLiteral("ok")).toBool()) {
            psqlError(st, libpqErrorMessage(reply, st.text));
            if (onErrorStop)
                return finish(3);
            continue;
        }
        out(format(Proto::ResultSet::fromJson(reply), po));
    }
    return finish(0);
}

} // namespace Sim
