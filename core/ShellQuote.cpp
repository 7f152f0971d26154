#include "ShellQuote.h"

namespace MogUp {

static bool isPlainShellChar(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    if (c.isLetterOrNumber())
        return true;
    switch (c.unicode()) {
    case '_': case '.': case '/': case ':': case '=': case '@': case '%': case '+': case ',': case '-':
        return true;
    default:
        return false;
    }
}

QString shellQuote(const QString& word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    bool plain = true;
    for (QChar c : word) {
        if (!isPlainShellChar(c)) {
            plain = false;
            break;
        }
    }
    // A leading '-' or '=' is harmless to the shell itself; the caller places options explicitly.
    if (plain)
        return word;
    QString out = QStringLiteral("'");
    for (QChar c : word) {
        if (c == QLatin1Char('\''))
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString shellJoin(const QStringList& words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString& w : words)
        quoted << shellQuote(w);
    return quoted.join(QLatin1Char(' '));
}

} // namespace MogUp
