-- QueuedBatchStore#releaseCallback: deletes the callback claim if ARGV[1] still owns it. KEYS[1] claim.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
