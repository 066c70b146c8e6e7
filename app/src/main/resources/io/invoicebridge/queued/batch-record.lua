-- QueuedBatchStore#record: stores an item's latest result; a final result is never replaced. The final
-- result that finishes a batch with a callback URL marks its callback pending in the same step.
-- KEYS[1] meta hash, KEYS[2] results hash, KEYS[3] finals set.
-- ARGV[1] index, ARGV[2] result JSON, ARGV[3] '1' when final.
-- Returns 1 when the caller must queue the callback: it finished the batch, or the batch is
-- finished and its callback still pending; else 0.
local function owed()
  local state = redis.call('HMGET', KEYS[1], 'finished', 'callback_status')
  return (state[1] == '1' and state[2] == 'pending') and 1 or 0
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  return 0
end
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then
  return owed()
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ttl)
if ARGV[3] ~= '1' then
  return 0
end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[3], ttl)
if redis.call('SCARD', KEYS[3]) ~= tonumber(redis.call('HGET', KEYS[1], 'size'))
    or redis.call('HSETNX', KEYS[1], 'finished', '1') == 0 then
  return 0
end
local url = redis.call('HGET', KEYS[1], 'callback_url')
if not url or url == '' then
  return 0
end
redis.call('HSET', KEYS[1], 'callback_status', 'pending', 'callback_attempts', 0)
return 1
