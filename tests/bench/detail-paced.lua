-- The article details of detail.lua, each connection waiting 5-25 ms (15 on average) between its
-- requests: about 2,000 requests a second from 32 connections, their latency when the server is not
-- saturated (see random-pages-paced.lua).
dofile(os.getenv("BENCH_LUA") .. "/detail.lua")
function delay() return math.random(5, 25) end
