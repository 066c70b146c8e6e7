-- Ledger#release: deletes the owner's claim, compare-and-delete on the owner.
-- ARGV[1] owner token. Returns 1, or 0 when not the owner (nothing deleted then).
local current = redis.call('HMGET', KEYS[1], 'state', 'owner')
if current[1] ~= 'claimed' or current[2] ~= ARGV[1] then
  return 0
end
return redis.call('DEL', KEYS[1])
