-- Listing pages of 20 at random offsets, each connection waiting 5-25 ms (15 on average) between its
-- requests: about 2,000 requests a second from 32 connections, a load the server can carry. wrk otherwise
-- sends each next request at once, so at saturation its p99 measures the queue and the scheduler, not the
-- page. The wait is random so that the connections do not fall into step and arrive in bursts of 32.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local pages
function bench.init()
  pages = math.max(1, math.floor(#bench.data("slugs.txt") / 20))
end
function request()
  return wrk.format("GET", "/article?limit=20&offset=" .. (20 * math.random(0, pages - 1)))
end
function delay() return math.random(5, 25) end
