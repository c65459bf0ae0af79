-- Search for a quoted phrase from a random article's title ("cache and query" from "Article 123 on cache and
-- query"), first page: each phrase is in the titles of about one article in 3,600, and both of its words in
-- nearly every text, so the positions decide. Mostly not cached (3,600 phrases).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local phrases
function bench.init()
  phrases = {}
  -- A sample of at most 50,000 (a Lua table of a million strings makes wrk's garbage collector pause it).
  local slugs = bench.data("slugs.txt")
  local step = math.max(1, math.floor(bench.count(slugs) / 50000))
  for i = 1, bench.count(slugs), step do
    local slug = bench.line(slugs, i)
    local first, second = slug:match("%-on%-(%a+)%-and%-(%a+)$")
    if first then phrases[#phrases + 1] = "%22" .. first .. "%20and%20" .. second .. "%22" end
  end
  assert(#phrases > 0, "no titles with a phrase in slugs.txt")
end
function request()
  return wrk.format("GET", "/article?q=" .. phrases[math.random(#phrases)] .. "&limit=20")
end
