-- TokenStore#replace. KEYS[1] holds the sealed token record, 'v1.<key id>.<fence>.<sealed>',
-- whose fence is the SHA-256 (hex) of its refresh token. ARGV[1]: the fence of the record the
-- writer read ('' when it read none); ARGV[2]: the fence of the new record; ARGV[3]: the new
-- sealed record. Writes only over the refresh token the writer read, or over its own (a retry
-- after a write whose answer was lost), so a writer whose lock lease ran out never puts an older
-- record back. Returns 1 when written, 0 when the store holds another refresh token.
local stored = redis.call('GET', KEYS[1])
local fence = ''
if stored then
  fence = string.match(stored, '^v1%.[^.]+%.(%x+)%.') or 'not sealed'
end
if fence ~= ARGV[1] and fence ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
return 1
