#pragma once

#include <QString>

class QWidget;

namespace MogUp {

// Every question the wizard asks goes through here, so a test can give the answer in advance instead of
// facing a modal dialog nobody closes (KeePassXC's MessageBox::setNextAnswer seam).
class MessageBox
{
public:
    // Yes / No question; true for Yes. Uses the answer set by setNextAnswer() once, if any.
    static bool askYesNo(QWidget* parent, const QString& title, const QString& text);
    // Tests: the answer to the next question (consumed by it).
    static void setNextAnswer(bool yes);
};

} // namespace MogUp
