#pragma once

#include <QString>
#include <QStringList>

namespace MogUp {

// Quotes one word for a POSIX shell: the result is always safe to paste into `sh -c`.
// Plain words made only of [A-Za-z0-9_./:=@%+,-] stay as they are, for readable plans;
// everything else is wrapped in single quotes, with embedded quotes as '\''.
QString shellQuote(const QString& word);

// Quotes every word and joins them with single spaces.
QString shellJoin(const QStringList& words);

} // namespace MogUp
