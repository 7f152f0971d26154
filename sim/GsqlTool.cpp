// gsql: connects to the simulated server and prints results the way psql 9.2 / gsql do
// (mogdb-tools.md §4): aligned (default), -A unaligned, -t tuples only.
#include "FaultInjector.h"
#include "GaussdbServer.h"
#include "SimLayout.h"
#include "SimProtocol.h"
#include "SimTools.h"
#include "SimVersion.h"

#include <QFile>
#include <QFileInfo>
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
            s += QLatin1Char(' ') + QString(nb / 2, QLatin1Char(' ')) + h + QString((nb + 1) / 2, QLatin1Char(' '))
                + QLatin1Char(' ');
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

// Splits a script into statements on ';' outside quotes; a trailing statement without ';' counts.
QStringList splitStatements(const QString& script)
{
    QStringList out;
    QString cur;
    bool inStr = false;
    for (const QChar c : script) {
        if (c == QLatin1Char('\''))
            inStr = !inStr;
        cur += c;
        if (c == QLatin1Char(';') && !inStr) {
            if (!cur.trimmed().isEmpty() && cur.trimmed() != QStringLiteral(";"))
                out.append(cur);
            cur.clear();
        }
    }
    if (!cur.trimmed().isEmpty())
        out.append(cur);
    return out;
}

} // namespace

int gsqlMain(int argc, char** argv)
{
    const QString tool = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    QString db = QStringLiteral("postgres");
    QString host;
    QString port;
    QString user;
    QString command;
    QString file;
    bool haveCommand = false;
    PrintOptions po;
    // Options with an argument (short letter -> long name).
    const QString withArg = QStringLiteral("cdfhpUWFRv");
    auto longName = [](QChar c) -> QString {
        switch (c.toLatin1()) {
        case 'c': return QStringLiteral("command");
        case 'd': return QStringLiteral("dbname");
        case 'f': return QStringLiteral("file");
        case 'h': return QStringLiteral("host");
        case 'p': return QStringLiteral("port");
        case 'U': return QStringLiteral("username");
        case 'W': return QStringLiteral("password");
        case 'F': return QStringLiteral("field-separator");
        case 'R': return QStringLiteral("record-separator");
        case 'v': return QStringLiteral("set");
        }
        return QString();
    };
    auto apply = [&](QChar opt, const QString& value) {
        switch (opt.toLatin1()) {
        case 'c': command = value; haveCommand = true; break;
        case 'd': db = value; break;
        case 'f': file = value; break;
        case 'h': host = value; break;
        case 'p': port = value; break;
        case 'U': user = value; break;
        case 'F': po.fieldSep = value; break;
        case 'R': po.recordSep = value; break;
        default: break;
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
            out(QStringLiteral("gsql is the openGauss interactive terminal.\n\nUsage:\n  gsql [OPTION]... [DBNAME [USERNAME]]\n"));
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
                    err(QStringLiteral("gsql: unrecognized option '%1'\nTry \"gsql --help\" for more information.\n").arg(a));
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
                            err(QStringLiteral("gsql: option requires an argument -- '%1'\nTry \"gsql --help\" for more information.\n").arg(c));
                            return 1;
                        }
                        v = args.at(++i);
                    }
                    apply(c, v);
                    break;
                }
                switch (c.toLatin1()) {
                case 'A': po.unaligned = true; break;
                case 't': po.tuplesOnly = true; break;
                case 'x': po.expanded = true; break;
                case 'q': case 'm': case 'r': case 'a': case 'e': case 'n': case 's': case 'S': case 'X': case 'w': break;
                default:
                    err(QStringLiteral("gsql: invalid option -- '%1'\nTry \"gsql --help\" for more information.\n").arg(c));
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
        err(QStringLiteral("failed to connect %1:%2.\n").arg(host.isEmpty() ? QStringLiteral("Unknown") : host, port));
        return 2;
    }

    QStringList statements;
    if (haveCommand) {
        statements.append(command);
    } else {
        QString script;
        if (!file.isEmpty()) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                err(QStringLiteral("gsql: %1: No such file or directory\n").arg(file));
                return 1;
            }
            script = QString::fromUtf8(f.readAll());
        } else {
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly))
                script = QString::fromUtf8(in.readAll());
        }
        statements = splitStatements(script);
    }
    int exitCode = 0;
    for (const QString& sql : std::as_const(statements)) {
        QJsonObject reply;
        if (!client.request(QJsonObject { { QStringLiteral("t"), QStringLiteral("sql") }, { QStringLiteral("sql"), sql },
                                { QStringLiteral("db"), db }, { QStringLiteral("user"), user } },
                &reply, 30000, &error)) {
            err(QStringLiteral("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"
                               "The connection to the server was lost. Attempting reset: Failed.\n"));
            return 2;
        }
        if (reply.value(QStringLiteral("fatal")).toBool()) {
            err(QStringLiteral("gsql: ") + reply.value(QStringLiteral("error")).toString() + QLatin1Char('\n'));
            return 2;
        }
        if (!reply.value(QStringLiteral("ok")).toBool()) {
            err(reply.value(QStringLiteral("error")).toString() + QLatin1Char('\n'));
            exitCode = haveCommand ? 1 : 3;
            if (haveCommand)
                break;
            continue;
        }
        out(format(Proto::ResultSet::fromJson(reply), po));
    }
    // Scripts run from stdin keep going after an error and exit 0, like psql without ON_ERROR_STOP.
    return exitCode == 3 ? 0 : exitCode;
}

} // namespace Sim
