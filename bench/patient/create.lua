-- POST /api/patients with the JSON body of the file given as the first script argument
-- (bench/patient/create.json: the required fields plus plz, email and one symptom), 201 Created.
local req
function init(args)
  local file = assert(io.open(args[1] or "bench/patient/create.json", "rb"))
  local body = file:read("*a")
  file:close()
  req = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
function request()
  return req
end
