-- Search for a word nearly every article has ("cache": the texts are made of load-data.sh's 60 words), first
-- page of 20. The same query every time, as a popular search would be: mostly the cached page, made again
-- once the cache's 5 s are up (by one request while the others still get the old page).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/article?q=cache&limit=20"
