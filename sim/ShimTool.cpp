// Shims in DIR/bin (tar cp mv mkdir chown sha256sum rm ...): ask the fault injector, then execv the
// real tool found on PATH without DIR/bin, argv unchanged. Prints nothing itself, so the shim is
// transparent (exit code, stdin, stdout and stderr are the real tool's).
#include "FaultInjector.h"
#include "SimLayout.h"
#include "SimTools.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace Sim {

namespace {

QString canonicalDir(const QString& path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(path) : c;
}

// A candidate that is (a link to) a sim program is another shim: skip it.
bool isSimProgram(const QString& path)
{
    const QString target = QFileInfo(path).canonicalFilePath();
    return QFileInfo(target).fileName().startsWith(QLatin1String("mogdb-sim"));
}

QString findRealTool(const QString& tool, const QString& sandboxRoot)
{
    const QString shimDir = sandboxRoot.isEmpty() ? QString() : canonicalDir(sandboxRoot + QStringLiteral("/bin"));
    QStringList dirs = qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    dirs << QStringLiteral("/usr/bin") << QStringLiteral("/bin");
    for (const QString& d : dirs) {
        if (!shimDir.isEmpty() && canonicalDir(d) == shimDir)
            continue;
        const QString candidate = QDir(d).absoluteFilePath(tool);
        const QFileInfo fi(candidate);
        if (!fi.isFile() || !fi.isExecutable())
            continue;
        if (isSimProgram(candidate))
            continue;
        return candidate;
    }
    return {};
}

} // namespace

int shimMain(int argc, char** argv)
{
    if (argc < 1 || !argv[0]) {
        std::fputs("shim: no tool name\n", stderr);
        return 2;
    }
    const char* slash = std::strrchr(argv[0], '/');
    const QString tool = QString::fromLocal8Bit(slash ? slash + 1 : argv[0]);
    const QString root = sandboxRootOfThisProgram();

    if (!root.isEmpty() && QFile::exists(root + QStringLiteral("/faults.json"))) {
        SandboxConfig config;
        QString error;
        QString node;
        if (SandboxConfig::load(root, &config, &error))
            node = currentNodeName(config);
        QStringList args;
        for (int i = 1; i < argc; ++i)
            args.append(QString::fromLocal8Bit(argv[i]));
        const int rc = applyFaultGeneric(takeFault(root, node, tool, args), tool);
        if (rc >= 0)
            return rc;
    }

    const QString real = findRealTool(tool, root);
    if (real.isEmpty()) {
        std::fprintf(stderr, "%s: command not found\n", tool.toLocal8Bit().constData());
        return 127;
    }
    const QByteArray path = QFile::encodeName(real);
    execv(path.constData(), argv);
    std::fprintf(stderr, "%s: %s\n", tool.toLocal8Bit().constData(), std::strerror(errno));
    return 126;
}

} // namespace Sim
