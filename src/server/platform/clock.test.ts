import { describe, expect, it } from 'vitest';
import { createClock, dateIn } from './clock.js';
import { loadConfig } from './config.js';

describe('clock', () => {
  it('runs on real time until moved, then on from where it was set', () => {
    let real = Date.parse('2026-12-07T10:00:00Z');
    const clock = createClock(true, () => real);
    expect(clock.now().toISOString()).toBe('2026-12-07T10:00:00.000Z');
    clock.set(new Date('2027-06-01T00:00:00Z'));
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2027-06-01T00:01:00.000Z');
    clock.set(null);
    expect(clock.now().getTime()).toBe(real);
    expect(clock.offsetMs()).toBe(0);
  });

  it('refuses to move where it is not controllable', () => {
    const clock = createClock(false);
    expect(() => clock.set(new Date())).toThrow(/not controllable/);
  });

  it('is controllable only when asked for, and never in production', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).clockControl).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', NCPP_CLOCK_CONTROL: '1' }).clockControl).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', NCPP_CLOCK_CONTROL: '1' })).toThrow(/NCPP_CLOCK_CONTROL/);
  });

  it("gives the country's calendar date, not UTC's", () => {
    // 20:00 UTC is already the next day in Dhaka (UTC+6).
    expect(dateIn(new Date('2026-12-07T20:00:00Z'), 'Asia/Dhaka')).toBe('2026-12-08');
    expect(dateIn(new Date('2026-12-07T17:00:00Z'), 'Asia/Dhaka')).toBe('2026-12-07');
  });
});
