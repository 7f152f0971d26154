#include "Language.h"
#include "MogupWizard.h"
#include "SandboxDemoCluster.h"
#include "Tr.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = { -1, -1 };

void onTerminationSignal(int)
{
    const char c = 1;
    (void)!::write(g_signalPipe[1], &c, 1);
}

// Ctrl-C or SIGTERM closes the wizard the normal way (the self-pipe hands the signal to the event loop),
// so a demo cluster it built is stopped instead of being left running.
void quitOnTerminationSignals(QApplication* app)
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [] {
        char c;
        while (::read(g_signalPipe[0], &c, 1) > 0) { }
        QApplication::quit();
    });
    std::signal(SIGINT, onTerminationSignal);
    std::signal(SIGTERM, onTerminationSignal);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mogup"));
    QApplication::setApplicationVersion(QStringLiteral(MOGUP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MogUp"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("demo"), MogUp::Tr::tr("build a demo cluster on this machine and open the wizard on it") });
    parser.addOption({ QStringLiteral("lang"), MogUp::Tr::tr("language: zh_CN or en (default: the system language)"),
        QStringLiteral("LANG") });
    parser.addOption({ QStringLiteral("profile"), MogUp::Tr::tr("open this cluster profile"), QStringLiteral("FILE") });
    parser.process(app);
    quitOnTerminationSignals(&app);

    QString language = parser.value(QStringLiteral("lang"));
    if (language.isEmpty())
        language = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    if (language != QStringLiteral("zh_CN") && language != QStringLiteral("en")) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(MogUp::Tr::tr("mogup: --lang must be zh_CN or en.")));
        return 2;
    }
    if (!MogUp::Language::apply(language))
        std::fprintf(stderr, "%s\n", qUtf8Printable(MogUp::Tr::tr("mogup: the Chinese translation is missing; using English.")));

    MogUp::MogupWizard wizard;
    // The demo button builds the sandbox cluster; ui/ itself knows nothing of the sandbox.
    wizard.setDemoCluster(std::make_shared<Sim::SandboxDemoCluster>());
    if (parser.isSet(QStringLiteral("demo"))) {
        wizard.startDemo();
    } else {
        const QString profile = parser.isSet(QStringLiteral("profile"))
            ? parser.value(QStringLiteral("profile"))
            : MogUp::MogupWizard::lastProfilePath();
        QString error;
        if (!profile.isEmpty() && !wizard.loadProfile(profile, &error) && parser.isSet(QStringLiteral("profile")))
            std::fprintf(stderr, "%s\n", qUtf8Printable(error));
    }
    wizard.show();
    return app.exec();
}
