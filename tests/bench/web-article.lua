-- The web page (HTML: Markdown rendered, comments) of a random article; most are made anew, since a
-- random pick rarely finds one in the page cache.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slugs
function bench.init() slugs = bench.data("slugs.txt") end
function request()
  return wrk.format("GET", "/posts/" .. bench.pick(slugs), { ["Accept"] = "text/html" })
end
