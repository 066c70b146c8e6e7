-- TokenLock#release: deletes KEYS[1] only while it still holds ARGV[1] (the lease's owner token).
-- Returns 1 when released, 0 when the lease had expired (someone else may hold the lock).
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
