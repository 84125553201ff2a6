-- GET /api/therapists/{id} with a uniformly random id in 1..N (N from the first script argument,
-- default 2000): every request hits a seeded therapist.
local n = 2000
function init(args)
  if args[1] then n = tonumber(args[1]) end
  math.randomseed(os.time())
end
function request()
  return wrk.format("GET", "/api/therapists/" .. math.random(1, n))
end
