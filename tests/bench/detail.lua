-- Article detail (with its comments) of a random article.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slugs
function bench.init() slugs = bench.data("slugs.txt") end
function request()
  return wrk.format("GET", "/article/" .. bench.pick(slugs))
end
