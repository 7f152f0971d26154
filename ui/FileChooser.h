#pragma once

#include <QString>

class QWidget;

namespace MogUp {

// Every file the wizard asks the operator for goes through here, so a test can give the answer in
// advance instead of facing a modal file dialog nobody closes (the same seam as MessageBox).
class FileChooser
{
public:
    // Empty when the operator cancelled.
    static QString openFile(QWidget* parent, const QString& title, const QString& filter);
    static QString saveFile(
        QWidget* parent, const QString& title, const QString& suggestedPath, const QString& filter);
    // Tests: the answer to the next question (consumed by it; an empty string answers "cancel").
    static void setNextAnswer(const QString& path);
};

} // namespace MogUp
