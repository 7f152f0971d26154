#include "ParserText.h"

#include "Tr.h"

namespace MogUp {

QString printableLine(const QString& line, bool keepTabs)
{
    const int maxLength = 200;
    QString text = line.left(maxLength);
    for (QChar& c : text) {
        if ((c != QLatin1Char('\t') || !keepTabs) && (c.unicode() < 0x20 || c.unicode() == 0x7f))
            c = QLatin1Char('?');
    }
    if (line.size() > maxLength)
        text += QStringLiteral("...");
    return text;
}

QString lineError(int lineNumber, const QString& line, const QString& reason)
{
    return Tr::tr("line %1: \"%2\": %3").arg(QString::number(lineNumber), printableLine(line), reason);
}

} // namespace MogUp
