-- QueuedBatchStore#item: one item's text, whether its result is final, and whether the batch's callback
-- is owed (finished, callback pending), in one round trip.
-- KEYS[1] meta hash, KEYS[2] items list, KEYS[3] finals set. ARGV[1] index.
-- Returns nil when the batch or the item is gone, else {text, 0|1 settled, 0|1 callback owed}.
local text = redis.call('LINDEX', KEYS[2], tonumber(ARGV[1]))
if not text then
  return nil
end
local state = redis.call('HMGET', KEYS[1], 'finished', 'callback_status')
local owed = (state[1] == '1' and state[2] == 'pending') and 1 or 0
return {text, redis.call('SISMEMBER', KEYS[3], ARGV[1]), owed}
