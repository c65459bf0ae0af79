-- Article detail where readers crowd a few articles, as they do: nine requests in ten for one of the
-- 1,000 newest articles, the tenth for any article. Random detail (detail.lua) spreads over every article
-- and so says what a read from the database costs; this says what readers of a popular blog get.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slugs
local newest = 1000
function bench.init() slugs = bench.data("slugs.txt") end
function request()
  local count = bench.count(slugs)
  local line
  if math.random(10) <= 9 then
    line = bench.line(slugs, count - math.random(math.min(newest, count)) + 1)
  else
    line = bench.pick(slugs)
  end
  return wrk.format("GET", "/article/" .. line)
end
