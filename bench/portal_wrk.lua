-- wrk script for bench/portal.sh: rotates over the logged-in messages.
--
--   wrk ... -s bench/portal_wrk.lua https://127.0.0.1:PORT -- PAIRS MODE
--
-- PAIRS: a file with one "<path> <cookie>" line per logged-in message
-- (path is /m/<token>). MODE:
--   view     GET <path>/view with that message's session cookie
--   landing  GET <path> without a cookie (the landing page)
--   static   GET /static/portal.css
-- Every response's status is checked: done() prints "non200 N" (any status
-- but 200, redirects included: a session that stopped working answers 303)
-- and the figures as "key value" lines for the script to read.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    local pairs_file, mode = args[1], args[2]
    paths, headers = {}, {}
    for line in io.lines(pairs_file) do
        local path, cookie = line:match("^(%S+)%s+(%S+)$")
        if path then
            if mode == "view" then
                table.insert(paths, path .. "/view")
                table.insert(headers, { Cookie = cookie })
            elseif mode == "landing" then
                table.insert(paths, path)
                table.insert(headers, {})
            elseif mode == "static" then
                table.insert(paths, "/static/portal.css")
                table.insert(headers, {})
            else
                error("unknown mode " .. tostring(mode))
            end
        end
    end
    if #paths == 0 then
        error("no paths in " .. tostring(pairs_file))
    end
    -- Threads start at different messages.
    i = math.random(#paths) - 1
    non200 = 0
    statuses = ""
end

function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i], headers[i])
end

function response(status, hdrs, body)
    if status ~= 200 then
        non200 = non200 + 1
        if #statuses < 60 then
            statuses = statuses .. " " .. status
        end
    end
end

function done(summary, latency, requests)
    local bad, seen = 0, ""
    for _, t in ipairs(threads) do
        bad = bad + t:get("non200")
        seen = seen .. t:get("statuses")
    end
    local e = summary.errors
    io.write(string.format("non200 %d%s\n", bad, seen ~= "" and (" (statuses:" .. seen .. ")") or ""))
    io.write(string.format("socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
    io.write(string.format("requests %d\n", summary.requests))
    io.write(string.format("bytes %d\n", summary.bytes))
    io.write(string.format("rps %.1f\n", summary.requests / (summary.duration / 1e6)))
    for _, p in ipairs({ 50, 90, 99 }) do
        io.write(string.format("p%d_us %d\n", p, latency:percentile(p)))
    end
    io.write(string.format("max_us %d\n", latency.max))
end
