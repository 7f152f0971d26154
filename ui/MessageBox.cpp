#include "MessageBox.h"

#include <QMessageBox>

#include <optional>

namespace MogUp {

namespace {
std::optional<bool> g_nextAnswer; // GUI thread only
}

bool MessageBox::askYesNo(QWidget* parent, const QString& title, const QString& text)
{
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

void MessageBox::setNextAnswer(bool yes)
{
    g_nextAnswer = yes;
}

} // namespace MogUp
