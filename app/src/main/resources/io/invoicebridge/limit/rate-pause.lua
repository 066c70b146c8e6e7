-- RateLimiter#pauseUntil: no slot before now + ARGV[1] (ms); never shortens a later slot.
-- KEYS[1] holds the next free slot (server epoch ms). Returns 1 when the pause was extended.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local next_slot = tonumber(redis.call('GET', KEYS[1]) or '0')
local resume = now + tonumber(ARGV[1])
if resume <= math.max(now, next_slot) then
  return 0
end
redis.call('SET', KEYS[1], resume, 'PX', resume - now)
return 1
