-- RedisBatchQueue#take: leases the earliest due message. KEYS[1] queue (sorted set scored by the
-- time a member is due, ms). ARGV[1] lease (ms). A leased member stays in the set, due again when
-- its lease ends, so a worker that dies mid-item leaves it for another one. Times are the Redis
-- server's, the one clock every instance shares. Returns the member, or false when none is due.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 1)
if #due == 0 then
  return false
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), due[1])
return due[1]
