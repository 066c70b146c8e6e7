-- BatchStore#record: stores an item's latest result; a final result is never replaced.
-- KEYS[1] meta hash, KEYS[2] results hash, KEYS[3] finals set.
-- ARGV[1] index, ARGV[2] result JSON, ARGV[3] '1' when final.
-- Returns 1 for the one call whose final result finished the batch, else 0.
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 or redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ttl)
if ARGV[3] ~= '1' then
  return 0
end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[3], ttl)
if redis.call('SCARD', KEYS[3]) == tonumber(redis.call('HGET', KEYS[1], 'size')) then
  return redis.call('HSETNX', KEYS[1], 'finished', '1')
end
return 0
