-- Per-key token buckets shared by every replica: the arithmetic of auth/rate-limit.ts, run
-- atomically inside Redis so concurrent requests on different replicas can never both spend the
-- last token. Each bucket holds up to one minute's allowance and refills continuously.
-- KEYS[1] the key's request bucket, KEYS[2] its token bucket (hashes: l = level, t = time in ms)
-- ARGV[1] 'take' or 'charge'
-- ARGV[2] requests per minute, ARGV[3] tokens per minute (0 = no such limit)
-- ARGV[4] tokens: the request's estimate (take) or tokens learnt after the answer (charge)
-- ARGV[5] the time in ms, or '' for Redis's own clock (one clock for all replicas)
-- take returns {1} when both buckets can pay (both then pay), else {0, ms to wait, 1 | 2 = which}
-- charge takes the tokens from the token bucket, which may go below zero (a debt) and returns {1}
local MINUTE = 60000
local now
if ARGV[5] ~= '' then
  now = tonumber(ARGV[5])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function level(key, perMinute)
  local saved = redis.call('HMGET', key, 'l', 't')
  local l, t = tonumber(saved[1]), tonumber(saved[2])
  if l == nil or t == nil then return perMinute end
  return math.min(perMinute, l + math.max(0, now - t) * perMinute / MINUTE)
end

local function store(key, l, perMinute)
  redis.call('HSET', key, 'l', string.format('%.17g', l), 't', string.format('%d', now))
  -- a bucket left alone is full again after this long, and then it need not be kept
  redis.call('PEXPIRE', key, math.ceil((perMinute - l) * MINUTE / perMinute) + 1000)
end

local rpm, tpm, tokens = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if ARGV[1] == 'charge' then
  if tpm > 0 and tokens > 0 then store(KEYS[2], level(KEYS[2], tpm) - tokens, tpm) end
  return {1}
end

-- a request larger than a whole minute's token allowance could never pass; it pays a full bucket
local limits = { { KEYS[1], rpm, 1 }, { KEYS[2], tpm, math.min(math.max(0, tokens), tpm) } }
local levels = {}
local worstWait, worst = -1, 0
for i, limit in ipairs(limits) do
  if limit[2] > 0 then
    levels[i] = level(limit[1], limit[2])
    if levels[i] < limit[3] then
      local wait = (limit[3] - levels[i]) * MINUTE / limit[2]
      if wait > worstWait then worstWait, worst = wait, i end
    end
  end
end
if worst > 0 then return { 0, math.ceil(worstWait), worst } end
for i, limit in ipairs(limits) do
  if limit[2] > 0 then store(limit[1], levels[i] - limit[3], limit[2]) end
end
return { 1 }
