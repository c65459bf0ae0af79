-- Shared by the benchmark's wrk scripts (run-bench.sh sets the environment):
--   BENCH_DATA    directory with slugs.txt (one slug a line) and emails.txt (one e-mail a line)
--   BENCH_TOKENS  file with one Bearer token a line, issued by the server under test
--   BENCH_LUA     this directory
-- Each script does `dofile(os.getenv("BENCH_LUA") .. "/common.lua")` and then defines request() or sets
-- wrk.path. done() prints one parse-friendly line; wrk's own report (--latency) is kept in the logs.

bench = {}

-- A file's non-empty lines, kept as its text and where each line starts, not as a table of strings: a
-- Lua table of a million strings (the --large slugs) made LuaJIT's collector hold wrk's thread for
-- hundreds of milliseconds at a time, and wrk counted that into every request in flight on the thread
-- (article detail: p99 0.5-1.6 s beside a p50 of 7 ms, where picking from 50,000 slugs gave 35-48 ms).
function bench.lines(path)
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  local text = file:read("*a")
  file:close()
  local starts = {}
  local at = 1
  while at <= #text do
    local newline = string.find(text, "\n", at, true) or #text + 1
    if newline > at then starts[#starts + 1] = at end
    at = newline + 1
  end
  assert(#starts > 0, path .. " is empty")
  return { text = text, starts = starts }
end

function bench.data(name) return bench.lines(os.getenv("BENCH_DATA") .. "/" .. name) end
function bench.tokens() return bench.lines(os.getenv("BENCH_TOKENS")) end
function bench.count(list) return #list.starts end
function bench.line(list, i)
  local start = list.starts[i]
  local newline = string.find(list.text, "\n", start, true) or #list.text + 1
  return string.sub(list.text, start, newline - 1)
end
function bench.pick(list) return bench.line(list, math.random(#list.starts)) end
-- What derive(line) makes of an evenly spread sample of at most `most` lines (nil: skipped), as a Lua table:
-- a table of a million strings would make wrk's garbage collector pause it.
function bench.sample(list, most, derive)
  local found = {}
  local step = math.max(1, math.floor(bench.count(list) / most))
  for i = 1, bench.count(list), step do
    local value = derive(bench.line(list, i))
    if value then found[#found + 1] = value end
  end
  return found
end

bench.password = os.getenv("BENCH_PASSWORD") or "bench-password"
bench.json = { ["Content-Type"] = "application/json" }

function bench.auth(token, json)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if json then headers["Content-Type"] = "application/json" end
  return headers
end

-- Each thread gets its own number, and from it its own random sequence (the same every run).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(7919 * (thread_number or 1) + 17)
  if bench.init then bench.init(args) end
end

-- requests/s as wrk computes it (completed requests / run time); latencies in microseconds; non2xx is
-- wrk's "Non-2xx or 3xx responses" (status > 399), the others its "Socket errors" line.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH-RESULT requests=%d duration_us=%d rps=%.2f p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), e.status, e.connect, e.read, e.write, e.timeout))
end
