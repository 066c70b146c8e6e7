-- RateLimiter#reserve: GCRA with no burst. KEYS[1] holds the next free slot (server epoch ms);
-- pauses are folded into it. ARGV[1] interval between slots (ms), ARGV[2] the longest acceptable
-- wait (ms, negative when none is). Returns the wait (ms) until the reserved slot, or -1 when
-- that wait would be longer than ARGV[2] (nothing is reserved then).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local next_slot = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, next_slot)
local wait = slot - now
if wait > tonumber(ARGV[2]) then
  return -1
end
local following = slot + tonumber(ARGV[1])
-- Expires when the slot it names has passed: an absent key means "free now".
redis.call('SET', KEYS[1], following, 'PX', following - now)
return wait
