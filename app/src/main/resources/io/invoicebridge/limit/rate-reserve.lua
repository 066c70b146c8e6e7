-- RateLimiter#reserve over freee's three windows in one step (InMemoryRateLimiter holds the same
-- rules). KEYS[1] is a hash (times are server epoch ms):
--   pu pc pw pl   the pause: until, cause, window, limit
--   nm            the minute's next free slot (no burst: slots one interval apart)
--   ms mu ml      the minute period's start, calls counted, limit (for headroom)
--   hs hu hl hn   the hour's period start, calls counted, limit, next paced slot for creates
--   ds du dl dn   the same for the day
-- ARGV: 1 kind (1 create, 0 look-up); 2 longest acceptable wait (ms, negative when none);
-- 3 minute interval (ms); 4-6 window lengths (ms); 7-9 configured limits; 10-18 freee's figures
-- per window (limit, remaining, reset as ms from now; '-' when unknown).
-- Returns {1, wait} for a slot, {0, until - now, cause, window, limit} when held back (causes:
-- 1 spent, 2 paced, 3 blocked, 4 asked to wait; windows 1 minute, 2 hour, 3 day), {2} when the
-- longest acceptable wait had already passed. Nothing is reserved unless a slot is returned.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local s = {}
local raw = redis.call('HGETALL', KEYS[1])
for i = 1, #raw, 2 do
  s[raw[i]] = tonumber(raw[i + 1])
end
local create = ARGV[1] == '1'
local max_wait = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local names = {'m', 'h', 'd'}
local len, cfg = {}, {}
for i, w in ipairs(names) do
  len[w] = tonumber(ARGV[3 + i])
  cfg[w] = tonumber(ARGV[6 + i])
end

-- The share of a limit creates leave to look-ups: one in 50, at least one.
local function reserve_of(limit)
  if limit < 2 then
    return 0
  end
  return math.max(1, math.floor(limit / 50))
end

-- Moves a window to the period holding t; only forward, so a later period already begun stays.
local function roll(w, t)
  local start = t - (t % len[w])
  if (s[w .. 's'] or -1) < start then
    s[w .. 's'] = start
    s[w .. 'u'] = 0
    s[w .. 'l'] = cfg[w]
    s[w .. 'n'] = 0
  end
end

for _, w in ipairs(names) do
  roll(w, now)
end
-- freee's figures tighten the period they describe (never loosen it).
for i, w in ipairs(names) do
  local base = 9 + (i - 1) * 3
  local limit, remaining, reset = tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
  if remaining and reset and math.abs(now + reset - (s[w .. 's'] + len[w])) <= len[w] / 100 then
    if limit and limit > 0 and limit < s[w .. 'l'] then
      s[w .. 'l'] = limit
    end
    s[w .. 'u'] = math.max(s[w .. 'u'], s[w .. 'l'] - remaining)
  end
end

local slot, cause, win, lim = now, 0, 0, 0
if (s.pu or 0) > slot then
  slot, cause, win, lim = s.pu, s.pc, s.pw, s.pl
end
if (s.nm or 0) > slot then
  slot, cause, win, lim = s.nm, 2, 1, cfg.m
end
for i = 2, 3 do
  local w = names[i]
  local cap = s[w .. 'l']
  if create then
    cap = cap - reserve_of(s[w .. 'l'])
  end
  local t, c = nil, nil
  if s[w .. 'u'] >= cap then
    t, c = s[w .. 's'] + len[w], 1
  elseif create then
    t, c = math.max(now, s[w .. 'n']), 2
  end
  if t and t > slot then
    slot, cause, win, lim = t, c, i, s[w .. 'l']
  end
end
if slot - now > max_wait then
  if cause == 0 then
    return {2}
  end
  return {0, slot - now, cause, win, lim}
end

s.nm = slot + interval
for i, w in ipairs(names) do
  roll(w, slot)
  s[w .. 'u'] = s[w .. 'u'] + 1
  if i > 1 and create then
    -- What remains for creates, this call included, spread evenly over what remains of time.
    local left = math.max(1, s[w .. 'l'] - reserve_of(s[w .. 'l']) - s[w .. 'u'] + 1)
    s[w .. 'n'] = slot + math.floor((s[w .. 's'] + len[w] - slot) / left)
  end
end
local fields = {}
for name, value in pairs(s) do
  fields[#fields + 1] = name
  fields[#fields + 1] = string.format('%d', value)
end
redis.call('HSET', KEYS[1], unpack(fields))
-- Kept two days: the day's count must outlive the day it counts.
redis.call('PEXPIRE', KEYS[1], 2 * len.d)
return {1, slot - now}
