-- Ledger#claim: claims KEYS[1] unless a live record holds it, in one atomic step.
-- ARGV[1] owner token, ARGV[2] payload hash, ARGV[3] claim TTL (ms), ARGV[4] retention (ms).
-- Returns {'acquired', fence, reconcile (0 or 1)} or {'held', field, value, ...}.
-- The server's clock judges expiry, so instances with skewed clocks agree on it.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local fields = redis.call('HGETALL', KEYS[1])
local fence = 1
local reconcile = 0
if #fields > 0 then
  local record = {}
  for i = 1, #fields, 2 do
    record[fields[i]] = fields[i + 1]
  end
  if record.state ~= 'claimed' or tonumber(record.expires_at) > now then
    table.insert(fields, 1, 'held')
    return fields
  end
  -- An expired claim: its owner may have created the invoice, so the taker must reconcile.
  fence = tonumber(record.fence) + 1
  reconcile = 1
end
redis.call('HSET', KEYS[1], 'state', 'claimed', 'owner', ARGV[1], 'fence', fence,
  'hash', ARGV[2], 'expires_at', now + tonumber(ARGV[3]))
-- Kept past the claim's own expiry, so the next claimer learns it must reconcile.
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {'acquired', fence, reconcile}
