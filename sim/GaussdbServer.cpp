#include "GaussdbServer.h"

#include "FaultInjector.h"
#include "SimLayout.h"
#include "SimProtocol.h"
#include "SimTools.h"
#include "SimVersion.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <signal.h>
#include <unistd.h>

namespace Sim {

// ---------------------------------------------------------------------------------------------
// Shared helpers

QMap<QString, QString> readPostgresConf(const QString& path)
{
    QMap<QString, QString> conf;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return conf;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed().toLower();
        QString value = line.mid(eq + 1).trimmed();
        if (value.startsWith(QLatin1Char('\''))) {
            QString out;
            int i = 1;
            for (; i < value.size(); ++i) {
                if (value.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < value.size() && value.at(i + 1) == QLatin1Char('\'')) {
                        out += QLatin1Char('\'');
                        ++i;
                        continue;
                    }
                    break;
                }
                out += value.at(i);
            }
            value = out;
        } else {
            const int hash = value.indexOf(QLatin1Char('#'));
            if (hash >= 0)
                value = value.left(hash).trimmed();
        }
        conf.insert(key, value);
    }
    return conf;
}

QList<ReplConnInfo> replConnInfos(const QMap<QString, QString>& conf)
{
    QList<ReplConnInfo> out;
    for (int i = 1; i <= 8; ++i) {
        const QString v = conf.value(QStringLiteral("replconninfo%1").arg(i));
        if (v.trimmed().isEmpty())
            continue;
        ReplConnInfo r;
        for (const QString& kv : v.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const int eq = kv.indexOf(QLatin1Char('='));
            if (eq <= 0)
                continue;
            const QString k = kv.left(eq);
            const QString val = kv.mid(eq + 1);
            if (k == QStringLiteral("localhost"))
                r.localhost = val;
            else if (k == QStringLiteral("localport"))
                r.localport = val.toInt();
            else if (k == QStringLiteral("remotehost"))
                r.remotehost = val;
            else if (k == QStringLiteral("remoteport"))
                r.remoteport = val.toInt();
        }
        if (!r.remotehost.isEmpty() && r.remoteport > 0)
            out.append(r);
    }
    return out;
}

bool readPidFile(const QString& pgdata, PidFileInfo* out)
{
    QFile f(pgdata + QStringLiteral("/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    PidFileInfo info;
    info.pid = lines.value(0).trimmed().toLongLong();
    info.datadir = lines.value(1).trimmed();
    info.startTime = lines.value(2).trimmed().toLongLong();
    info.port = lines.value(3).trimmed().toInt();
    info.listenAddress = lines.value(5).trimmed();
    *out = info;
    return info.pid > 0;
}

bool readStateFile(const QString& pgdata, StateFileInfo* out)
{
    QFile f(pgdata + QStringLiteral("/gaussdb.state"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    StateFileInfo s;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString k = line.left(eq);
        const QString v = line.mid(eq + 1);
        if (k == QStringLiteral("role"))
            s.role = v;
        else if (k == QStringLiteral("local_role"))
            s.localRole = v;
        else if (k == QStringLiteral("db_state"))
            s.dbState = v;
        else if (k == QStringLiteral("detail_information"))
            s.detail = v;
        else if (k == QStringLiteral("lsn"))
            s.lsn = v;
    }
    *out = s;
    return !s.role.isEmpty();
}

bool postmasterAlive(qint64 pid)
{
    if (!processAlive(pid))
        return false;
    QString exe = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid));
    if (exe.isEmpty())
        return true; // not ours to inspect (other user): assume it is the server, as pg_ctl does
    exe.remove(QStringLiteral(" (deleted)"));
    const QString name = QFileInfo(exe).fileName();
    return name == QStringLiteral("gaussdb") || name == QStringLiteral("mogdb")
        || name.startsWith(QStringLiteral("mogdb-sim"));
}

QString roleDisplayName(const QString& mode)
{
    if (mode == QStringLiteral("primary"))
        return QStringLiteral("Primary");
    if (mode == QStringLiteral("standby"))
        return QStringLiteral("Standby");
    if (mode == QStringLiteral("cascade_standby"))
        return QStringLiteral("Cascade Standby");
    if (mode == QStringLiteral("pending"))
        return QStringLiteral("Pending");
    if (mode == QStringLiteral("normal"))
        return QStringLiteral("Normal");
    return QStringLiteral("Unknown");
}

QString connectAddressFor(const QString& listenAddresses)
{
    const QString first = listenAddresses.split(QLatin1Char(','), Qt::SkipEmptyParts).value(0).trimmed();
    if (first.isEmpty() || first == QStringLiteral("*") || first == QStringLiteral("0.0.0.0")
        || first == QStringLiteral("localhost"))
        return QStringLiteral("127.0.0.1");
    return first;
}

// ---------------------------------------------------------------------------------------------
// A small SQL engine: enough SELECT for the statements MogUp, gs_ctl and gs_om send.

namespace {

using Proto::Column;
using Proto::ResultSet;

struct Table
{
    QList<Column> columns;
    QList<QStringList> rows;
    int indexOf(const QString& name) const
    {
        for (int i = 0; i < columns.size(); ++i) {
            if (columns.at(i).name == name)
                return i;
        }
        return -1;
    }
};

struct Token
{
    enum Kind
    {
        Ident,
        Str,
        Num,
        Sym,
        End
    } kind
        = End;
    QString text; // identifiers lower-cased (unless quoted)
    int pos = 0; // 0-based character offset in the statement (for the error cursor)
};

struct Expr
{
    enum Kind
    {
        Star,
        Col,
        Num,
        Str,
        Func
    } kind
        = Star;
    QString name; // column / function name, or literal text
    int location = -1; // of the first token (parser_errposition)
    QList<Expr> args;
    bool starArg = false; // count(*)
};

struct SelectItem
{
    Expr expr;
    QString alias;
};

struct Cond
{
    QString column;
    int location = -1;
    QString op;
    QString value;
};

struct Query
{
    QList<SelectItem> items;
    QString from; // normalised name, "name()" for table functions
    QString fromDisplay;
    QString fromAlias; // the name errors use (rte->eref->aliasname): alias, else the relation/function name
    int fromLocation = -1;
    QList<Cond> where;
    QStringList groupBy;
    QList<int> groupByLocations;
    QString orderBy;
    bool orderDesc = false;
    int limit = -1;
};

class SqlEngine
{
public:
    using TableProvider = std::function<bool(const QString& name, Table* out)>;
    using ScalarProvider = std::function<bool(const QString& func, QString* value, QString* type)>;
    using ShowProvider = std::function<bool(const QString& param, QString* value)>;

    TableProvider tables;
    ScalarProvider scalars;
    ShowProvider show;

    // An ERROR as the server reports it: message ("ERROR:  ..."), the 1-based character position in the
    // query string it was sent (PG_DIAG_STATEMENT_POSITION, 0 = none) and a HINT.
    struct Error
    {
        QString message;
        int position = 0;
        QString hint;
    };

    bool execute(const QString& sql, ResultSet* result, Error* error)
    {
        // Split on ';' outside quotes; the result of the last statement is returned. Positions count from
        // the start of the whole string, as the server's do for a multi-statement simple query.
        QList<QPair<QString, int>> statements;
        QString cur;
        int curStart = 0;
        bool inStr = false;
        for (int i = 0; i < sql.size(); ++i) {
            const QChar c = sql.at(i);
            if (c == QLatin1Char('\''))
                inStr = !inStr;
            if (c == QLatin1Char(';') && !inStr) {
                statements.append({ cur, curStart });
                cur.clear();
                curStart = i + 1;
                continue;
            }
            cur += c;
        }
        statements.append({ cur, curStart });
        *result = ResultSet();
        for (const auto& st : std::as_const(statements)) {
            if (st.first.trimmed().isEmpty())
                continue;
            if (!executeOne(st.first, st.second, result, error))
                return false;
        }
        return true;
    }

private:
    QList<Token> m_toks;
    int m_pos = 0;
    QString m_error;
    int m_errorPos = -1; // 0-based in the statement, -1 = none
    QString m_hint;
    int m_sqlLength = 0;

    bool fail(const QString& message, int pos = -1)
    {
        m_error = message;
        m_errorPos = pos;
        return false;
    }

    static bool isNumber(const QString& s)
    {
        bool ok = false;
        s.toDouble(&ok);
        return ok && !s.isEmpty();
    }

    bool tokenize(const QString& sql)
    {
        m_toks.clear();
        m_pos = 0;
        int i = 0;
        const int n = sql.size();
        while (i < n) {
            const QChar c = sql.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
                while (i < n && sql.at(i) != QLatin1Char('\n'))
                    ++i;
                continue;
            }
            if (c.isLetter() || c == QLatin1Char('_')) {
                int j = i;
                while (j < n
                    && (sql.at(j).isLetterOrNumber() || sql.at(j) == QLatin1Char('_')
                        || sql.at(j) == QLatin1Char('.') || sql.at(j) == QLatin1Char('$')))
                    ++j;
                m_toks.append(Token { Token::Ident, sql.mid(i, j - i).toLower(), i });
                i = j;
                continue;
            }
            if (c == QLatin1Char('"')) {
                const int j = sql.indexOf(QLatin1Char('"'), i + 1);
                if (j < 0) {
                    return fail(
                        QStringLiteral("unterminated quoted identifier at or near \"%1\"").arg(sql.mid(i)),
                        i);
                }
                m_toks.append(Token { Token::Ident, sql.mid(i + 1, j - i - 1), i });
                i = j + 1;
                continue;
            }
            if (c.isDigit()) {
                int j = i;
                while (j < n && (sql.at(j).isDigit() || sql.at(j) == QLatin1Char('.')))
                    ++j;
                m_toks.append(Token { Token::Num, sql.mid(i, j - i), i });
                i = j;
                continue;
            }
            if (c == QLatin1Char('\'')) {
                QString s;
                int j = i + 1;
                bool closed = false;
                while (j < n) {
                    if (sql.at(j) == QLatin1Char('\'')) {
                        if (j + 1 < n && sql.at(j + 1) == QLatin1Char('\'')) {
                            s += QLatin1Char('\'');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    s += sql.at(j++);
                }
                if (!closed) {
                    return fail(
                        QStringLiteral("unterminated quoted string at or near \"%1\"").arg(sql.mid(i)), i);
                }
                m_toks.append(Token { Token::Str, s, i });
                i = j + 1;
                continue;
            }
            const QString two = sql.mid(i, 2);
            if (two == QStringLiteral("<=") || two == QStringLiteral(">=") || two == QStringLiteral("<>")
                || two == QStringLiteral("!=") || two == QStringLiteral("::")) {
                m_toks.append(Token { Token::Sym, two, i });
                i += 2;
                continue;
            }
            m_toks.append(Token { Token::Sym, QString(c), i });
            ++i;
        }
        m_toks.append(Token { Token::End, QString(), int(n) });
        return true;
    }

    const Token& peek(int ahead = 0) const { return m_toks.at(qMin(m_pos + ahead, int(m_toks.size()) - 1)); }
    Token next() { return m_toks.at(qMin(m_pos++, int(m_toks.size()) - 1)); }
    bool isSym(const QString& s, int ahead = 0) const
    {
        return peek(ahead).kind == Token::Sym && peek(ahead).text == s;
    }
    bool isKw(const char* kw, int ahead = 0) const
    {
        return peek(ahead).kind == Token::Ident && peek(ahead).text == QLatin1String(kw);
    }
    bool syntaxError()
    {
        const Token& t = peek();
        m_error = t.kind == Token::End
            ? QStringLiteral("syntax error at end of input")
            : QStringLiteral("syntax error at or near \"%1\"")
                  .arg(t.kind == Token::Str ? QLatin1Char('\'') + t.text + QLatin1Char('\'') : t.text);
        m_errorPos = t.pos;
        return false;
    }

    bool parseExpr(Expr* e)
    {
        const Token& t = peek();
        e->location = t.pos;
        if (t.kind == Token::Sym && t.text == QStringLiteral("*")) {
            next();
            e->kind = Expr::Star;
            return true;
        }
        if (t.kind == Token::Num) {
            e->kind = Expr::Num;
            e->name = next().text;
        } else if (t.kind == Token::Str) {
            e->kind = Expr::Str;
            e->name = next().text;
        } else if (t.kind == Token::Sym && t.text == QStringLiteral("-") && peek(1).kind == Token::Num) {
            next();
            e->kind = Expr::Num;
            e->name = QLatin1Char('-') + next().text;
        } else if (t.kind == Token::Ident && !isReserved(t.text)) {
            const QString name = next().text;
            if (isSym(QStringLiteral("("))) {
                next();
                e->kind = Expr::Func;
                e->name = name;
                if (isSym(QStringLiteral("*"))) {
                    next();
                    e->starArg = true;
                } else if (!isSym(QStringLiteral(")"))) {
                    while (true) {
                        Expr arg;
                        if (!parseExpr(&arg))
                            return false;
                        e->args.append(arg);
                        if (isSym(QStringLiteral(","))) {
                            next();
                            continue;
                        }
                        break;
                    }
                }
                if (!isSym(QStringLiteral(")")))
                    return syntaxError();
                next();
            } else if (name == QStringLiteral("current_user") || name == QStringLiteral("session_user")
                || name == QStringLiteral("current_database")) {
                e->kind = Expr::Func;
                e->name = name;
            } else {
                e->kind = Expr::Col;
                e->name = name;
            }
        } else {
            return syntaxError();
        }
        // Casts (x::text) are accepted and ignored.
        while (isSym(QStringLiteral("::"))) {
            next();
            if (peek().kind != Token::Ident)
                return syntaxError();
            next();
        }
        return true;
    }

    static bool isReserved(const QString& w)
    {
        static const QStringList kw { QStringLiteral("from"), QStringLiteral("where"),
            QStringLiteral("group"), QStringLiteral("order"), QStringLiteral("limit"), QStringLiteral("as"),
            QStringLiteral("and"), QStringLiteral("select"), QStringLiteral("by"), QStringLiteral("desc"),
            QStringLiteral("asc"), QStringLiteral("like") };
        return kw.contains(w);
    }

    bool parseSelect(Query* q)
    {
        next(); // select
        while (true) {
            SelectItem item;
            if (!parseExpr(&item.expr))
                return false;
            if (isKw("as")) {
                next();
                if (peek().kind != Token::Ident)
                    return syntaxError();
                item.alias = next().text;
            } else if (peek().kind == Token::Ident && !isReserved(peek().text)) {
                item.alias = next().text;
            }
            q->items.append(item);
            if (isSym(QStringLiteral(","))) {
                next();
                continue;
            }
            break;
        }
        if (isKw("from")) {
            next();
            if (peek().kind != Token::Ident)
                return syntaxError();
            q->fromLocation = peek().pos;
            q->fromDisplay = next().text;
            q->from = q->fromDisplay;
            q->fromAlias = q->fromDisplay.section(QLatin1Char('.'), -1);
            if (isSym(QStringLiteral("("))) {
                next();
                if (!isSym(QStringLiteral(")")))
                    return syntaxError();
                next();
                q->from += QStringLiteral("()");
            }
            if (isKw("as"))
                next();
            if (peek().kind == Token::Ident && !isReserved(peek().text))
                q->fromAlias = next().text; // table alias
        }
        if (isKw("where")) {
            next();
            while (true) {
                Cond c;
                if (peek().kind != Token::Ident)
                    return syntaxError();
                c.location = peek().pos;
                c.column = next().text;
                const QString dot = QStringLiteral(".");
                if (c.column.contains(dot))
                    c.column = c.column.section(dot, -1);
                if (peek().kind == Token::Sym)
                    c.op = next().text;
                else if (isKw("like"))
                    c.op = next().text;
                else
                    return syntaxError();
                if (peek().kind == Token::Str || peek().kind == Token::Num)
                    c.value = next().text;
                else
                    return syntaxError();
                q->where.append(c);
                if (isKw("and")) {
                    next();
                    continue;
                }
                break;
            }
        }
        if (isKw("group") && isKw("by", 1)) {
            next();
            next();
            // A column, or the position of an output column (GROUP BY 1).
            while (peek().kind == Token::Ident || peek().kind == Token::Num) {
                q->groupByLocations.append(peek().pos);
                q->groupBy.append(next().text);
                if (!isSym(QStringLiteral(",")))
                    break;
                next();
            }
        }
        if (isKw("order") && isKw("by", 1)) {
            next();
            next();
            if (peek().kind != Token::Ident && peek().kind != Token::Num)
                return syntaxError();
            q->orderBy = next().text;
            if (isKw("desc")) {
                next();
                q->orderDesc = true;
            } else if (isKw("asc")) {
                next();
            }
        }
        if (isKw("limit")) {
            next();
            if (peek().kind != Token::Num)
                return syntaxError();
            q->limit = next().text.toInt();
        }
        if (peek().kind != Token::End)
            return syntaxError();
        return true;
    }

    static bool isAggregateName(const QString& n)
    {
        return n == QStringLiteral("sum") || n == QStringLiteral("count") || n == QStringLiteral("max")
            || n == QStringLiteral("min") || n == QStringLiteral("avg");
    }
    static bool hasAggregate(const Expr& e)
    {
        if (e.kind == Expr::Func && isAggregateName(e.name))
            return true;
        for (const Expr& a : e.args) {
            if (hasAggregate(a))
                return true;
        }
        return false;
    }

    static QString headerOf(const SelectItem& item)
    {
        if (!item.alias.isEmpty())
            return item.alias;
        switch (item.expr.kind) {
        case Expr::Col:
            return item.expr.name.section(QLatin1Char('.'), -1);
        case Expr::Func:
            return item.expr.name.section(QLatin1Char('.'), -1);
        default:
            return QStringLiteral("?column?");
        }
    }

    bool typeOf(const Expr& e, const Table* t, QString* type)
    {
        switch (e.kind) {
        case Expr::Num:
            *type = e.name.contains(QLatin1Char('.')) ? QStringLiteral("numeric") : QStringLiteral("int4");
            return true;
        case Expr::Str:
            *type = QStringLiteral("unknown");
            return true;
        case Expr::Col: {
            const int idx = t ? t->indexOf(e.name.section(QLatin1Char('.'), -1)) : -1;
            if (idx < 0)
                return fail(QStringLiteral("column \"%1\" does not exist").arg(e.name), e.location);
            *type = t->columns.at(idx).type;
            return true;
        }
        case Expr::Star:
            *type = QStringLiteral("text");
            return true;
        case Expr::Func:
            break;
        }
        const QString& f = e.name;
        QString argType;
        if (!e.args.isEmpty() && !typeOf(e.args.first(), t, &argType))
            return false;
        if (f == QStringLiteral("count"))
            *type = QStringLiteral("int8");
        else if (f == QStringLiteral("sum"))
            *type = (argType == QStringLiteral("int4") || argType == QStringLiteral("int2"))
                ? QStringLiteral("int8")
                : QStringLiteral("numeric");
        else if (f == QStringLiteral("avg"))
            *type = QStringLiteral("numeric");
        else if (f == QStringLiteral("max") || f == QStringLiteral("min"))
            *type = argType;
        else if (f == QStringLiteral("pg_size_pretty") || f == QStringLiteral("upper")
            || f == QStringLiteral("lower"))
            *type = QStringLiteral("text");
        else {
            QString dummy;
            if (!e.args.isEmpty() || !scalars(f, &dummy, type)) {
                QStringList types;
                for (const Expr& a : e.args) {
                    QString at;
                    typeOf(a, t, &at);
                    types.append(at == QStringLiteral("int4") ? QStringLiteral("integer") : at);
                }
                // parse_func.cpp ParseFuncOrColumn: position of the call, and this hint.
                m_hint = QStringLiteral("No function matches the given name and argument types. You might "
                                        "need to add explicit type casts.");
                return fail(
                    QStringLiteral("function %1(%2) does not exist").arg(f, types.join(QStringLiteral(", "))),
                    e.location);
            }
        }
        return true;
    }

public:
    static QString sizePretty(double size)
    {
        // og-server dbsize.cpp pg_size_pretty: switch units at 10 x the unit, round half up.
        const double limit = 10 * 1024;
        const double limit2 = limit * 2 - 1;
        if (std::fabs(size) < limit)
            return QString::number(qint64(size)) + QStringLiteral(" bytes");
        qint64 s = qint64(size) >> 9;
        if (s < limit2)
            return QString::number((s + 1) / 2) + QStringLiteral(" kB");
        s >>= 10;
        if (s < limit2)
            return QString::number((s + 1) / 2) + QStringLiteral(" MB");
        s >>= 10;
        if (s < limit2)
            return QString::number((s + 1) / 2) + QStringLiteral(" GB");
        s >>= 10;
        return QString::number((s + 1) / 2) + QStringLiteral(" TB");
    }

private:
    static QString numberText(double v)
    {
        if (v == std::floor(v) && std::fabs(v) < 9e15)
            return QString::number(qint64(v));
        return QString::number(v, 'f', 16);
    }

    // Evaluates `e` for a group of rows (aggregates) or a single row (rows.size() == 1 && !agg).
    bool eval(const Expr& e, const Table* t, const QList<int>& rows, QString* out)
    {
        switch (e.kind) {
        case Expr::Num:
        case Expr::Str:
            *out = e.name;
            return true;
        case Expr::Star:
            *out = QString();
            return true;
        case Expr::Col: {
            const int idx = t ? t->indexOf(e.name.section(QLatin1Char('.'), -1)) : -1;
            if (idx < 0) {
                m_error = QStringLiteral("column \"%1\" does not exist").arg(e.name);
                return false;
            }
            *out = rows.isEmpty() ? QString() : t->rows.at(rows.first()).value(idx);
            return true;
        }
        case Expr::Func:
            break;
        }
        const QString& f = e.name;
        if (f == QStringLiteral("count")) {
            if (e.starArg) {
                *out = QString::number(rows.size());
                return true;
            }
            int c = 0;
            for (int r : rows) {
                QString v;
                if (!eval(e.args.value(0), t, { r }, &v))
                    return false;
                if (!v.isEmpty())
                    ++c;
            }
            *out = QString::number(c);
            return true;
        }
        if (isAggregateName(f)) {
            if (e.args.size() != 1) {
                m_error = QStringLiteral("function %1() does not exist").arg(f);
                return false;
            }
            double acc = 0;
            int n = 0;
            QString best;
            for (int r : rows) {
                QString v;
                if (!eval(e.args.first(), t, { r }, &v))
                    return false;
                if (v.isEmpty())
                    continue;
                const double d = v.toDouble();
                if (f == QStringLiteral("max")) {
                    if (n == 0 || (isNumber(v) ? d > best.toDouble() : v > best))
                        best = v;
                } else if (f == QStringLiteral("min")) {
                    if (n == 0 || (isNumber(v) ? d < best.toDouble() : v < best))
                        best = v;
                }
                acc += d;
                ++n;
            }
            if (n == 0)
                *out = QString();
            else if (f == QStringLiteral("sum"))
                *out = numberText(acc);
            else if (f == QStringLiteral("avg"))
                *out = QString::number(acc / n, 'f', 16);
            else
                *out = best;
            return true;
        }
        if (f == QStringLiteral("pg_size_pretty") || f == QStringLiteral("upper")
            || f == QStringLiteral("lower")) {
            if (e.args.size() != 1) {
                m_error = QStringLiteral("function %1() does not exist").arg(f);
                return false;
            }
            QString v;
            if (!eval(e.args.first(), t, rows, &v))
                return false;
            if (v.isEmpty())
                *out = QString();
            else if (f == QStringLiteral("upper"))
                *out = v.toUpper();
            else if (f == QStringLiteral("lower"))
                *out = v.toLower();
            else if (!isNumber(v)) {
                m_error = QStringLiteral("invalid input syntax for type bigint: \"%1\"").arg(v);
                return false;
            } else
                *out = sizePretty(v.toDouble());
            return true;
        }
        QString type;
        if (!e.args.isEmpty() || !scalars(f, out, &type)) {
            m_error = QStringLiteral("function %1() does not exist").arg(f);
            return false;
        }
        return true;
    }

    static bool matches(const QString& value, const QString& op, const QString& literal)
    {
        if (op == QStringLiteral("like")) {
            QString re = QRegularExpression::escape(literal);
            re.replace(QStringLiteral("%"), QStringLiteral(".*"))
                .replace(QStringLiteral("_"), QStringLiteral("."));
            return QRegularExpression(QStringLiteral("^") + re + QStringLiteral("$")).match(value).hasMatch();
        }
        int cmp;
        if (isNumber(value) && isNumber(literal)) {
            const double a = value.toDouble(), b = literal.toDouble();
            cmp = a < b ? -1 : (a > b ? 1 : 0);
        } else {
            cmp = QString::compare(value, literal);
        }
        if (op == QStringLiteral("="))
            return cmp == 0;
        if (op == QStringLiteral("<>") || op == QStringLiteral("!="))
            return cmp != 0;
        if (op == QStringLiteral("<"))
            return cmp < 0;
        if (op == QStringLiteral(">"))
            return cmp > 0;
        if (op == QStringLiteral("<="))
            return cmp <= 0;
        if (op == QStringLiteral(">="))
            return cmp >= 0;
        return false;
    }

    bool executeOne(const QString& sql, int offset, ResultSet* result, Error* error)
    {
        m_error.clear();
        m_errorPos = -1;
        m_hint.clear();
        const bool ok = executeInner(sql, result);
        if (!ok) {
            error->message = QStringLiteral("ERROR:  ") + m_error;
            error->position = m_errorPos >= 0 ? offset + m_errorPos + 1 : 0;
            error->hint = m_hint;
        }
        return ok;
    }

    // Columns referenced outside an aggregate (the walker of og-server@v2.0.1
    // src/common/backend/parser/parse_agg.cpp check_ungrouped_columns_walker).
    static void ungroupedColumns(const Expr& e, QList<const Expr*>* out)
    {
        if (e.kind == Expr::Col) {
            out->append(&e);
            return;
        }
        if (e.kind == Expr::Func && isAggregateName(e.name))
            return;
        for (const Expr& a : e.args)
            ungroupedColumns(a, out);
    }

    bool executeInner(const QString& sql, ResultSet* result)
    {
        if (!tokenize(sql))
            return false;
        *result = ResultSet();
        if (isKw("show")) {
            next();
            if (peek().kind != Token::Ident)
                return syntaxError();
            const QString param = next().text;
            QString value;
            if (!show(param, &value))
                return fail(QStringLiteral("unrecognized configuration parameter \"%1\"").arg(param));
            result->columns.append(Column { param, QStringLiteral("text") });
            result->rows.append(QStringList { value });
            return true;
        }
        if (!isKw("select"))
            return syntaxError();
        Query q;
        if (!parseSelect(&q))
            return false;
        // Parse analysis in the server's order (analyze.cpp transformSelectStmt): FROM, the target list,
        // WHERE, GROUP BY, then the aggregate check.
        Table table;
        const Table* t = nullptr;
        if (!q.from.isEmpty()) {
            if (!tables(q.from, &table)) {
                if (q.from.endsWith(QStringLiteral("()"))) {
                    m_hint = QStringLiteral("No function matches the given name and argument types. You "
                                            "might need to add explicit type casts.");
                    return fail(QStringLiteral("function %1 does not exist").arg(q.from), q.fromLocation);
                }
                return fail(
                    QStringLiteral("relation \"%1\" does not exist").arg(q.fromDisplay), q.fromLocation);
            }
            t = &table;
        }
        // Expand *, work out headers and types.
        QList<SelectItem> items;
        for (const SelectItem& item : q.items) {
            if (item.expr.kind == Expr::Star) {
                if (!t)
                    return fail(
                        QStringLiteral("SELECT * with no tables specified is not valid"), item.expr.location);
                for (const Column& c : t->columns) {
                    SelectItem col;
                    col.expr.kind = Expr::Col;
                    col.expr.name = c.name;
                    col.expr.location = item.expr.location;
                    items.append(col);
                }
            } else {
                items.append(item);
            }
        }
        bool aggregate = !q.groupBy.isEmpty();
        for (const SelectItem& item : items) {
            QString type;
            if (!typeOf(item.expr, t, &type))
                return false;
            result->columns.append(Column { headerOf(item), type });
            if (hasAggregate(item.expr))
                aggregate = true;
        }
        // Filter.
        QList<int> rows;
        if (t) {
            for (const Cond& c : q.where) {
                if (t->indexOf(c.column) < 0)
                    return fail(QStringLiteral("column \"%1\" does not exist").arg(c.column), c.location);
            }
            for (int r = 0; r < t->rows.size(); ++r) {
                bool keep = true;
                for (const Cond& c : q.where) {
                    if (!matches(t->rows.at(r).value(t->indexOf(c.column)), c.op, c.value)) {
                        keep = false;
                        break;
                    }
                }
                if (keep)
                    rows.append(r);
            }
        } else if (!q.where.isEmpty()) {
            return fail(QStringLiteral("column \"%1\" does not exist").arg(q.where.first().column),
                q.where.first().location);
        }
        // GROUP BY items: column names; "GROUP BY 2" names the second output column.
        for (int i = 0; i < q.groupBy.size(); ++i) {
            QString& g = q.groupBy[i];
            bool isPos = false;
            const int pos = g.toInt(&isPos);
            if (isPos) {
                if (pos < 1 || pos > items.size())
                    return fail(QStringLiteral("GROUP BY position %1 is not in select list").arg(pos),
                        q.groupByLocations.value(i));
                const Expr& target = items.at(pos - 1).expr;
                if (target.kind != Expr::Col)
                    return fail(
                        QStringLiteral("aggregate functions are not allowed in GROUP BY"), target.location);
                g = target.name;
            }
            g = g.section(QLatin1Char('.'), -1);
            if (!t || t->indexOf(g) < 0)
                return fail(QStringLiteral("column \"%1\" does not exist").arg(q.groupBy.at(i)),
                    q.groupByLocations.value(i));
        }
        // parseCheckAggregates(): with aggregates or GROUP BY, every column of the target list must be
        // grouped or inside an aggregate. This is the vendor's memory query's error (mogdb-tools.md,
        // Corrections): "column \"gs_session_memory_detail.contextname\" must appear in the GROUP BY clause
        // or be used in an aggregate function", at the column's position.
        if (aggregate && t) {
            for (const SelectItem& item : std::as_const(items)) {
                QList<const Expr*> cols;
                ungroupedColumns(item.expr, &cols);
                for (const Expr* c : std::as_const(cols)) {
                    const QString name = c->name.section(QLatin1Char('.'), -1);
                    if (!q.groupBy.contains(name))
                        return fail(QStringLiteral("column \"%1.%2\" must appear in the GROUP BY clause or "
                                                   "be used in an aggregate function")
                                        .arg(q.fromAlias, name),
                            c->location);
                }
            }
        }
        QList<QList<int>> groups;
        if (!t) {
            groups.append(QList<int>());
        } else if (aggregate) {
            if (q.groupBy.isEmpty()) {
                groups.append(rows);
            } else {
                QList<QStringList> keys;
                for (int r : rows) {
                    QStringList key;
                    for (const QString& g : q.groupBy) {
                        const int idx = t->indexOf(g);
                        if (idx < 0) {
                            m_error = QStringLiteral("column \"%1\" does not exist").arg(g);
                            return false;
                        }
                        key.append(t->rows.at(r).value(idx));
                    }
                    const int k = int(keys.indexOf(key));
                    if (k < 0) {
                        keys.append(key);
                        groups.append(QList<int> { r });
                    } else {
                        groups[k].append(r);
                    }
                }
            }
        } else {
            for (int r : rows)
                groups.append(QList<int> { r });
        }
        for (const QList<int>& g : groups) {
            QStringList out;
            for (const SelectItem& item : items) {
                QString v;
                if (!eval(item.expr, t, g, &v))
                    return false;
                if (result->columns.at(out.size()).type == QStringLiteral("bool"))
                    v = (v == QStringLiteral("true") || v == QStringLiteral("t"))
                        ? QStringLiteral("t")
                        : (v.isEmpty() ? v : QStringLiteral("f"));
                out.append(v);
            }
            result->rows.append(out);
        }
        if (!q.orderBy.isEmpty()) {
            int idx = -1;
            bool okNum = false;
            const int pos = q.orderBy.toInt(&okNum);
            if (okNum) {
                idx = pos - 1;
            } else {
                for (int i = 0; i < result->columns.size(); ++i) {
                    if (result->columns.at(i).name == q.orderBy)
                        idx = i;
                }
            }
            if (idx < 0 || idx >= result->columns.size()) {
                m_error = QStringLiteral("column \"%1\" does not exist").arg(q.orderBy);
                return false;
            }
            const bool numeric = Proto::ResultSet::isNumericType(result->columns.at(idx).type);
            std::stable_sort(
                result->rows.begin(), result->rows.end(), [&](const QStringList& a, const QStringList& b) {
                    const bool less = numeric ? a.value(idx).toDouble() < b.value(idx).toDouble()
                                              : a.value(idx) < b.value(idx);
                    const bool greater = numeric ? a.value(idx).toDouble() > b.value(idx).toDouble()
                                                 : a.value(idx) > b.value(idx);
                    return q.orderDesc ? greater : less;
                });
        }
        if (q.limit >= 0 && result->rows.size() > q.limit)
            result->rows = result->rows.mid(0, q.limit);
        return true;
    }
};

} // namespace

// ---------------------------------------------------------------------------------------------
// The server process

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int sig)
{
    const char c = char(sig);
    (void)!::write(g_signalPipe[1], &c, 1);
}

void serverLog(const char* level, const QString& message)
{
    const QString ts = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
    std::fprintf(stdout, "%s [%lld] [BACKEND] %s:  %s\n", ts.toLocal8Bit().constData(), qint64(::getpid()),
        level, message.toLocal8Bit().constData());
    std::fflush(stdout);
}

constexpr quint64 kInitialLsn = 0x14000000ULL;
constexpr quint64 kLsnPerSecond = 0x1C8; // "advances slowly"
// "wal-load" (FaultInjector.h): a steady write load, about 1 MB/s of WAL, varying from tick to tick.
constexpr quint64 kLoadLsnPerSecond = 1024 * 1024;
// A switchover's length at speed 1: the standby asks, the primary demotes (fast demote: sessions are
// terminated, checkpoint, restart as standby), then the standby promotes. Tuned so that gs_ctl switchover
// (a role poll once a second plus three more after the change, pg_ctl.cpp do_switchover) takes 8 s as in
// the reference capture (mogdb-tools.md §2.4: 10:51:07.821 -> 10:51:15.916, 8 dots). Scaled by the
// sandbox speed like the walsender leak, never shorter than kMinSwitchoverMs.
constexpr double kSwitchoverMsAtSpeed1 = 4500;
constexpr double kMinSwitchoverMs = 800;
constexpr double kDemoteShare = 0.6; // of the switchover spent demoting the old primary
constexpr qint64 kWalSenderBaseTotal = 8413184;
constexpr qint64 kWalSenderBaseFree = 18576;
constexpr qint64 kLeakPerLoop = 64; // one List header + cell per WalSndLoop iteration
constexpr double kLoopsPerSecond = 10; // of simulated time

quint64 fakePthreadId(int lwp)
{
    return 139872000000000ULL + quint64(lwp) * 0x801000ULL;
}

QString timestampTz(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("+08");
}

struct Sender
{
    QTcpSocket* socket = nullptr;
    qint64 connectedMs = 0;
    int lwp = 0;
    bool archive = false;
    QString peerRole; // Standby | Cascade Standby
    QString peerNode;
    quint64 sentLsn = 0;
    quint64 ackLsn = 0; // received (= written) by the standby
    quint64 flushLsn = 0; // flushed by the standby
    quint64 replayLsn = 0; // replayed by the standby
};

struct BackgroundThread
{
    QString name;
    int lwp = 0;
    qint64 total = 0;
    qint64 free = 0;
};

class Server : public QObject
{
public:
    Server(const QString& pgdata, const QString& mode, const QString& program)
        : m_pgdata(pgdata)
        , m_role(mode)
        , m_program(program)
    {
    }

    int start()
    {
        m_pid = ::getpid();
        m_startMs = nowMs();
        m_sandboxRoot = findSandboxRoot(m_pgdata);
        serverLog("LOG", QStringLiteral("[Alarm Module]can not read GAUSS_WARNING_TYPE env."));
        // 1. The shared libraries next to bin/ must be this build's (bin swapped without lib = fail).
        const QString lib
            = QDir::cleanPath(QFileInfo(m_program).absolutePath() + QStringLiteral("/../lib/libpq.so.5.5"));
        QFile libFile(lib);
        if (!libFile.open(QIODevice::ReadOnly)) {
            std::fprintf(stdout,
                "%s: error while loading shared libraries: libpq.so.5.5: cannot open shared object file: No "
                "such file or directory\n",
                QFileInfo(m_program).fileName().toLocal8Bit().constData());
            std::fflush(stdout);
            return 1;
        }
        const QString marker = QString::fromUtf8(libFile.readAll()).trimmed();
        const QString mine
            = QStringLiteral("MogDB ") + mogdbVersion() + QStringLiteral(" build ") + mogdbBuild();
        if (!marker.contains(mine)) {
            serverLog("FATAL",
                QStringLiteral("could not load library \"%1\": version mismatch: the library is \"%2\" but "
                               "gaussdb is \"%3\"")
                    .arg(lib, marker.section(QLatin1Char('\n'), 0, 0), mine));
            return 1;
        }
        // 2. PGDATA and its configuration.
        if (!QFileInfo(m_pgdata).isDir()) {
            std::fprintf(stdout,
                "gaussdb: could not access directory \"%s\": No such file or directory\n"
                "Run initdb or pg_basebackup to initialize a PostgreSQL data directory.\n",
                m_pgdata.toLocal8Bit().constData());
            std::fflush(stdout);
            return 1;
        }
        const QString confPath = m_pgdata + QStringLiteral("/postgresql.conf");
        if (!QFileInfo::exists(confPath)) {
            std::fprintf(stdout,
                "gaussdb: could not access the server configuration file \"%s\": No such file or directory\n",
                confPath.toLocal8Bit().constData());
            std::fflush(stdout);
            return 1;
        }
        m_conf = readPostgresConf(confPath);
        m_peers = replConnInfos(m_conf);
        m_port = m_portOverride > 0 ? m_portOverride
                                    : m_conf.value(QStringLiteral("port"), QStringLiteral("5432")).toInt();
        m_listen = m_conf.value(QStringLiteral("listen_addresses"), QStringLiteral("localhost"));
        m_archive = m_conf.value(QStringLiteral("archive_mode")).toLower() == QStringLiteral("on");
        m_syncNames = m_conf.value(QStringLiteral("synchronous_standby_names")).trimmed();
        m_mostAvailable
            = m_conf.value(QStringLiteral("most_available_sync")).toLower() == QStringLiteral("on");
        // 3. Another postmaster?
        PidFileInfo other;
        if (readPidFile(m_pgdata, &other) && other.pid != m_pid && postmasterAlive(other.pid)) {
            serverLog("FATAL", QStringLiteral("lock file \"postmaster.pid\" already exists"));
            serverLog("HINT",
                QStringLiteral("Is another postmaster (PID %1) running in data directory \"%2\"?")
                    .arg(other.pid)
                    .arg(m_pgdata));
            return 1;
        }
        // 4. Sockets.
        const QStringList addrs = m_listen.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& a0 : addrs) {
            const QString a = a0.trimmed();
            QHostAddress host = (a == QStringLiteral("*")) ? QHostAddress(QHostAddress::AnyIPv4)
                                                           : QHostAddress(connectAddressFor(a));
            for (int which = 0; which < 2; ++which) {
                auto* srv = new QTcpServer(this);
                const int port = which == 0 ? m_port : m_port + 1;
                if (!srv->listen(host, quint16(port))) {
                    serverLog("LOG", QStringLiteral("could not bind IPv4 socket: Address already in use"));
                    serverLog("HINT",
                        QStringLiteral("Is another postmaster already running on port %1? If not, wait a few "
                                       "seconds and retry.")
                            .arg(port));
                    serverLog("WARNING", QStringLiteral("could not create listen socket for \"%1\"").arg(a));
                    serverLog("FATAL", QStringLiteral("could not create any TCP/IP sockets"));
                    return 1;
                }
                if (which == 0)
                    connect(srv, &QTcpServer::newConnection, this, [this, srv] { acceptClients(srv); });
                else
                    connect(srv, &QTcpServer::newConnection, this, [this, srv] { acceptReplication(srv); });
            }
        }
        // 5. LSN from the last run.
        StateFileInfo last;
        m_lsn = kInitialLsn;
        if (readStateFile(m_pgdata, &last) && last.lsn.contains(QLatin1Char('/'))) {
            const quint64 hi = last.lsn.section(QLatin1Char('/'), 0, 0).toULongLong(nullptr, 16);
            const quint64 lo = last.lsn.section(QLatin1Char('/'), 1, 1).toULongLong(nullptr, 16);
            m_lsn = qMax(kInitialLsn, (hi << 32) | lo);
        }
        m_lsnBaseMs = m_startMs;
        // 6. postmaster.pid and postmaster.opts.
        if (!writePidFile())
            return 1;
        {
            QFile opts(m_pgdata + QStringLiteral("/postmaster.opts"));
            if (opts.open(QIODevice::WriteOnly | QIODevice::Truncate))
                opts.write((m_program + QStringLiteral(" \"-D\" \"") + m_pgdata
                    + QStringLiteral("\" \"-M\" \"") + m_role + QStringLiteral("\"\n"))
                               .toUtf8());
        }
        const char* names[]
            = { "WalWriter", "CheckPointer", "BgWriter", "PageWriter", "StatCollector", "AutoVacLauncher" };
        int k = 1;
        for (const char* n : names)
            m_threads.append(BackgroundThread {
                QString::fromLatin1(n), int(m_pid) + k++, 16384 + 8192 * k, 4096 + 512 * k });

        // Signals through a self-pipe.
        if (::pipe(g_signalPipe) == 0) {
            auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, this);
            connect(notifier, &QSocketNotifier::activated, this, [this] { handleSignal(); });
            struct sigaction sa = {};
            sa.sa_handler = onSignal;
            sigemptyset(&sa.sa_mask);
            sa.sa_flags = SA_RESTART;
            sigaction(SIGINT, &sa, nullptr);
            sigaction(SIGTERM, &sa, nullptr);
            sigaction(SIGQUIT, &sa, nullptr);
            sigaction(SIGUSR1, &sa, nullptr);
        }
        signal(SIGPIPE, SIG_IGN);

        connect(&m_walTimer, &QTimer::timeout, this, [this] { sendWal(); });
        m_walTimer.start(200);
        connect(&m_retryTimer, &QTimer::timeout, this, [this] { tryConnectUpstream(); });
        m_retryTimer.start(1000);
        QTimer::singleShot(50, this, [this] { tryConnectUpstream(); });

        serverLog("LOG",
            QStringLiteral("gaussdb %1 starting as %2, listening on %3:%4 (replication %5)")
                .arg(defGsVersion().trimmed(), m_role, m_listen)
                .arg(m_port)
                .arg(m_port + 1));
        // "slow-start" (FaultInjector.h): recovery takes this long; meanwhile connections are refused with
        // "the database system is starting up" (postmaster.cpp, CAC_STARTUP) and gaussdb.state says Starting.
        QJsonObject slow;
        if (faultKindActive(m_sandboxRoot, slowStartKind(), m_nodeName, &slow)) {
            const double seconds = slow.value(QStringLiteral("seconds")).toDouble(5);
            m_startingUntilMs = nowMs() + qint64(seconds * 1000);
            serverLog("LOG",
                QStringLiteral("database system was interrupted; last known up at %1")
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))));
            writeState();
            QTimer::singleShot(int(seconds * 1000), this, [this] {
                m_startingUntilMs = 0;
                serverLog("LOG", QStringLiteral("database system is ready to accept connections"));
                writeState();
                tryConnectUpstream();
            });
            return 0;
        }
        serverLog("LOG", QStringLiteral("database system is ready to accept connections"));
        writeState();
        return 0;
    }

    void setPortOverride(int port) { m_portOverride = port; }
    void setNodeName(const QString& name) { m_nodeName = name; }

private:
    QString m_pgdata;
    QString m_role;
    QString m_program;
    QString m_nodeName;
    QString m_sandboxRoot;
    qint64 m_pid = 0;
    qint64 m_startMs = 0;
    int m_portOverride = 0;
    QMap<QString, QString> m_conf;
    QList<ReplConnInfo> m_peers;
    int m_port = 0;
    QString m_listen;
    bool m_archive = false;
    QString m_syncNames;
    bool m_mostAvailable = false;
    quint64 m_lsn = kInitialLsn; // primary: value at m_lsnBaseMs; standby: last received
    qint64 m_lsnBaseMs = 0;
    QList<BackgroundThread> m_threads;
    QList<Sender*> m_senders;
    int m_nextLwp = 40;
    QTimer m_walTimer;
    QTimer m_retryTimer;
    // Receiver side
    QTcpSocket* m_upstream = nullptr;
    QList<QTcpSocket*> m_attempts;
    quint64 m_upstreamLsn = 0;
    int m_receiverLwp = 0;
    qint64 m_receiverStartMs = 0;
    QString m_upstreamHost;
    int m_upstreamPort = 0;
    QString m_lastStateText;
    bool m_shuttingDown = false;
    qint64 m_startingUntilMs = 0; // "slow-start": still starting up until then
    // Switchover in progress: the primary demoting, the standby promoting (db_state Demoting / Promoting).
    bool m_demoting = false;
    bool m_promoting = false;
    bool m_waitPromoting = false; // "promote-pending": the promotion stopped at Pending
    // "wal-load": checked once a second; the LSN rate of the current 200 ms tick.
    bool m_walLoad = false;
    quint64 m_lsnRate = kLsnPerSecond;
    qint64 m_lastLoadCheckMs = 0;
    // Receiver side: what the standby has written, flushed and replayed (trailing the received LSN under
    // load), and what the sender said it had.
    quint64 m_flushLsn = 0;
    quint64 m_replayLsn = 0;
    bool m_upstreamLoad = false;
    QList<QTcpSocket*> m_clients; // open client sessions (cut when the primary demotes)

    bool isPrimary() const { return m_role == QStringLiteral("primary"); }
    bool starting() const { return m_startingUntilMs > 0; }
    bool isStandbyLike() const
    {
        return m_role == QStringLiteral("standby") || m_role == QStringLiteral("cascade_standby");
    }

    quint64 currentLsn() const
    {
        if (!isPrimary())
            return m_lsn;
        const qint64 elapsed = nowMs() - m_lsnBaseMs;
        return (m_lsn + quint64(elapsed) * m_lsnRate / 1000) & ~quint64(7);
    }

    QString localRoleText() const
    {
        if ((isPrimary() && m_peers.isEmpty()) || m_role == QStringLiteral("normal"))
            return QStringLiteral("Normal");
        return roleDisplayName(m_role);
    }
    // wal_get_db_state_string() values (og-server@v2.0.1 postmaster.cpp).
    QString dbStateText() const
    {
        if (starting())
            return QStringLiteral("Starting");
        if (m_demoting)
            return QStringLiteral("Demoting");
        if (m_promoting)
            return QStringLiteral("Promoting");
        if (m_waitPromoting)
            return QStringLiteral("Wait promoting");
        if (isStandbyLike() && !m_upstream)
            return QStringLiteral("Need repair");
        return QStringLiteral("Normal");
    }
    QString detailText() const
    {
        if (isStandbyLike() && !m_upstream && !m_promoting && !starting())
            return QStringLiteral("Disconnected");
        return QStringLiteral("Normal");
    }

    bool writePidFile()
    {
        QSaveFile f(m_pgdata + QStringLiteral("/postmaster.pid"));
        if (!f.open(QIODevice::WriteOnly)) {
            serverLog("FATAL",
                QStringLiteral("could not create lock file \"postmaster.pid\": %1").arg(f.errorString()));
            return false;
        }
        const QString text = QString::number(m_pid) + QLatin1Char('\n') + m_pgdata + QLatin1Char('\n')
            + QString::number(m_startMs / 1000) + QLatin1Char('\n') + QString::number(m_port)
            + QLatin1Char('\n') + QStringLiteral("/tmp") + QLatin1Char('\n') + m_listen + QLatin1Char('\n')
            + QStringLiteral("  %1001    %2\n").arg(m_port).arg(m_pid * 7 % 1000000);
        f.write(text.toUtf8());
        if (!f.commit()) {
            serverLog("FATAL",
                QStringLiteral("could not write lock file \"postmaster.pid\": %1").arg(f.errorString()));
            return false;
        }
        return true;
    }

    void writeState()
    {
        const QString text = QStringLiteral("role=") + m_role + QStringLiteral("\nlocal_role=")
            + localRoleText() + QStringLiteral("\ndb_state=") + dbStateText()
            + QStringLiteral("\ndetail_information=") + detailText() + QStringLiteral("\nlsn=")
            + Proto::formatLsn(currentLsn()) + QLatin1Char('\n');
        // The LSN changes all the time; rewrite only on role/state changes (and at shutdown).
        const QString key = text.section(QStringLiteral("\nlsn="), 0, 0);
        if (key == m_lastStateText && !m_shuttingDown)
            return;
        m_lastStateText = key;
        QSaveFile f(m_pgdata + QStringLiteral("/gaussdb.state"));
        if (f.open(QIODevice::WriteOnly)) {
            f.write(text.toUtf8());
            f.commit();
        }
    }

    // --- signals ---------------------------------------------------------------------------
    void handleSignal()
    {
        char c = 0;
        if (::read(g_signalPipe[0], &c, 1) != 1)
            return;
        const int sig = c;
        if (sig == SIGUSR1) {
            const QString file = m_pgdata + QStringLiteral("/switchover");
            if (QFile::exists(file)) {
                QFile::remove(file);
                requestSwitchover();
            }
            return;
        }
        if (sig == SIGINT)
            serverLog("LOG", QStringLiteral("received fast shutdown request"));
        else if (sig == SIGTERM)
            serverLog("LOG", QStringLiteral("received smart shutdown request"));
        else
            serverLog("LOG", QStringLiteral("received immediate shutdown request"));
        shutdown();
    }

    void shutdown()
    {
        if (m_shuttingDown)
            return;
        m_walTimer.stop();
        m_retryTimer.stop();
        m_lsn = currentLsn();
        m_lsnBaseMs = nowMs();
        m_shuttingDown = true;
        writeState();
        for (Sender* s : std::as_const(m_senders))
            s->socket->abort();
        if (m_upstream)
            m_upstream->abort();
        for (QTcpSocket* a : std::as_const(m_attempts))
            a->abort();
        const auto servers = findChildren<QTcpServer*>();
        for (QTcpServer* s : servers)
            s->close();
        PidFileInfo info;
        if (readPidFile(m_pgdata, &info) && info.pid == m_pid)
            QFile::remove(m_pgdata + QStringLiteral("/postmaster.pid"));
        serverLog("LOG", QStringLiteral("database system is shut down"));
        QCoreApplication::quit();
    }

    // --- client port -----------------------------------------------------------------------
    void acceptClients(QTcpServer* srv)
    {
        while (QTcpSocket* s = srv->nextPendingConnection()) {
            m_clients.append(s);
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                for (const QJsonObject& m : Proto::readMessages(s))
                    s->write(Proto::encode(handleClient(m)));
            });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_clients.removeAll(s);
                s->deleteLater();
            });
        }
    }

    // A fast demote ends every session first, like a fast shutdown (SIGTERM to the backends): the client
    // gets "FATAL:  terminating connection due to administrator command" (postgres.cpp ProcessInterrupts)
    // and then a closed socket.
    void terminateClientSessions()
    {
        const QList<QTcpSocket*> clients = m_clients;
        for (QTcpSocket* c : clients) {
            c->write(Proto::encode(QJsonObject { { QStringLiteral("ok"), false },
                { QStringLiteral("fatal"), true }, { QStringLiteral("terminated"), true },
                { QStringLiteral("error"),
                    QStringLiteral("FATAL:  terminating connection due to administrator command") } }));
            c->flush();
            c->disconnectFromHost();
        }
        if (!clients.isEmpty())
            serverLog(
                "LOG", QStringLiteral("terminating %1 client session(s) for the demote").arg(clients.size()));
    }

    QJsonObject handleClient(const QJsonObject& m)
    {
        const QString t = m.value(QStringLiteral("t")).toString();
        // Still in recovery ("slow-start"): the postmaster refuses sessions (CAC_STARTUP); a PQping sees
        // PQPING_REJECT.
        if (starting()) {
            return QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("fatal"), true },
                { QStringLiteral("starting"), true },
                { QStringLiteral("error"), QStringLiteral("FATAL:  the database system is starting up") } };
        }
        if (t == QStringLiteral("ping")) {
            return QJsonObject { { QStringLiteral("ok"), true }, { QStringLiteral("pid"), double(m_pid) },
                { QStringLiteral("role"), m_role }, { QStringLiteral("version"), mogdbVersion() } };
        }
        if (t == QStringLiteral("sql")) {
            const QString db = m.value(QStringLiteral("db")).toString();
            if (!db.isEmpty() && db != QStringLiteral("postgres") && db != QStringLiteral("template0")
                && db != QStringLiteral("template1")) {
                return QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("fatal"), true },
                    { QStringLiteral("error"),
                        QStringLiteral("FATAL:  database \"%1\" does not exist").arg(db) } };
            }
            SqlEngine engine;
            engine.tables = [this](const QString& name, Table* out) { return table(name, out); };
            engine.scalars
                = [this](const QString& f, QString* value, QString* type) { return scalar(f, value, type); };
            engine.show = [this](const QString& p, QString* value) { return showParam(p, value); };
            Proto::ResultSet rs;
            SqlEngine::Error error;
            if (!engine.execute(m.value(QStringLiteral("sql")).toString(), &rs, &error)) {
                QJsonObject reply { { QStringLiteral("ok"), false },
                    { QStringLiteral("error"), error.message } };
                if (error.position > 0)
                    reply.insert(QStringLiteral("position"), error.position);
                if (!error.hint.isEmpty())
                    reply.insert(QStringLiteral("hint"), error.hint);
                return reply;
            }
            return rs.toJson();
        }
        return QJsonObject { { QStringLiteral("ok"), false },
            { QStringLiteral("error"), QStringLiteral("unknown request") } };
    }

    bool scalar(const QString& f, QString* value, QString* type)
    {
        *type = QStringLiteral("text");
        if (f == QStringLiteral("version") || f == QStringLiteral("pg_catalog.version")) {
            *value = QStringLiteral("PostgreSQL 9.2.4 ") + defGsVersion()
                + QStringLiteral(" on x86_64-unknown-linux-gnu, compiled by g++ (GCC) 7.3.0, 64-bit");
            return true;
        }
        if (f == QStringLiteral("pg_is_in_recovery")) {
            *type = QStringLiteral("bool");
            *value = isStandbyLike() ? QStringLiteral("t") : QStringLiteral("f");
            return true;
        }
        if (f == QStringLiteral("current_database")) {
            *value = QStringLiteral("postgres");
            return true;
        }
        if (f == QStringLiteral("current_user") || f == QStringLiteral("session_user")) {
            *value = qEnvironmentVariable("USER", QStringLiteral("omm"));
            return true;
        }
        if (f == QStringLiteral("pg_current_xlog_location")
            || f == QStringLiteral("pg_last_xlog_receive_location")) {
            *value = Proto::formatLsn(currentLsn());
            return true;
        }
        if (f == QStringLiteral("pg_last_xlog_replay_location")) {
            *value = Proto::formatLsn(isStandbyLike() && m_upstreamLoad ? m_replayLsn : currentLsn());
            return true;
        }
        if (f == QStringLiteral("pg_postmaster_start_time") || f == QStringLiteral("now")) {
            *type = QStringLiteral("timestamptz");
            *value = timestampTz(f == QStringLiteral("now") ? nowMs() : m_startMs);
            return true;
        }
        return false;
    }

    bool showParam(const QString& p, QString* value)
    {
        if (p == QStringLiteral("data_directory")) {
            *value = m_pgdata;
            return true;
        }
        if (p == QStringLiteral("port")) {
            *value = QString::number(m_port);
            return true;
        }
        if (p == QStringLiteral("server_version")) {
            *value = QStringLiteral("9.2.4");
            return true;
        }
        if (m_conf.contains(p)) {
            *value = m_conf.value(p);
            return true;
        }
        static const QMap<QString, QString> defaults { { QStringLiteral("archive_mode"),
                                                           QStringLiteral("off") },
            { QStringLiteral("synchronous_standby_names"), QString() },
            { QStringLiteral("synchronous_commit"), QStringLiteral("on") },
            { QStringLiteral("most_available_sync"), QStringLiteral("off") },
            { QStringLiteral("listen_addresses"), QStringLiteral("localhost") },
            { QStringLiteral("max_connections"), QStringLiteral("5000") } };
        if (defaults.contains(p)) {
            *value = defaults.value(p);
            return true;
        }
        return false;
    }

    static Column col(const char* name, const char* type = "text")
    {
        return Column { QString::fromLatin1(name), QString::fromLatin1(type) };
    }

    static QString stripSchema(const QString& name)
    {
        for (const QString& prefix : { QStringLiteral("pg_catalog."), QStringLiteral("dbe_perf.") }) {
            if (name.startsWith(prefix))
                return name.mid(prefix.size());
        }
        return name;
    }

    bool table(const QString& fullName, Table* t)
    {
        const QString name = stripSchema(fullName);
        if (name == QStringLiteral("pg_stat_get_stream_replications()")) {
            t->columns = { col("local_role"), col("static_connections", "int4"), col("db_state"),
                col("detail_information") };
            t->rows.append({ localRoleText(), QString::number(m_peers.size()), dbStateText(), detailText() });
            return true;
        }
        if (name == QStringLiteral("pg_stat_get_wal_senders()")) {
            t->columns = { col("pid", "int8"), col("sender_pid", "int4"), col("local_role"), col("peer_role"),
                col("peer_state"), col("state"), col("catchup_start", "timestamptz"),
                col("catchup_end", "timestamptz"), col("sender_sent_location"), col("sender_write_location"),
                col("sender_flush_location"), col("sender_replay_location"),
                col("receiver_received_location"), col("receiver_write_location"),
                col("receiver_flush_location"), col("receiver_replay_location"), col("sync_percent"),
                col("sync_state"), col("sync_priority", "int4"), col("sync_most_available"), col("channel") };
            const quint64 lsn = currentLsn();
            const QString l = Proto::formatLsn(lsn);
            const bool sync = !m_syncNames.isEmpty();
            int standbyIndex = 0;
            for (const Sender* s : std::as_const(m_senders)) {
                const bool catchup = nowMs() - s->connectedMs < 1000;
                const quint64 ack = qMin(s->ackLsn, lsn);
                QString syncState = QStringLiteral("Async");
                QString priority = QStringLiteral("0");
                if (sync && s->peerRole == QStringLiteral("Standby")) {
                    syncState = standbyIndex == 0 ? QStringLiteral("Sync") : QStringLiteral("Potential");
                    priority = QStringLiteral("1");
                    ++standbyIndex;
                }
                const int percent = catchup ? int(qMin<quint64>(99, lsn ? ack * 100 / lsn : 0)) : 100;
                const QString a = Proto::formatLsn(catchup ? ack : lsn);
                // Idle, every location is the same (the captures in mogdb-tools.md §1.1). Under write load
                // ("wal-load") the sender has written more than it sent, and the standby's reply trails
                // what was sent: received >= flushed >= replayed, a few KB apart.
                QStringList locations { l, l, l, l, a, a, a, a };
                if (m_walLoad && !catchup) {
                    const quint64 sent = qMin(s->sentLsn, lsn);
                    const quint64 received = qMin(s->ackLsn, sent);
                    const quint64 flushed = qMin(s->flushLsn, received);
                    const quint64 replayed = qMin(s->replayLsn, flushed);
                    locations = { Proto::formatLsn(sent), l, l, l, Proto::formatLsn(received),
                        Proto::formatLsn(received), Proto::formatLsn(flushed), Proto::formatLsn(replayed) };
                }
                t->rows.append(QStringList { QString::number(fakePthreadId(s->lwp)), QString::number(s->lwp),
                                   localRoleText(), s->peerRole, QStringLiteral("Normal"),
                                   catchup ? QStringLiteral("Catchup") : QStringLiteral("Streaming"),
                                   timestampTz(s->connectedMs),
                                   catchup ? QString() : timestampTz(s->connectedMs + 1000) }
                    + locations
                    + QStringList { QString::number(percent) + QLatin1Char('%'), syncState, priority,
                        m_mostAvailable ? QStringLiteral("On") : QStringLiteral("Off"),
                        connectAddressFor(s->socket->localAddress().toString()) + QLatin1Char(':')
                            + QString::number(s->socket->localPort()) + QStringLiteral("-->")
                            + s->socket->peerAddress().toString() + QLatin1Char(':')
                            + QString::number(s->socket->peerPort()) });
            }
            return true;
        }
        if (name == QStringLiteral("pg_stat_get_wal_receiver()")) {
            t->columns = { col("receiver_pid", "int4"), col("local_role"), col("peer_role"),
                col("peer_state"), col("state"), col("sender_sent_location"), col("sender_write_location"),
                col("sender_flush_location"), col("sender_replay_location"),
                col("receiver_received_location"), col("receiver_write_location"),
                col("receiver_flush_location"), col("receiver_replay_location"), col("sync_percent"),
                col("channel") };
            if (m_upstream && isStandbyLike()) {
                const QString s = Proto::formatLsn(qMax(m_upstreamLsn, m_lsn));
                const QString r = Proto::formatLsn(m_lsn);
                // Under write load flushed and replayed trail what was received (see handleReceiverMessage).
                const QString f = m_upstreamLoad ? Proto::formatLsn(m_flushLsn) : r;
                const QString p = m_upstreamLoad ? Proto::formatLsn(m_replayLsn) : r;
                const int percent
                    = m_upstreamLsn <= m_lsn ? 100 : int(qMin<quint64>(99, m_lsn * 100 / m_upstreamLsn));
                t->rows.append({ QString::number(m_receiverLwp), localRoleText(),
                    m_role == QStringLiteral("cascade_standby") ? QStringLiteral("Standby")
                                                                : QStringLiteral("Primary"),
                    QStringLiteral("Normal"), QStringLiteral("Normal"), s, s, s, s, r, r, f, p,
                    QString::number(percent) + QLatin1Char('%'),
                    m_upstream->localAddress().toString() + QLatin1Char(':')
                        + QString::number(m_upstream->localPort()) + QStringLiteral("<--") + m_upstreamHost
                        + QLatin1Char(':') + QString::number(m_upstreamPort) });
            }
            return true;
        }
        if (name == QStringLiteral("gs_session_memory_detail")
            || name == QStringLiteral("session_memory_detail")
            || name == QStringLiteral("gs_session_memory_detail_tp()")
            || name == QStringLiteral("pv_session_memory_detail()")) {
            memoryDetail(t);
            return true;
        }
        return false;
    }

    double sandboxSpeed() const
    {
        const QString root = findSandboxRoot(m_pgdata);
        SandboxConfig cfg;
        QString error;
        if (!root.isEmpty() && SandboxConfig::load(root, &cfg, &error) && cfg.speed > 0)
            return cfg.speed;
        return 1.0;
    }

    void memoryDetail(Table* t)
    {
        t->columns = { col("sessid"), col("sesstype"), col("contextname"), col("level", "int2"),
            col("parent"), col("totalsize", "int8"), col("freesize", "int8"), col("usedsize", "int8") };
        auto add = [t](const QString& sessid, const QString& type, const QString& context, int level,
                       const QString& parent, qint64 total, qint64 free) {
            t->rows.append({ sessid, type, context, QString::number(level), parent, QString::number(total),
                QString::number(free), QString::number(total - free) });
        };
        auto sessid = [](qint64 startMs, int lwp) -> QString {
            return QString::number(startMs / 1000) + QLatin1Char('.') + QString::number(fakePthreadId(lwp));
        };
        const QString top = QStringLiteral("ThreadTopMemoryContext");
        for (const BackgroundThread& b : std::as_const(m_threads))
            add(sessid(m_startMs, b.lwp), b.name, top, 0, QString(), b.total, b.free);
        const qint64 now = nowMs();
        const double speed = sandboxSpeed();
        for (const Sender* s : std::as_const(m_senders)) {
            const QString id = sessid(s->connectedMs, s->lwp);
            add(id, QStringLiteral("WalSender"), top, 0, QString(), 40960, 11256);
            add(id, QStringLiteral("WalSender"), QStringLiteral("MessageContext"), 1, top, 8192, 7744);
            const bool leaking = hasWalsenderLeak() && isPrimary() && s->archive && !m_syncNames.isEmpty();
            qint64 total = kWalSenderBaseTotal;
            qint64 free = kWalSenderBaseFree;
            if (leaking) {
                const double simulatedSeconds = double(now - s->connectedMs) / 1000.0 * speed;
                const qint64 leaked = qint64(simulatedSeconds * kLoopsPerSecond) * kLeakPerLoop;
                const qint64 overflow = qMax<qint64>(0, leaked - kWalSenderBaseFree);
                total += (overflow + 8191) / 8192 * 8192;
                free = total - (kWalSenderBaseTotal - kWalSenderBaseFree) - leaked;
            } else {
                // Flat: a few hundred bytes come and go.
                free -= ((now / 1000) * 7919 + s->lwp) % 13 * 32;
            }
            add(id, QStringLiteral("WalSender"), QStringLiteral("Wal Sender"), 1, top, total, free);
        }
        if (m_upstream && isStandbyLike()) {
            const QString id = sessid(m_receiverStartMs, m_receiverLwp);
            add(id, QStringLiteral("WalReceiver"), top, 0, QString(), 40960, 12800);
            add(id, QStringLiteral("WalReceiver"), QStringLiteral("Wal Receive Context"), 1, top, 1056768,
                7648);
        }
        std::stable_sort(t->rows.begin(), t->rows.end(),
            [](const QStringList& a, const QStringList& b) { return a.at(0) < b.at(0); });
    }

    // --- replication: sender side ----------------------------------------------------------
    void acceptReplication(QTcpServer* srv)
    {
        while (QTcpSocket* s = srv->nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                for (const QJsonObject& m : Proto::readMessages(s))
                    handleSenderMessage(s, m);
            });
            connect(s, &QTcpSocket::disconnected, this, [this, s] { dropSender(s); });
        }
    }

    Sender* senderFor(QTcpSocket* s) const
    {
        for (Sender* x : m_senders) {
            if (x->socket == s)
                return x;
        }
        return nullptr;
    }

    void dropSender(QTcpSocket* s)
    {
        if (Sender* x = senderFor(s)) {
            serverLog("LOG", QStringLiteral("walsender thread shut down (standby %1)").arg(x->peerNode));
            m_senders.removeAll(x);
            delete x;
        }
        s->deleteLater();
    }

    void handleSenderMessage(QTcpSocket* s, const QJsonObject& m)
    {
        const QString t = m.value(QStringLiteral("t")).toString();
        Sender* sender = senderFor(s);
        if (t == QStringLiteral("hello") && !sender) {
            const QString peerMode = m.value(QStringLiteral("role")).toString();
            const bool ok = (isPrimary() && peerMode == QStringLiteral("standby"))
                || (m_role == QStringLiteral("standby") && peerMode == QStringLiteral("cascade_standby")
                    && m_upstream);
            if (!ok || m_shuttingDown || starting()) {
                s->write(Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("reject") },
                    { QStringLiteral("reason"), QStringLiteral("local role is %1").arg(localRoleText()) } }));
                s->disconnectFromHost();
                return;
            }
            auto* x = new Sender;
            x->socket = s;
            x->connectedMs = nowMs();
            x->lwp = int(m_pid) + m_nextLwp++;
            x->archive = m.value(QStringLiteral("archive")).toBool();
            x->peerRole = isPrimary() ? QStringLiteral("Standby") : QStringLiteral("Cascade Standby");
            x->peerNode = m.value(QStringLiteral("node")).toString();
            x->ackLsn = quint64(m.value(QStringLiteral("lsn")).toDouble());
            x->sentLsn = currentLsn();
            m_senders.append(x);
            serverLog("LOG",
                QStringLiteral("walsender thread started for standby %1 (archive_mode %2)")
                    .arg(x->peerNode, x->archive ? QStringLiteral("on") : QStringLiteral("off")));
            s->write(Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("welcome") },
                { QStringLiteral("lsn"), double(x->sentLsn) },
                { QStringLiteral("version"), mogdbVersion() } }));
            return;
        }
        if (!sender)
            return;
        if (t == QStringLiteral("ack")) {
            sender->ackLsn = quint64(m.value(QStringLiteral("lsn")).toDouble());
            sender->flushLsn = quint64(m.value(QStringLiteral("flush")).toDouble(double(sender->ackLsn)));
            sender->replayLsn = quint64(m.value(QStringLiteral("replay")).toDouble(double(sender->flushLsn)));
        } else if (t == QStringLiteral("switchover") && isPrimary() && !m_demoting) {
            // A fast demote takes time (sessions ended, checkpoint, restart as standby); meanwhile the
            // primary keeps local_role Primary with db_state Demoting.
            serverLog("LOG",
                QStringLiteral("received switchover request from standby %1, demoting to standby")
                    .arg(sender->peerNode));
            m_demoting = true;
            writeState();
            terminateClientSessions();
            QPointer<QTcpSocket> requester(s);
            QTimer::singleShot(int(switchoverMs() * kDemoteShare), this, [this, requester] {
                if (m_shuttingDown || !m_demoting)
                    return;
                m_demoting = false;
                if (!requester || requester->state() != QAbstractSocket::ConnectedState) {
                    serverLog("WARNING",
                        QStringLiteral("the standby that asked for the switchover is gone, stay primary"));
                    writeState();
                    return;
                }
                const quint64 lsn = currentLsn();
                requester->write(
                    Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("demoted") },
                        { QStringLiteral("lsn"), double(lsn) } }));
                requester->flush();
                demote();
            });
        }
    }

    // How long a switchover takes in this sandbox (kSwitchoverMsAtSpeed1 scaled by sandbox.json speed).
    double switchoverMs() const { return qMax(kMinSwitchoverMs, kSwitchoverMsAtSpeed1 / sandboxSpeed()); }

    void sendWal()
    {
        if (nowMs() - m_lastLoadCheckMs >= 1000) {
            m_lastLoadCheckMs = nowMs();
            const bool load = faultKindActive(m_sandboxRoot, walLoadKind(), m_nodeName);
            if (load != m_walLoad)
                serverLog("LOG",
                    load ? QStringLiteral("wal-load on: generating WAL") : QStringLiteral("wal-load off"));
            m_walLoad = load;
        }
        if (isPrimary()) {
            // Each 200 ms tick writes at its own rate: under load 0.5 to 1.5 x kLoadLsnPerSecond.
            m_lsn = currentLsn();
            m_lsnBaseMs = nowMs();
            m_lsnRate = m_walLoad
                ? quint64(double(kLoadLsnPerSecond) * (0.5 + QRandomGenerator::global()->generateDouble()))
                : kLsnPerSecond;
        }
        const quint64 lsn = currentLsn();
        for (Sender* s : std::as_const(m_senders)) {
            s->sentLsn = lsn;
            s->socket->write(Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("wal") },
                { QStringLiteral("lsn"), double(lsn) }, { QStringLiteral("load"), m_walLoad } }));
        }
    }

    void closeSenders()
    {
        const QList<Sender*> senders = m_senders;
        for (Sender* s : senders)
            s->socket->disconnectFromHost();
    }

    void demote()
    {
        m_lsn = currentLsn();
        m_lsnRate = kLsnPerSecond;
        m_role = QStringLiteral("standby");
        closeSenders();
        serverLog("LOG", QStringLiteral("demoted to standby"));
        writeState();
        QTimer::singleShot(300, this, [this] { tryConnectUpstream(); });
    }

    void promote(quint64 lsn)
    {
        m_promoting = false;
        m_lsn = qMax(m_lsn, lsn);
        m_lsnBaseMs = nowMs();
        closeSenders(); // cascade senders, if any, reconnect to the right node
        if (faultKindActive(m_sandboxRoot, promotePendingKind(), m_nodeName)) {
            // "promote-pending": the promotion stops half-way; the node is left Pending, waiting to be
            // notified (gs_ctl notify), and gs_ctl switchover reports a timeout.
            m_role = QStringLiteral("pending");
            m_waitPromoting = true;
            serverLog("WARNING", QStringLiteral("switchover: promotion did not complete, server is pending"));
            writeState();
            return;
        }
        m_role = QStringLiteral("primary");
        serverLog("LOG", QStringLiteral("switchover completed, now primary"));
        writeState();
    }

    // --- replication: receiver side --------------------------------------------------------
    void requestSwitchover()
    {
        if (!isStandbyLike() || !m_upstream || m_promoting) {
            serverLog("WARNING", QStringLiteral("switchover requested but there is no connected primary"));
            return;
        }
        serverLog("LOG", QStringLiteral("received switchover request, asking the primary to demote"));
        m_upstream->write(
            Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("switchover") } }));
    }

    void tryConnectUpstream()
    {
        if (m_shuttingDown || !isStandbyLike() || m_upstream || !m_attempts.isEmpty() || m_promoting
            || starting())
            return;
        for (const ReplConnInfo& peer : std::as_const(m_peers)) {
            auto* s = new QTcpSocket(this);
            m_attempts.append(s);
            const QString host = peer.remotehost;
            const int port = peer.remoteport;
            connect(s, &QTcpSocket::connected, this, [this, s] {
                s->write(Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("hello") },
                    { QStringLiteral("node"), m_nodeName }, { QStringLiteral("role"), m_role },
                    { QStringLiteral("archive"), m_archive }, { QStringLiteral("lsn"), double(m_lsn) },
                    { QStringLiteral("version"), mogdbVersion() } }));
            });
            connect(s, &QTcpSocket::readyRead, this, [this, s, host, port] {
                for (const QJsonObject& m : Proto::readMessages(s))
                    handleReceiverMessage(s, m, host, port);
            });
            connect(s, &QTcpSocket::disconnected, this, [this, s] { receiverSocketGone(s); });
            connect(s, &QTcpSocket::errorOccurred, this, [this, s] {
                if (s->state() != QAbstractSocket::ConnectedState)
                    receiverSocketGone(s);
            });
            QTimer::singleShot(900, s, [this, s] {
                if (m_attempts.contains(s) && s != m_upstream) {
                    s->abort();
                    receiverSocketGone(s);
                }
            });
            s->connectToHost(host, quint16(port));
        }
    }

    void receiverSocketGone(QTcpSocket* s)
    {
        if (m_attempts.removeAll(s) > 0)
            s->deleteLater();
        if (s == m_upstream) {
            m_upstream = nullptr;
            s->deleteLater();
            if (isStandbyLike()) {
                serverLog("LOG", QStringLiteral("walreceiver lost the connection to the primary, retrying"));
                writeState();
            }
        }
    }

    void handleReceiverMessage(QTcpSocket* s, const QJsonObject& m, const QString& host, int port)
    {
        const QString t = m.value(QStringLiteral("t")).toString();
        if (t == QStringLiteral("welcome")) {
            if (m_upstream || !isStandbyLike()) {
                m_attempts.removeAll(s);
                s->disconnectFromHost();
                s->deleteLater();
                return;
            }
            m_attempts.removeAll(s);
            m_upstream = s;
            m_upstreamHost = host;
            m_upstreamPort = port;
            m_receiverLwp = int(m_pid) + 30;
            m_receiverStartMs = nowMs();
            m_upstreamLsn = quint64(m.value(QStringLiteral("lsn")).toDouble());
            m_lsn = qMax(m_lsn, m_upstreamLsn);
            m_flushLsn = m_lsn;
            m_replayLsn = m_lsn;
            serverLog("LOG", QStringLiteral("walreceiver connected to %1:%2").arg(host).arg(port));
            // Abandon the other attempts.
            const QList<QTcpSocket*> others = m_attempts;
            for (QTcpSocket* o : others)
                o->abort();
            writeState();
            return;
        }
        if (t == QStringLiteral("reject")) {
            s->abort();
            return;
        }
        if (s != m_upstream)
            return;
        if (t == QStringLiteral("wal")) {
            m_upstreamLsn = quint64(m.value(QStringLiteral("lsn")).toDouble());
            m_lsn = qMax(m_lsn, m_upstreamLsn);
            m_upstreamLoad = m.value(QStringLiteral("load")).toBool();
            if (m_upstreamLoad) {
                // Under write load the standby flushes and replays a little behind what it received: a
                // few bytes to a few KB, different every time, never caught up with the sender.
                auto* rng = QRandomGenerator::global();
                const quint64 flushLag = quint64(rng->bounded(1024)) * 8;
                const quint64 replayLag = 8 + quint64(rng->bounded(1024)) * 8;
                m_flushLsn = qMax(m_flushLsn, m_lsn - qMin(m_lsn, flushLag));
                m_replayLsn = qMax(m_replayLsn, m_flushLsn - qMin(m_flushLsn, replayLag));
                m_replayLsn = qMin(m_replayLsn, m_lsn - 8);
                m_flushLsn = qMax(m_flushLsn, m_replayLsn);
            } else {
                m_flushLsn = m_lsn;
                m_replayLsn = m_lsn;
            }
            s->write(Proto::encode(QJsonObject { { QStringLiteral("t"), QStringLiteral("ack") },
                { QStringLiteral("lsn"), double(m_lsn) }, { QStringLiteral("flush"), double(m_flushLsn) },
                { QStringLiteral("replay"), double(m_replayLsn) } }));
        } else if (t == QStringLiteral("demoted")) {
            // The primary has demoted; this standby now replays the rest and promotes (db_state
            // Promoting, local_role still Standby until it is done).
            const quint64 lsn = quint64(m.value(QStringLiteral("lsn")).toDouble());
            m_upstream = nullptr;
            m_upstreamLoad = false;
            s->abort();
            s->deleteLater();
            m_promoting = true;
            serverLog("LOG", QStringLiteral("the primary has demoted, promoting"));
            writeState();
            QTimer::singleShot(int(switchoverMs() * (1 - kDemoteShare)), this, [this, lsn] {
                if (!m_shuttingDown)
                    promote(lsn);
            });
        }
    }
};

} // namespace

int gaussdbMain(int argc, char** argv)
{
    const QString tool = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.contains(QStringLiteral("-V")) || args.contains(QStringLiteral("--version"))) {
        // gs_ctl's own version check (MOGUP_SIM_INTERNAL) never consumes a fault rule.
        if (qEnvironmentVariable("MOGUP_SIM_INTERNAL") != QStringLiteral("1")) {
            const QString root = sandboxRootOfThisProgram();
            SandboxConfig cfg;
            QString error;
            if (!root.isEmpty())
                SandboxConfig::load(root, &cfg, &error);
            const int rc = applyFaultGeneric(takeFault(root, currentNodeName(cfg), tool, args), tool);
            if (rc >= 0)
                return rc;
        }
        std::printf("gaussdb %s\n", defGsVersion().toLocal8Bit().constData());
        return 0;
    }
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-?"))) {
        std::printf("gaussdb is the openGauss server.\n\nUsage:\n  gaussdb [OPTION]...\n\nOptions:\n"
                    "  -D DATADIR         database directory\n  -M SERVERMODE      primary | standby | "
                    "cascade_standby | pending\n"
                    "  -p PORT            port number to listen on\n  -V, --version      output version "
                    "information, then exit\n");
        return 0;
    }
    QString pgdata;
    QString mode = QStringLiteral("primary");
    int port = 0;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if ((a == QStringLiteral("-D") || a == QStringLiteral("-M") || a == QStringLiteral("-p"))
            && i + 1 < args.size()) {
            const QString v = args.at(++i);
            if (a == QStringLiteral("-D"))
                pgdata = v;
            else if (a == QStringLiteral("-M"))
                mode = v;
            else
                port = v.toInt();
        } else if (a.startsWith(QStringLiteral("-D")) && a.size() > 2) {
            pgdata = a.mid(2);
        } else if (a.startsWith(QStringLiteral("--datadir="))) {
            pgdata = a.mid(10);
        }
    }
    if (pgdata.isEmpty())
        pgdata = qEnvironmentVariable("PGDATA");
    if (pgdata.isEmpty()) {
        std::fprintf(stderr,
            "%s does not know where to find the server configuration file.\n"
            "You must specify the --config-file or -D invocation option or set the PGDATA environment "
            "variable.\n",
            tool.toLocal8Bit().constData());
        return 1;
    }
    pgdata = QDir::cleanPath(QFileInfo(pgdata).absoluteFilePath());
    // og-server@v2.0.1 postmaster.cpp PostmasterMain, case 'M': primary, standby, pending, normal,
    // cascade_standby; anything else is FATAL (gs_ctl passes -M through unchecked).
    static const QStringList modes { QStringLiteral("primary"), QStringLiteral("standby"),
        QStringLiteral("cascade_standby"), QStringLiteral("pending"), QStringLiteral("normal") };
    if (!modes.contains(mode)) {
        serverLog("FATAL", QStringLiteral("the options of -M is not recognized"));
        return 1;
    }

    const QString root = findSandboxRoot(pgdata);
    SandboxConfig cfg;
    QString error;
    if (!root.isEmpty())
        SandboxConfig::load(root, &cfg, &error);
    const Fault fault = takeFault(root, currentNodeName(cfg, pgdata), tool, args);
    if (fault.action == FaultAction::Fail) {
        const QString msg = fault.message.isEmpty()
            ? QStringLiteral("FATAL:  could not create shared memory segment: Cannot allocate memory")
            : fault.message;
        std::fprintf(stdout, "%s\n", msg.toLocal8Bit().constData());
        std::fflush(stdout);
        return fault.exitCode;
    }
    const int rc = applyFaultGeneric(fault, tool);
    if (rc >= 0)
        return rc;

    QCoreApplication app(argc, argv);
    Server server(pgdata, mode, programPath(argv[0]));
    server.setPortOverride(port);
    const QString node = currentNodeName(cfg, pgdata);
    server.setNodeName(node.isEmpty() ? QFileInfo(QFileInfo(pgdata).absolutePath()).fileName() : node);
    if (server.start() != 0)
        return 1;
    return app.exec();
}

} // namespace Sim
