-- Search for a word one article has: the number in a random article's title ("Article 123 on ..."), first
-- page. A different query nearly every time, so mostly not cached: what the search itself costs.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local numbers
function bench.init()
  numbers = {}
  -- A sample of at most 50,000 (a Lua table of a million strings makes wrk's garbage collector pause it).
  local slugs = bench.data("slugs.txt")
  local step = math.max(1, math.floor(bench.count(slugs) / 50000))
  for i = 1, bench.count(slugs), step do
    local slug = bench.line(slugs, i)
    local number = slug:match("article%-(%d+)%-")
    if number then numbers[#numbers + 1] = number end
  end
  assert(#numbers > 0, "no article numbers in slugs.txt")
end
function request()
  return wrk.format("GET", "/article?q=" .. numbers[math.random(#numbers)] .. "&limit=20")
end
