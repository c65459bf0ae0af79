-- Listing pages of 20 at random offsets, each connection waiting 15 ms between its requests: about 2,000
-- requests a second from 32 connections, a load the server can carry. wrk otherwise sends each next request
-- at once, so at saturation its p99 measures the queue and the scheduler, not the page.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local pages
function bench.init()
  pages = math.max(1, math.floor(#bench.data("slugs.txt") / 20))
end
function request()
  return wrk.format("GET", "/article?limit=20&offset=" .. (20 * math.random(0, pages - 1)))
end
function delay() return 15 end
