#pragma once

#include <QElapsedTimer>
#include <QString>

namespace blog {

// A line on stderr that a long command rewrites in place ("\r...") as it goes, at most five times a
// second, and only when stderr is a terminal (a log file gets the final summary alone).
class ProgressLine
{
public:
    ProgressLine();
    ~ProgressLine();
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    void show(const QString &text);
    // Ends the line, if one was shown.
    void finish();

private:
    bool m_terminal = false;
    bool m_shown = false;
    QElapsedTimer m_sinceShown;
};

} // namespace blog
