-- The web page (HTML: Markdown rendered, comments) of a random article: made on the first request for it,
-- then from the page cache until it expires (5 s) or a write drops it; the comment scenarios come later.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slugs
function bench.init() slugs = bench.data("slugs.txt") end
function request()
  return wrk.format("GET", "/posts/" .. bench.pick(slugs), { ["Accept"] = "text/html" })
end
