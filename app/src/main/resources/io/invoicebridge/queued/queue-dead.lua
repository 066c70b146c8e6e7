-- RedisBatchQueue#deadLetter: moves a member from the queue to the dead letters (the newest
-- 1000 kept). KEYS[1] queue, KEYS[2] dead-letter list. ARGV[1] member, ARGV[2] entry.
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, 999)
return 1
