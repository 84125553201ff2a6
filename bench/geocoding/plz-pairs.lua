-- GET /api/calculate-plz-distance with a random pair of the PLZs listed one per line in the file
-- given as the first script argument: every request hits imported centroids.
local plz = {}
function init(args)
  for line in io.lines(args[1]) do plz[#plz + 1] = line end
  math.randomseed(os.time())
end
function request()
  local a, b = plz[math.random(1, #plz)], plz[math.random(1, #plz)]
  return wrk.format("GET", "/api/calculate-plz-distance?origin_plz=" .. a .. "&destination_plz=" .. b)
end
