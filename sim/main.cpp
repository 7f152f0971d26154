#include "FaultInjector.h"
#include "SimLayout.h"
#include "SimTools.h"

#include <QFileInfo>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

std::string baseName(const char* path)
{
    const char* slash = std::strrchr(path, '/');
    return slash ? std::string(slash + 1) : std::string(path);
}

// The "stderr-noise" condition (FaultInjector.h), applied here so that every tool honours it the same
// way: the noise goes to stderr before the tool runs; stdout and the exit code stay the tool's own.
void printStderrNoise(const std::string& tool, int argc, char** argv)
{
    const QString name = QString::fromStdString(tool);
    // Internal calls (gs_ctl's own `gaussdb -V` check) are not a command anyone runs on a node.
    if (qEnvironmentVariable("MOGUP_SIM_INTERNAL") == QLatin1String("1"))
        return;
    bool version = false;
    QString dataDir;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("-V") || a == QLatin1String("--version"))
            version = true;
        else if (a == QLatin1String("-D") && i + 1 < argc)
            dataDir = QString::fromLocal8Bit(argv[i + 1]);
    }
    // The server process writes to its log file, the MogHA daemon to mogha.out: no terminal to warn on.
    if (((name == QLatin1String("gaussdb") || name == QLatin1String("mogdb")) && !version)
        || name == QLatin1String("mogha"))
        return;
    QString root = Sim::sandboxRootOfThisProgram();
    if (root.isEmpty() && !dataDir.isEmpty())
        root = Sim::findSandboxRoot(dataDir);
    if (root.isEmpty() || !QFileInfo::exists(root + QStringLiteral("/faults.json")))
        return;
    Sim::SandboxConfig config;
    QString error;
    if (!Sim::SandboxConfig::load(root, &config, &error))
        return;
    const QString node = Sim::currentNodeName(config, dataDir);
    if (!Sim::faultKindActive(root, Sim::stderrNoiseKind(), node))
        return;
    QString noise = Sim::stderrNoise(name, node);
    if (name == QLatin1String("gsql"))
        noise += Sim::gsqlLibpqMismatchNoise(Sim::programPath(argv[0]));
    std::fputs(noise.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

int dispatch(const std::string& tool, int argc, char** argv)
{
    static const char* const known[]
        = { "gaussdb", "mogdb", "gs_ctl", "gsql", "gs_om", "systemctl", "mogha" };
    bool isKnown = false;
    for (const char* k : known)
        isKnown = isKnown || tool == k;
    if (!isKnown)
        return -1;
    printStderrNoise(tool, argc, argv);
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
    return Sim::moghaMain(argc, argv);
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
            if (std::strcmp(argv[1], "shim") == 0) {
                printStderrNoise(baseName(argc >= 3 ? argv[2] : "shim"), argc - 2, argv + 2);
                return Sim::shimMain(argc - 2, argv + 2);
            }
        }
        std::fputs("usage: mogdb-sim-X.Y.Z TOOL [ARGS...]\n"
                   "tools: gaussdb gs_ctl gsql gs_om systemctl mogha, or 'shim REALTOOL ARGS...'\n",
            stderr);
        return 2;
    }
    // Any other name is a shim in the sandbox's bin/ (tar, cp, mv, ...).
    printStderrNoise(self, argc, argv);
    return Sim::shimMain(argc, argv);
}
