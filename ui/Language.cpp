#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace MogUp {

namespace {

struct Translators
{
    QTranslator app;
    QTranslator qtbase;
    bool installed = false;
    QString language = QStringLiteral("en");
};

Translators& translators()
{
    // Lives until exit: QCoreApplication keeps raw pointers to installed translators.
    static Translators t;
    return t;
}

} // namespace

bool Language::apply(const QString& language)
{
    Translators& t = translators();
    if (t.installed) {
        QCoreApplication::removeTranslator(&t.app);
        QCoreApplication::removeTranslator(&t.qtbase);
        t.installed = false;
    }
    t.language = QStringLiteral("en");
    if (language != QStringLiteral("zh_CN")) {
        // Removing translators already sent LanguageChange (when any were installed); English is the source.
        return true;
    }
    const QLocale chinese(QLocale::Chinese, QLocale::China);
    const bool appLoaded = t.app.load(chinese, QStringLiteral("mogup"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // qtbase_zh_CN.qm: embedded if the build found it, else Qt's own translations directory.
    const bool qtLoaded = t.qtbase.load(chinese, QStringLiteral("qtbase"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || t.qtbase.load(chinese, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!appLoaded)
        return false;
    QCoreApplication::installTranslator(&t.app);
    if (qtLoaded)
        QCoreApplication::installTranslator(&t.qtbase);
    t.installed = true;
    t.language = language;
    return true;
}

QString Language::current()
{
    return translators().language;
}

} // namespace MogUp
