-- RedisBatchQueue send and hand back: removes one member (if given) and adds others, due after a
-- delay on the Redis server's clock. KEYS[1] queue. ARGV[1] member to remove ('' for none),
-- ARGV[2] delay (ms), ARGV[3..] members to add. Returns the number added.
local time = redis.call('TIME')
local due = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[2])
if ARGV[1] ~= '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
end
local added = 0
for i = 3, #ARGV do
  added = added + redis.call('ZADD', KEYS[1], due, ARGV[i])
end
return added
