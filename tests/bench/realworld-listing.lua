-- RealWorld's first page (GET /api/articles, anonymous): served from the filtered listings' cache and the
-- JSON made once per cached page, to compare with our cached listing.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/api/articles?limit=20&offset=0"
