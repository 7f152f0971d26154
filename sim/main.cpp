#include "SimLayout.h"
#include "SimTools.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

std::string baseName(const char* path)
{
    const char* slash = std::strrchr(path, '/');
    return slash ? std::string(slash + 1) : std::string(path);
}

int dispatch(const std::string& tool, int argc, char** argv)
{
    if (tool == "gaussdb" || tool == "mogdb")
        return Sim::gaussdbMain(argc, argv);
    if (tool == "gs_ctl")
        return Sim::gsCtlMain(argc, argv);
    if (tool == "gsql")
        return Sim::gsqlMain(argc, argv);
    if (tool == "gs_om")
        return Sim::gsOmMain(argc, argv);
    if (tool == "systemctl")
        return Sim::systemctlMain(argc, argv);
    if (tool == "mogha")
        return Sim::moghaMain(argc, argv);
    return -1;
}

} // namespace

int main(int argc, char** argv)
{
    Sim::setProgramPath(Sim::programPath(argv[0]));
    const std::string self = baseName(argv[0]);
    int rc = dispatch(self, argc, argv);
    if (rc != -1)
        return rc;
    if (self.rfind("mogdb-sim", 0) == 0) {
        if (argc >= 2) {
            // Called by its own name: the tool is argv[1]; argv[1] becomes the tool's argv[0].
            rc = dispatch(argv[1], argc - 1, argv + 1);
            if (rc != -1)
                return rc;
            if (std::strcmp(argv[1], "shim") == 0)
                return Sim::shimMain(argc - 2, argv + 2);
        }
        std::fputs("usage: mogdb-sim-X.Y.Z TOOL [ARGS...]\n"
                   "tools: gaussdb gs_ctl gsql gs_om systemctl mogha, or 'shim REALTOOL ARGS...'\n",
            stderr);
        return 2;
    }
    // Any other name is a shim in the sandbox's bin/ (tar, cp, mv, ...).
    return Sim::shimMain(argc, argv);
}
