-- GET /api/emails?patient_id=P with P uniformly random in BASE+1..BASE+N (arguments: N BASE;
-- defaults 1000 and 900000000): every request lists a seeded patient's emails (10 each).
local n, base = 1000, 900000000
function init(args)
  if args[1] then n = tonumber(args[1]) end
  if args[2] then base = tonumber(args[2]) end
  math.randomseed(os.time())
end
function request()
  return wrk.format("GET", "/api/emails?patient_id=" .. (base + math.random(1, n)))
end
