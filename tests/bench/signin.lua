-- POST /user/sign-in as a random user: one argon2id verification (64 MiB, t=3, p=4) a request.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local emails
function bench.init() emails = bench.data("emails.txt") end
function request()
  local body = '{"email":"' .. bench.pick(emails) .. '","password":"' .. bench.password .. '"}'
  return wrk.format("POST", "/user/sign-in", bench.json, body)
end
