-- Seals a token record that an older version stored as plaintext JSON. KEYS[1]: the token record;
-- ARGV[1]: the plaintext exactly as read; ARGV[2]: its sealed form. Only while the record is still
-- that plaintext. Returns 1 when sealed, 0 when the record changed meanwhile.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
