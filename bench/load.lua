-- The wrk script of the load check (bench/load.py).
--
--   wrk -t2 -c64 -d60s --timeout 30s --latency -s bench/load.lua http://127.0.0.1:PORT -- PATHS
--
-- PATHS is a file with one address (path and query) per line. Each wrk thread walks the list in
-- turn, from its own starting point, and sends every request as behind a TLS proxy
-- (X-Forwarded-Proto: https). Every answer is counted by its status code; at the end one line
-- starting with "load-check" gives the totals, wrk's error counters and the latency percentiles
-- in microseconds, as key=value pairs that bench/load.py reads.

local threads = {}

function setup(thread)
   thread:set("thread_number", #threads)
   table.insert(threads, thread)
end

local paths = {}
local position = 0
statuses = {}

function init(args)
   local file = assert(io.open(args[1], "r"), "cannot read the list of paths")
   for line in file:lines() do
      if line ~= "" then
         table.insert(paths, line)
      end
   end
   file:close()
   assert(#paths > 0, "the list of paths is empty")
   position = ((thread_number or 0) * 7919) % #paths
   wrk.headers["X-Forwarded-Proto"] = "https"
end

function request()
   position = position % #paths + 1
   return wrk.format("GET", paths[position])
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local counts = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         counts[status] = (counts[status] or 0) + count
      end
   end
   local parts = {
      "load-check",
      "requests=" .. summary.requests,
      "duration_us=" .. summary.duration,
      "bytes=" .. summary.bytes,
      "connect=" .. summary.errors.connect,
      "read=" .. summary.errors.read,
      "write=" .. summary.errors.write,
      "status=" .. summary.errors.status,
      "timeout=" .. summary.errors.timeout,
      "p50_us=" .. latency:percentile(50),
      "p90_us=" .. latency:percentile(90),
      "p99_us=" .. latency:percentile(99),
      "max_us=" .. latency.max,
      "mean_us=" .. string.format("%.0f", latency.mean),
   }
   for status, count in pairs(counts) do
      table.insert(parts, "code_" .. status .. "=" .. count)
   end
   io.write(table.concat(parts, " ") .. "\n")
end
