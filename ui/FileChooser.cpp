#include "FileChooser.h"

#include <QFileDialog>

#include <optional>

namespace MogUp {

namespace {

std::optional<QString>& nextAnswer()
{
    static std::optional<QString> answer;
    return answer;
}

std::optional<QString> takeNextAnswer()
{
    std::optional<QString> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}

} // namespace

QString FileChooser::openFile(QWidget* parent, const QString& title, const QString& filter)
{
    if (std::optional<QString> answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString FileChooser::saveFile(
    QWidget* parent, const QString& title, const QString& suggestedPath, const QString& filter)
{
    if (std::optional<QString> answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

void FileChooser::setNextAnswer(const QString& path)
{
    nextAnswer() = path;
}

} // namespace MogUp
