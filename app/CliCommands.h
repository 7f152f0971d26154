#pragma once

#include "CliSupport.h"

#include <QStringList>
#include <QTextStream>

namespace MogUp {

// mogup-cli: picks the command (CliCommandList.h, one class each) and runs it. The commands live in the
// mogup_cli library, so tests run them in-process with their own streams (CliIo).
// Exit codes: 0 success, 1 the operation failed, 2 bad usage or profile.
class CliCommands
{
public:
    // On the process's stdout, stderr and stdin (interactive when stdin is a terminal).
    CliCommands();
    // On the caller's streams (tests).
    explicit CliCommands(CliIo& io);
    int run(const QStringList& arguments);

private:
    int usage(int code);

    QTextStream m_stdout;
    QTextStream m_stderr;
    QTextStream m_stdin;
    CliIo m_ownIo;
    CliIo& m_io;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace MogUp
