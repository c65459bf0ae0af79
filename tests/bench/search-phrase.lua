-- Search for a quoted phrase from a random article's title ("cache and query" from "Article 123 on cache and
-- query"), first page: each phrase is in the titles of about one article in 3,600, and both of its words in
-- nearly every text, so the positions decide. Mostly not cached (3,600 phrases).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local phrases
function bench.init()
  phrases = bench.sample(bench.data("slugs.txt"), 50000, function(slug)
    local first, second = slug:match("%-on%-(%a+)%-and%-(%a+)$")
    if first then return "%22" .. first .. "%20and%20" .. second .. "%22" end
  end)
  assert(#phrases > 0, "no titles with a phrase in slugs.txt")
end
function request()
  return wrk.format("GET", "/article?q=" .. phrases[math.random(#phrases)] .. "&limit=20")
end
