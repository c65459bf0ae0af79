-- RealWorld's first page filtered by a tag in use (run-bench.sh sets BENCH_TAG to one of the data's tags).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/api/articles?tag=" .. assert(os.getenv("BENCH_TAG"), "BENCH_TAG is not set") .. "&limit=20&offset=0"
