#include "MessageBox.h"

#include "Tr.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <deque>

namespace MogUp {

namespace {
// GUI thread only, like every dialog.
std::optional<bool> g_nextAnswer;
std::deque<bool> g_nextHostKeyAnswers;
std::deque<std::optional<QString>> g_nextSecrets;
QList<MessageBox::Question> g_asked;
std::function<void(QDialog*)> g_dialogHook;

// Runs the test hook on the dialog once its event loop runs (it is shown by then).
void hookWhenShown(QDialog* dialog)
{
    if (g_dialogHook)
        QTimer::singleShot(0, dialog, [dialog] { g_dialogHook(dialog); });
}

void record(MessageBox::Kind kind, const QString& title, const QString& text)
{
    g_asked.append(MessageBox::Question { kind, title, text });
}

void wipe(QString& s)
{
    if (!s.isEmpty() && s.isDetached())
        s.fill(QChar(0));
    s.clear();
}
} // namespace

bool MessageBox::askYesNo(QWidget* parent, const QString& title, const QString& text)
{
    record(Kind::YesNo, title, text);
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

bool MessageBox::askHostKey(QWidget* parent, const QString& title, const QString& text)
{
    record(Kind::HostKey, title, text);
    if (!g_nextHostKeyAnswers.empty()) {
        const bool answer = g_nextHostKeyAnswers.front();
        g_nextHostKeyAnswers.pop_front();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard); // the fingerprint can be copied
    QPushButton* trust = box.addButton(Tr::tr("&Trust this key"), QMessageBox::AcceptRole);
    QPushButton* refuse = box.addButton(Tr::tr("&Refuse"), QMessageBox::RejectRole);
    // Trusting a key must be a deliberate choice: Enter and Escape both refuse.
    box.setDefaultButton(refuse);
    box.setEscapeButton(refuse);
    hookWhenShown(&box);
    box.exec();
    return box.clickedButton() == trust;
}

std::optional<QString> MessageBox::askSecret(QWidget* parent, const QString& title, const QString& label)
{
    record(Kind::Secret, title, label);
    if (!g_nextSecrets.empty()) {
        std::optional<QString> answer = g_nextSecrets.front();
        g_nextSecrets.pop_front();
        return answer;
    }
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setOkButtonText(Tr::tr("&OK"));
    dialog.setCancelButtonText(Tr::tr("&Cancel"));
    hookWhenShown(&dialog);
    const bool ok = dialog.exec() == QDialog::Accepted;
    QString value = dialog.textValue();
    // The dialog's copy goes now, not when Qt frees it.
    if (QLineEdit* edit = dialog.findChild<QLineEdit*>())
        edit->clear();
    if (!ok) {
        wipe(value);
        return std::nullopt;
    }
    return value;
}

void MessageBox::setNextAnswer(bool yes)
{
    g_nextAnswer = yes;
}

void MessageBox::setNextHostKeyAnswer(bool trust)
{
    g_nextHostKeyAnswers.push_back(trust);
}

void MessageBox::setNextSecret(const std::optional<QString>& secret)
{
    g_nextSecrets.push_back(secret);
}

int MessageBox::pendingAnswers()
{
    return int(g_nextHostKeyAnswers.size() + g_nextSecrets.size());
}

QList<MessageBox::Question> MessageBox::askedQuestions()
{
    return g_asked;
}

void MessageBox::clearAskedQuestions()
{
    g_asked.clear();
}

void MessageBox::setDialogHook(const std::function<void(QDialog*)>& hook)
{
    g_dialogHook = hook;
}

} // namespace MogUp
