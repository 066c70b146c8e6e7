-- QueuedBatchStore#settleCallback: a pending callback becomes ARGV[1] ('delivered' or 'failed'); a
-- settled one stays. Any claim ends. KEYS[1] meta hash, KEYS[2] claim.
if redis.call('HGET', KEYS[1], 'callback_status') == 'pending' then
  redis.call('HSET', KEYS[1], 'callback_status', ARGV[1])
end
redis.call('DEL', KEYS[2])
return 1
