-- Ledger#complete: turns the owner's claim into a created record, compare-and-set on the owner.
-- ARGV[1] owner token, ARGV[2] invoice id, ARGV[3] invoice number ('' when none),
-- ARGV[4] created at (ISO-8601), ARGV[5] retention (ms). Returns 1, or 0 when not the owner.
local current = redis.call('HMGET', KEYS[1], 'state', 'owner', 'hash', 'fence')
if current[1] ~= 'claimed' or current[2] ~= ARGV[1] then
  return 0
end
local created = {'state', 'created', 'hash', current[3], 'fence', current[4],
  'invoice_id', ARGV[2], 'created_at', ARGV[4]}
if ARGV[3] ~= '' then
  table.insert(created, 'invoice_number')
  table.insert(created, ARGV[3])
end
-- Replaced whole (no claim field survives), with its retention, in this one atomic step.
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(created))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
