#pragma once

#include <QString>

namespace MogUp {

// The application's language, switchable while the wizard is open: installs (or removes) the app's
// translation from :/i18n and Qt's own qtbase translation (QWizard's Back/Next/Cancel), then Qt sends
// QEvent::LanguageChange to every widget, and each page re-translates itself.
class Language
{
public:
    // "zh_CN" or "en". False when the Chinese translation could not be loaded (the language stays English).
    static bool apply(const QString& language);
    static QString current();
};

} // namespace MogUp
