-- The first page of the listing, always the same URL: the servers answer it from their 5 s caches.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/article?limit=20&offset=0"
