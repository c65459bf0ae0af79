-- 90 % reads, 10 % writes: 30 % first listing page, 20 % random listing page, 30 % article detail,
-- 10 % profile; 10 % comment posts.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slugs, tokens, pages
local n = 0
function bench.init()
  slugs = bench.data("slugs.txt")
  tokens = bench.tokens()
  pages = math.max(1, math.floor(bench.count(slugs) / 20))
end
function request()
  local r = math.random(100)
  if r <= 30 then
    return wrk.format("GET", "/article?limit=20&offset=0")
  elseif r <= 50 then
    return wrk.format("GET", "/article?limit=20&offset=" .. (20 * math.random(0, pages - 1)))
  elseif r <= 80 then
    return wrk.format("GET", "/article/" .. bench.pick(slugs))
  elseif r <= 90 then
    return wrk.format("GET", "/user/profile", bench.auth(bench.pick(tokens)))
  end
  n = n + 1
  local body = '{"text":"wrk mixed comment ' .. thread_number .. "-" .. n .. '"}'
  return wrk.format("POST", "/article/" .. bench.pick(slugs) .. "/comment", bench.auth(bench.pick(tokens), true), body)
end
