#pragma once

#include "CommandLine.h"

// The blog-server subcommands; each returns the process exit code.
namespace blog::Commands {

int serve(const CommandLine::Parsed &parsed);
int migrate(const CommandLine::Parsed &parsed);
int seed(const CommandLine::Parsed &parsed);
int purgeComments(const CommandLine::Parsed &parsed);
int backup(const CommandLine::Parsed &parsed);
int restore(const CommandLine::Parsed &parsed);
int exportData(const CommandLine::Parsed &parsed);
int importData(const CommandLine::Parsed &parsed);

} // namespace blog::Commands
