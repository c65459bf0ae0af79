#include "ProgressLine.h"

#include <QTextStream>

#include <unistd.h>

namespace blog {

ProgressLine::ProgressLine()
    : m_terminal(::isatty(STDERR_FILENO) == 1)
{
}

ProgressLine::~ProgressLine()
{
    finish();
}

void ProgressLine::show(const QString &text)
{
    if (!m_terminal || (m_sinceShown.isValid() && m_sinceShown.elapsed() < 200))
        return;
    QTextStream(stderr) << '\r' << text << "\033[K";
    m_shown = true;
    m_sinceShown.start();
}

void ProgressLine::finish()
{
    if (m_shown)
        QTextStream(stderr) << '\n';
    m_shown = false;
}

} // namespace blog
