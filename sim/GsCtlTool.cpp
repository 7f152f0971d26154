#include "SimTools.h"

#include <cstdio>

namespace Sim {

int gsCtlMain(int, char**)
{
    std::fputs("not implemented yet\n", stderr);
    return 1;
}

} // namespace Sim
