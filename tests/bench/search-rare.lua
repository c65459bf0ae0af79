-- Search for a word one article has: the number in a random article's title ("Article 123 on ..."), first
-- page. A different query nearly every time, so mostly not cached: what the search itself costs.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local numbers
function bench.init()
  numbers = bench.sample(bench.data("slugs.txt"), 50000, function(slug) return slug:match("article%-(%d+)%-") end)
  assert(#numbers > 0, "no article numbers in slugs.txt")
end
function request()
  return wrk.format("GET", "/article?q=" .. numbers[math.random(#numbers)] .. "&limit=20")
end
