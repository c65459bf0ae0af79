-- POST /article/:slug/comment on a random article as a random signed-in user (a write transaction each).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slugs, tokens
local n = 0
function bench.init() slugs = bench.data("slugs.txt"); tokens = bench.tokens() end
function request()
  n = n + 1
  local body = '{"text":"wrk comment ' .. thread_number .. "-" .. n .. ': measured under load, nothing else to say"}'
  return wrk.format("POST", "/article/" .. bench.pick(slugs) .. "/comment", bench.auth(bench.pick(tokens), true), body)
end
