-- RateLimiter#pauseInForce: {until - now (ms), cause, window, limit} of the pause in force, or {}
-- when none is.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local p = redis.call('HMGET', KEYS[1], 'pu', 'pc', 'pw', 'pl')
local until_ms = tonumber(p[1] or '0')
if until_ms <= now then
  return {}
end
return {until_ms - now, tonumber(p[2]), tonumber(p[3]), tonumber(p[4])}
