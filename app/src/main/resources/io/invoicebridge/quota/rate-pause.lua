-- RateLimiter#pause: no slot before now + ARGV[1] (ms); never shortens a pause in force.
-- ARGV[2] cause, ARGV[3] window, ARGV[4] limit (codes as in rate-reserve.lua); ARGV[5] how long
-- the hash must live at least (ms). Returns 1 when the pause was extended.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'pu') or '0')
if until_ms <= current then
  return 0
end
redis.call('HSET', KEYS[1], 'pu', string.format('%d', until_ms), 'pc', ARGV[2], 'pw', ARGV[3], 'pl', ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[1]), tonumber(ARGV[5])))
return 1
