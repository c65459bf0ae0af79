-- GET /user/notifications as the desktop app sends it while it runs: a long poll with a cursor past every
-- comment, so each one waits the whole 25 s on the server; the connections of the "listeners" row.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local tokens
function bench.init() tokens = bench.tokens() end
function request()
  return wrk.format("GET", "/user/notifications?after=9007199254740991&wait=25", bench.auth(bench.pick(tokens)))
end
