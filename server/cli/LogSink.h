#pragma once

// Where blog-server's log goes: stderr, through a buffer, so an access line per request costs a
// memcpy instead of a write(2) (flushed at 16 KiB, on every warning, every 250 ms, and at exit).
namespace blog::LogSink {

void install();
void flush();

} // namespace blog::LogSink
