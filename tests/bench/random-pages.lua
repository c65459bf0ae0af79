-- Listing pages of 20 at random offsets over all the articles (mostly cache misses).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local pages
function bench.init()
  pages = math.max(1, math.floor(bench.count(bench.data("slugs.txt")) / 20))
end
function request()
  return wrk.format("GET", "/article?limit=20&offset=" .. (20 * math.random(0, pages - 1)))
end
