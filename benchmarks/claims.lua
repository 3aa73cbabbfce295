math.randomseed(42)
local paths = {}
for i = 1, 2000 do
  local k = i % 6
  if k == 0 then paths[i] = "/api/claims/" .. math.random(1, 47000)
  elseif k == 1 then paths[i] = string.format("/api/claims?metric=metric_%03d&limit=50", math.random(0, 299))
  elseif k == 2 then paths[i] = string.format("/api/claims?speaker=Speaker%%20%02d&limit=50&offset=%d", math.random(0, 39), math.random(0, 10) * 50)
  elseif k == 3 then paths[i] = "/api/claims?document=" .. math.random(1, 10000)
  elseif k == 4 then paths[i] = "/api/claims?country=" .. ({"AA","BB","CC","DD"})[math.random(1,4)] .. "&limit=50"
  else paths[i] = "/api/claims?limit=50&offset=" .. math.random(0, 47000) end
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
