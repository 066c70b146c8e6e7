-- QueuedBatchStore#find: a consistent picture of one batch in one round trip.
-- KEYS[1] meta hash, KEYS[2] items list, KEYS[3] results hash, KEYS[4] finals set.
-- Returns {meta fields and values, items, result indexes and JSON, final indexes}.
return {
  redis.call('HGETALL', KEYS[1]),
  redis.call('LRANGE', KEYS[2], 0, -1),
  redis.call('HGETALL', KEYS[3]),
  redis.call('SMEMBERS', KEYS[4])
}
