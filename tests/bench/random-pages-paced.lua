-- The random pages of random-pages.lua, each connection waiting 5-25 ms (15 on average) between its
-- requests: about 2,000 requests a second from 32 connections, a load the server can carry. wrk otherwise
-- sends each next request at once, so at saturation its p99 measures the queue and the scheduler, not the
-- page. The wait is random so that the connections do not fall into step and arrive in bursts of 32.
dofile(os.getenv("BENCH_LUA") .. "/random-pages.lua")
function delay() return math.random(5, 25) end
