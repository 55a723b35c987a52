-- wrk script for bench/load/run.sh: a realistic mix against bin/dev's server, mostly cached reads.
--
-- Environment (set by run.sh):
--   LOAD_USERS    space-separated "token:userId:slug" of signed-in seeded users (slug: an organization they belong to)
--   LOAD_EMAILS   space-separated emails for the rare sign-ins (password LOAD_PASSWORD)
--   LOAD_PASSWORD the seeded users' password
--   LOAD_RUN      a run-unique word, so created slugs never collide across wrk invocations
--   LOAD_NO_CACHE "1": every request carries Cache-Control: no-cache (the baseline: reads go to PostgreSQL)
--   LOAD_ONLY     "health": GET /health only (the floor); "reads": the mix without its writes and sign-ins
--   LOAD_RESULT   file that done() writes "key value" lines to, for run.sh's summary
--
-- Each thread has exactly one connection (run.sh passes -t N -c N) and wrk sends no pipelined requests, so the
-- response() after a request() is that request's response: statuses and x-cache values are counted per kind.
-- request() has no lasting effect before its response(): wrk 4.1 calls request() once more on its first thread's
-- state to check the request's shape (script_verify_request) and never sends that one, so an organization is
-- "created" only when a 201 came back, and "deleted" only when its DELETE was answered.

-- kind, weight (per 1,000 requests), expected status
local MIX = {
    {"get_user", 250, 200},       -- GET /users/{id}, anonymous or signed in (emails shown to colleagues)
    {"list_users", 150, 200},     -- GET /users?limit=20
    {"get_org", 150, 200},        -- GET /organizations/{slug}
    {"me", 150, 200},             -- GET /me (the session check only: direct, no cached read)
    {"members", 150, 200},        -- GET /organizations/{slug}/members
    {"my_orgs", 96, 200},         -- GET /organizations
    {"missing_user", 20, 404},    -- GET /users/{unknown id}: an expected 404
    {"create_org", 15, 201},      -- POST /organizations with a unique slug, or when this thread's last one is still
                                  -- there, DELETE it (cascading to members): memberships stay bounded
    {"patch_me", 15, 200},        -- PATCH /me (renames the user: invalidates cached reads of "user")
    {"sign_in", 4, 200},          -- POST /auth/sign-in (bcrypt, deliberately slow: kept rare)
    {"delete_org", 0, 204},       -- DELETE /organizations/{slug}: picked through create_org
}
if os.getenv("LOAD_ONLY") == "health" then
    MIX = {{"health", 1, 200}} -- GET /health: the floor (routing, pipeline, one SELECT 1; never cached)
elseif os.getenv("LOAD_ONLY") == "reads" then
    for i = #MIX, 1, -1 do
        local kind = MIX[i][1]
        if kind == "create_org" or kind == "delete_org" or kind == "patch_me" or kind == "sign_in" then
            table.remove(MIX, i)
        end
    end
end
local USER_IDS = {
    "usr_alice00000000000", "usr_bob0000000000000", "usr_charlie000000000", "usr_diana00000000000",
    "usr_eve0000000000000", "usr_frank00000000000", "usr_grace00000000000", "usr_henry00000000000",
    "usr_ivy0000000000000", "usr_jack000000000000",
}

local function words(text)
    local out = {}
    for word in string.gmatch(text or "", "%S+") do
        out[#out + 1] = word
    end
    return out
end

-- Latency is timed here, from request() to response(), on CLOCK_MONOTONIC: the latency histogram of Debian's wrk
-- 4.1.0 holds more samples than requests (e.g. 9,327 for 5,912 requests over one connection, summing to 110 s in a
-- 3 s run), so its percentiles are not used.
local ffi = require("ffi")
ffi.cdef("typedef struct { long tv_sec; long tv_nsec; } load_timespec; int clock_gettime(int, load_timespec *);")
local timespec = ffi.new("load_timespec")
local function clock()
    ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
    return tonumber(timespec.tv_sec) * 1e6 + tonumber(timespec.tv_nsec) / 1e3
end

-- main state: one entry per thread, read back in done()
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
    thread:set("thread_index", #threads)
end

-- thread state
local users, emails, picks = {}, {}, {}
local extra_headers = {}
local counter = 0
local current, started = nil, 0
local created, creator = nil, nil -- this thread's organization not deleted yet (its POST answered 201)
local creating, creating_by = nil, nil -- the slug of the POST in flight and its creator
local deleting = nil               -- the slug of the DELETE in flight, for the report of an unexpected answer
-- Flat tables only: wrk's thread:get() crashes copying nested tables (wrk 4.1).
counts = {}    -- "kind|s|<status>" and "kind|c|<x-cache>" -> responses
lat_kind = {}  -- per response: index of its kind in MIX
lat_us = {}    -- per response: microseconds from request() to response()
samples = {}   -- up to 5 unexpected responses: "kind status body"

function init(args)
    -- a new sequence per invocation: unknown ids repeated from the warm-up would be cached misses, i.e. hits
    math.randomseed(os.time() * 100 + thread_index)
    for _, entry in ipairs(words(os.getenv("LOAD_USERS"))) do
        local token, id, slug = entry:match("^([^:]+):([^:]+):([^:]+)$")
        users[#users + 1] = {token = token, id = id, slug = slug}
    end
    emails = words(os.getenv("LOAD_EMAILS"))
    if #users == 0 or #emails == 0 then
        error("LOAD_USERS and LOAD_EMAILS must be set (run bench/load/run.sh)")
    end
    if os.getenv("LOAD_NO_CACHE") == "1" then
        extra_headers["Cache-Control"] = "no-cache"
    end
    for i, m in ipairs(MIX) do
        for _ = 1, m[2] do
            picks[#picks + 1] = i
        end
    end
end

local function headers(user, json)
    local h = {}
    for k, v in pairs(extra_headers) do
        h[k] = v
    end
    if user then
        h["Authorization"] = "Bearer " .. user.token
    end
    if json then
        h["Content-Type"] = "application/json"
    end
    return h
end

local function build(kind, user)
    if kind == "health" then
        return wrk.format("GET", "/health", headers(nil))
    elseif kind == "get_user" then
        local viewer = math.random(2) == 1 and user or nil
        return wrk.format("GET", "/users/" .. USER_IDS[math.random(#USER_IDS)], headers(viewer))
    elseif kind == "list_users" then
        return wrk.format("GET", "/users?limit=20", headers(user))
    elseif kind == "get_org" then
        return wrk.format("GET", "/organizations/" .. user.slug, headers(user))
    elseif kind == "me" then
        return wrk.format("GET", "/me", headers(user))
    elseif kind == "members" then
        return wrk.format("GET", "/organizations/" .. user.slug .. "/members", headers(user))
    elseif kind == "my_orgs" then
        return wrk.format("GET", "/organizations", headers(user))
    elseif kind == "missing_user" then
        return wrk.format("GET", "/users/usr_nobody" .. string.format("%010d", math.random(99999999)), headers(nil))
    elseif kind == "create_org" then
        counter = counter + 1
        creating = string.format("ld-%s-%d-%d", os.getenv("LOAD_RUN") or "x", thread_index, counter)
        creating_by = user
        return wrk.format("POST", "/organizations", headers(user, true),
            string.format('{"name":"Load %s","slug":"%s"}', creating, creating))
    elseif kind == "delete_org" then
        deleting = created
        return wrk.format("DELETE", "/organizations/" .. created, headers(creator))
    elseif kind == "patch_me" then
        counter = counter + 1
        return wrk.format("PATCH", "/me", headers(user, true),
            string.format('{"name":"Load user %d-%d"}', thread_index, counter))
    else
        return wrk.format("POST", "/auth/sign-in", headers(nil, true), string.format(
            '{"email":"%s","password":"%s"}', emails[math.random(#emails)], os.getenv("LOAD_PASSWORD")))
    end
end

local DELETE_ORG = #MIX

function request()
    current = picks[math.random(#picks)]
    if MIX[current][1] == "create_org" and created then
        current = DELETE_ORG
    end
    started = clock()
    return build(MIX[current][1], users[math.random(#users)])
end

local function count(key)
    counts[key] = (counts[key] or 0) + 1
end

function response(status, headers, body)
    if current == nil then
        return
    end
    local kind, expected = MIX[current][1], MIX[current][3]
    lat_kind[#lat_kind + 1] = current
    lat_us[#lat_us + 1] = clock() - started
    count(kind .. "|s|" .. status)
    if kind == "create_org" and status == expected then
        created, creator = creating, creating_by
    elseif kind == "delete_org" then
        created, creator = nil, nil -- deleted, or reported below: either way the next write creates a new one
    end
    local cache = "none"
    for name, value in pairs(headers) do
        if string.lower(name) == "x-cache" then
            cache = value
        end
    end
    count(kind .. "|c|" .. cache)
    if status ~= expected and #samples < 5 then
        local what = kind == "delete_org" and (kind .. " " .. tostring(deleting)) or kind
        samples[#samples + 1] = what .. " " .. status .. " " .. string.sub(string.gsub(body or "", "%s+", " "), 1, 200)
    end
    current = nil
end

-- done() runs in the main state: merge the threads' counters, print them and write LOAD_RESULT
local function percentile(sorted, p)
    if #sorted == 0 then
        return 0
    end
    return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

local function merge()
    local all, unexpected, samples_all = {}, 0, {}
    for _, m in ipairs(MIX) do
        all[m[1]] = {n = 0, statuses = {}, cache = {}, lat = {}}
    end
    for _, thread in ipairs(threads) do
        for key, n in pairs(thread:get("counts")) do
            local kind, what, value = key:match("^([^|]+)|(%a)|(.*)$")
            local s = all[kind]
            if what == "s" then
                s.n = s.n + n
                s.statuses[tonumber(value)] = (s.statuses[tonumber(value)] or 0) + n
            else
                s.cache[value] = (s.cache[value] or 0) + n
            end
        end
        local kinds, values = thread:get("lat_kind"), thread:get("lat_us")
        for i, k in ipairs(kinds) do
            local lat = all[MIX[k][1]].lat
            lat[#lat + 1] = values[i]
        end
        for _, line in ipairs(thread:get("samples")) do
            samples_all[#samples_all + 1] = line
        end
    end
    for _, m in ipairs(MIX) do
        local s = all[m[1]]
        for status, n in pairs(s.statuses) do
            if status ~= m[3] then unexpected = unexpected + n end
        end
        table.sort(s.lat)
    end
    return all, unexpected, samples_all
end

local function cache_text(cache)
    local parts = {}
    for _, k in ipairs({"HIT", "STALE", "MISS", "BYPASS", "none"}) do
        if cache[k] then parts[#parts + 1] = k .. " " .. cache[k] end
    end
    return table.concat(parts, ", ")
end

function done(summary, latency, requests)
    local all, unexpected, samples_all = merge()
    local seconds = summary.duration / 1e6
    local e = summary.errors
    local socket = e.connect + e.read + e.write + e.timeout
    local totals = {HIT = 0, STALE = 0, MISS = 0, BYPASS = 0}
    io.write(string.format("\n%-13s %8s %9s %9s  %-24s %s\n", "kind", "count", "p50 ms", "p99 ms", "statuses",
        "x-cache"))
    for _, m in ipairs(MIX) do
        local s = all[m[1]]
        local st = {}
        for status, n in pairs(s.statuses) do st[#st + 1] = status .. "x" .. n end
        table.sort(st)
        for k, _ in pairs(totals) do totals[k] = totals[k] + (s.cache[k] or 0) end
        io.write(string.format("%-13s %8d %9.2f %9.2f  %-24s %s\n", m[1], s.n, percentile(s.lat, 50) / 1e3,
            percentile(s.lat, 99) / 1e3, table.concat(st, " "), cache_text(s.cache)))
    end
    local cached = totals.HIT + totals.STALE + totals.MISS + totals.BYPASS
    local lat = {}
    for _, s in pairs(all) do
        for _, v in ipairs(s.lat) do lat[#lat + 1] = v end
    end
    table.sort(lat)
    local result = {
        requests = summary.requests,
        seconds = string.format("%.2f", seconds),
        rps = string.format("%.1f", summary.requests / seconds),
        p50_ms = string.format("%.2f", percentile(lat, 50) / 1e3),
        p90_ms = string.format("%.2f", percentile(lat, 90) / 1e3),
        p99_ms = string.format("%.2f", percentile(lat, 99) / 1e3),
        max_ms = string.format("%.2f", percentile(lat, 100) / 1e3),
        unexpected = unexpected,
        socket_errors = socket,
        errors = unexpected + socket,
        hit = totals.HIT, stale = totals.STALE, miss = totals.MISS, bypass = totals.BYPASS,
        hit_ratio = cached == 0 and "n/a" or string.format("%.3f", (totals.HIT + totals.STALE) / cached),
    }
    io.write(string.format("%d requests in %.1f s: %s req/s; latency p50 %s ms, p90 %s ms, p99 %s ms, max %s ms\n",
        summary.requests, seconds, result.rps, result.p50_ms, result.p90_ms, result.p99_ms, result.max_ms))
    io.write(string.format("errors: %d unexpected statuses, %d socket (connect %d, read %d, write %d, timeout %d)\n",
        unexpected, socket, e.connect, e.read, e.write, e.timeout))
    io.write(string.format("x-cache: HIT %d, STALE %d, MISS %d, BYPASS %d; hit ratio (HIT+STALE)/all %s\n",
        totals.HIT, totals.STALE, totals.MISS, totals.BYPASS, result.hit_ratio))
    for _, line in ipairs(samples_all) do
        io.write("unexpected: " .. line .. "\n")
    end
    local path = os.getenv("LOAD_RESULT")
    if path then
        local f = assert(io.open(path, "w"))
        for k, v in pairs(result) do f:write(k, " ", tostring(v), "\n") end
        f:close()
    end
end
