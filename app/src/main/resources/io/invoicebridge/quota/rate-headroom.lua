-- RateLimiter#headroom: for the minute, the hour and the day, {limit, remaining, reset - now (ms)}
-- as counted in KEYS[1] (see rate-reserve.lua). ARGV 1-3 window lengths (ms), 4-6 configured
-- limits, 7 the windows' phase (ms). Reads only.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local out = {}
for i, w in ipairs({'m', 'h', 'd'}) do
  local len = tonumber(ARGV[i])
  local start = now - ((now + tonumber(ARGV[7])) % len)
  local f = redis.call('HMGET', KEYS[1], w .. 's', w .. 'u', w .. 'l')
  local s = tonumber(f[1] or '-1')
  local limit, used = tonumber(ARGV[3 + i]), 0
  if s >= start then
    start, used, limit = s, tonumber(f[2]), tonumber(f[3])
  end
  out[#out + 1] = limit
  out[#out + 1] = math.max(0, limit - used)
  out[#out + 1] = start + len - now
end
return out
