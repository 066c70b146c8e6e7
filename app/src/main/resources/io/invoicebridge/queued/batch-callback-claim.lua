-- QueuedBatchStore#claimCallback: claims and counts the next attempt at a finished batch's pending
-- callback. KEYS[1] meta hash, KEYS[2] claim. ARGV[1] owner, ARGV[2] lease (ms), ARGV[3] most
-- attempts. The claim expires by itself (PX), so a worker that stops mid-send frees it.
-- Returns {'claimed', attempt}, {'busy', 0}, {'spent', attempts} or {'not-owed', 0}.
local state = redis.call('HMGET', KEYS[1], 'finished', 'callback_status', 'callback_attempts')
if state[1] ~= '1' or state[2] ~= 'pending' then
  return {'not-owed', 0}
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {'busy', 0}
end
local attempts = tonumber(state[3]) or 0
if attempts >= tonumber(ARGV[3]) then
  return {'spent', attempts}
end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return {'claimed', redis.call('HINCRBY', KEYS[1], 'callback_attempts', 1)}
