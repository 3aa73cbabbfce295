-- wrk script: claim queries against the load ledger (benchmarks/load.py, 10,000 documents,
-- 47,492 claims, 300 metrics, 40 speakers, 10 countries). Every request draws fresh random
-- parameters, so a response cache could not inflate the figures; six kinds in turn:
-- claim by id, by metric, by speaker with an offset, by document, by country, and an
-- unfiltered page at a random offset.
--   wrk -t2 -c50 -d20s --latency -s benchmarks/claims.lua http://127.0.0.1:8000

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  -- each thread its own sequence, different from run to run
  math.randomseed(os.time() * 1000 + id * 7919)
  n = 0
end

local countries = {"AA", "BB", "CC", "DD", "EE", "FF", "GG", "HH", "II", "JJ"}

function request()
  n = n + 1
  local k = n % 6
  local path
  if k == 0 then
    path = "/api/claims/" .. math.random(1, 47492)
  elseif k == 1 then
    path = string.format("/api/claims?metric=metric_%03d&limit=50", math.random(0, 299))
  elseif k == 2 then
    path = string.format("/api/claims?speaker=Speaker%%20%02d&limit=50&offset=%d",
      math.random(0, 39), math.random(0, 10) * 50)
  elseif k == 3 then
    path = "/api/claims?document=" .. math.random(1, 10000)
  elseif k == 4 then
    path = "/api/claims?country=" .. countries[math.random(1, #countries)] .. "&limit=50"
  else
    path = "/api/claims?limit=50&offset=" .. math.random(0, 47000)
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  -- wrk's --latency table has no p95
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
