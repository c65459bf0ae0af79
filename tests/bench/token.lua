-- GET /user/profile with the Bearer token of a random signed-in user: token check plus one user lookup.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local tokens
function bench.init() tokens = bench.tokens() end
function request()
  return wrk.format("GET", "/user/profile", bench.auth(bench.pick(tokens)))
end
