#pragma once

#include <QCoreApplication>

namespace MogUp {

// One translation context for all of core (Qt Creator's convention): contexts survive refactors
// and non-QObject classes can translate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MogUp)
};

} // namespace MogUp
