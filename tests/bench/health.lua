-- GET /health: our bare JSON route (no database, no cache), the ceiling the cached listing is held to.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/health"
