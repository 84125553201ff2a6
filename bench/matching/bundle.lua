-- POST /api/therapeutenanfragen/erstellen-fuer-therapeut for a random active therapist from the
-- file named by the first script argument (lines "<therapist id> <plz prefix>").
local pairs_ = {}
function init(args)
  for line in io.lines(args[1]) do
    local id, prefix = line:match("(%d+) (%d+)")
    pairs_[#pairs_ + 1] = { id, prefix }
  end
  math.randomseed(os.time())
end
function request()
  local p = pairs_[math.random(1, #pairs_)]
  return wrk.format("POST", "/api/therapeutenanfragen/erstellen-fuer-therapeut", { ["Content-Type"] = "application/json" },
    '{"therapist_id": ' .. p[1] .. ', "plz_prefix": "' .. p[2] .. '"}')
end
