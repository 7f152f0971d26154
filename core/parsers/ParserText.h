#pragma once

#include <QString>

namespace MogUp {

// Shared by the parsers: how a line of tool output is quoted back in an error message.

// Quoted lines end up in logs and dialogs: bounded (200 characters) and free of control characters.
// A TAB stays when keepTabs (it is part of gs_ctl's real layout and shows where the indent was).
QString printableLine(const QString& line, bool keepTabs = true);

// "line 7: "<the line>": <reason>" (translated), substituting in one pass so that a "%1" inside the
// quoted output is never expanded again.
QString lineError(int lineNumber, const QString& line, const QString& reason);

} // namespace MogUp
