-- The web home page (HTML), always the same URL: answered from the page cache, like the cached listing.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/"
wrk.headers["Accept"] = "text/html"
