-- GET /api/emails?patient_id=P with P uniformly random in BASE+1..BASE+N (one argument "N BASE";
-- defaults 1000 and 900000000): every request lists a seeded patient's emails (10 each).
local n, base = 1000, 900000000
function init(args)
  if args[1] then
    local count, first = args[1]:match("(%d+)%s+(%d+)")
    n, base = tonumber(count), tonumber(first)
  end
  math.randomseed(os.time())
end
function request()
  return wrk.format("GET", "/api/emails?patient_id=" .. (base + math.random(1, n)))
end
