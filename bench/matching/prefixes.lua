-- GET /api/therapeuten-zur-auswahl?plz_prefix=NN with a random prefix from the file named by
-- the first script argument (one prefix per line: the prefixes that hold active therapists).
local prefixes = {}
function init(args)
  for line in io.lines(args[1]) do prefixes[#prefixes + 1] = line end
  math.randomseed(os.time())
end
function request()
  return wrk.format("GET", "/api/therapeuten-zur-auswahl?plz_prefix=" .. prefixes[math.random(1, #prefixes)])
end
