-- QueuedBatchStore#submit: records a batch and its items, or answers the batch already recorded under
-- the caller's Idempotency-Key. KEYS[1] meta hash, KEYS[2] items list, KEYS[3] idempotency key.
-- ARGV[1] retention (ms), ARGV[2] id, ARGV[3] body hash, ARGV[4] '1' when KEYS[3] is used,
-- ARGV[5] created at, ARGV[6] dry run ('1'/'0'), ARGV[7] callback URL ('' for none),
-- ARGV[8..] the items. Returns {earlier (1/0), 'id|body hash'}.
if ARGV[4] == '1' then
  local earlier = redis.call('GET', KEYS[3])
  if earlier then
    return {1, earlier}
  end
end
local size = #ARGV - 7
redis.call('HSET', KEYS[1], 'created_at', ARGV[5], 'dry_run', ARGV[6], 'callback_url', ARGV[7],
  'body_hash', ARGV[3], 'size', size)
-- In slices: unpack of thousands of values at once could overflow Lua's stack.
for first = 8, #ARGV, 100 do
  redis.call('RPUSH', KEYS[2], unpack(ARGV, first, math.min(first + 99, #ARGV)))
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
local answer = ARGV[2] .. '|' .. ARGV[3]
if ARGV[4] == '1' then
  redis.call('SET', KEYS[3], answer, 'PX', ARGV[1])
end
return {0, answer}
