#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QDialog;
class QWidget;

namespace MogUp {

// Every question the wizard asks goes through here, so a test can give the answer in advance instead of
// facing a modal dialog nobody closes (KeePassXC's MessageBox::setNextAnswer seam). GUI thread only.
class MessageBox
{
public:
    // Yes / No question; true for Yes. Uses the answer set by setNextAnswer() once, if any.
    static bool askYesNo(QWidget* parent, const QString& title, const QString& text);
    // An unknown SSH host key: "Trust this key" or "Refuse" (the default, also on Escape). true = trust.
    static bool askHostKey(QWidget* parent, const QString& title, const QString& text);
    // A password or passphrase, typed without echo. nullopt when the operator cancels.
    static std::optional<QString> askSecret(QWidget* parent, const QString& title, const QString& label);

    // Tests: the answer to the next question of that kind (consumed by it). Host-key answers and secrets
    // queue up, one per question (several nodes may ask in one go).
    static void setNextAnswer(bool yes);
    static void setNextHostKeyAnswer(bool trust);
    static void setNextSecret(const std::optional<QString>& secret);
    static int pendingAnswers(); // host-key answers and secrets not used yet

    // Tests: every question asked (dialog shown or answered in advance), oldest first.
    enum class Kind { YesNo, HostKey, Secret };
    struct Question
    {
        Kind kind = Kind::YesNo;
        QString title;
        QString text;
    };
    static QList<Question> askedQuestions();
    static void clearAskedQuestions();

    // Tests: called with every real dialog (no answer given in advance) once it is on screen, before the
    // wizard waits for it; the hook looks at it and answers it with the keyboard or a click. Empty: none.
    static void setDialogHook(const std::function<void(QDialog*)>& hook);
};

} // namespace MogUp
