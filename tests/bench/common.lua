-- Shared by the benchmark's wrk scripts (run-bench.sh sets the environment):
--   BENCH_DATA    directory with slugs.txt (one slug a line) and emails.txt (one e-mail a line)
--   BENCH_TOKENS  file with one Bearer token a line, issued by the server under test
--   BENCH_LUA     this directory
-- Each script does `dofile(os.getenv("BENCH_LUA") .. "/common.lua")` and then defines request() or sets
-- wrk.path. done() prints one parse-friendly line; wrk's own report (--latency) is kept in the logs.

bench = {}

function bench.lines(path)
  local list = {}
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  file:close()
  assert(#list > 0, path .. " is empty")
  return list
end

function bench.data(name) return bench.lines(os.getenv("BENCH_DATA") .. "/" .. name) end
function bench.tokens() return bench.lines(os.getenv("BENCH_TOKENS")) end
function bench.pick(list) return list[math.random(#list)] end

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
