-- RateLimiter#reserve over freee's three windows in one step (InMemoryRateLimiter holds the same
-- rules). KEYS[1] is a hash (times are server epoch ms):
--   pu pc pw pl   the pause: until, cause, window, limit
--   nm            the minute's next free slot (no burst: slots one interval apart)
--   ms mu ml      the minute period's start, calls counted, limit (for headroom)
--   hs hu hl      the hour's period start, calls counted, limit
--   ds du dl      the same for the day
-- Only the minute is a pace; the hour and the day are budgets: spent, they hold calls until reset.
-- ARGV: 1 kind (1 create, 0 look-up); 2 longest acceptable wait (ms, negative when none);
-- 3 minute interval (ms); 4-6 window lengths (ms); 7-9 configured limits; 10-18 freee's figures
-- per window (limit, remaining, reset as ms from now; '-' when unknown); 19 lane (1 queued,
-- 0 interactive); 20 the interactive share (percent of a limit queued creates leave); 21 the
-- windows' phase (ms, 0 but in tests; see Quota).
-- Returns {1, wait} for a slot, {0, until - now, cause, window, limit} when held back (causes:
-- 1 spent, 2 paced, 3 blocked, 4 asked to wait, 5 the interactive share; windows 1 minute, 2 hour,
-- 3 day), {2} when the longest acceptable wait had already passed, {3, wait} when queued work's
-- slot is more than one interval away (ask again after wait). Nothing is reserved unless a slot is
-- returned.
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
local queued = ARGV[19] == '1'
local share = tonumber(ARGV[20])
local phase = tonumber(ARGV[21])
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

-- The most a call may bring a window's count to (Quota#capFor): look-ups the limit, creates the
-- limit less the look-ups' reserve, queued creates also less the interactive share.
local function cap_of(limit, lane_queued)
  if not create then
    return limit
  end
  local cap = limit - reserve_of(limit)
  if lane_queued then
    cap = cap - math.floor(limit * share / 100)
  end
  return cap
end

-- Moves a window to the period holding t; only forward, so a later period already begun stays.
local function roll(w, t)
  local start = t - ((t + phase) % len[w])
  if (s[w .. 's'] or -1) < start then
    s[w .. 's'] = start
    s[w .. 'u'] = 0
    s[w .. 'l'] = cfg[w]
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
  local c = nil
  if s[w .. 'u'] >= cap_of(s[w .. 'l'], false) then
    c = 1
  elseif s[w .. 'u'] >= cap_of(s[w .. 'l'], queued) then
    c = 5
  end
  local t = s[w .. 's'] + len[w]
  if c and t > slot then
    slot, cause, win, lim = t, c, i, s[w .. 'l']
  end
end
if slot - now > max_wait then
  if cause == 0 then
    return {2}
  end
  return {0, slot - now, cause, win, lim}
end
if queued and slot - now > interval then
  return {3, slot - interval - now}
end

s.nm = slot + interval
for _, w in ipairs(names) do
  roll(w, slot)
  s[w .. 'u'] = s[w .. 'u'] + 1
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
