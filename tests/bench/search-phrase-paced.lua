-- The quoted phrases of search-phrase.lua, each connection waiting 100-500 ms (300 on average) between its
-- requests: about 100 searches a second from 32 connections, where one costs ~4 ms of CPU. Flat out, 32
-- phrase searches queue on two cores, so that row's p99 is the queue; this one says what a phrase
-- search takes at a rate the server carries (see random-pages-paced.lua).
dofile(os.getenv("BENCH_LUA") .. "/search-phrase.lua")
function delay() return math.random(100, 500) end
