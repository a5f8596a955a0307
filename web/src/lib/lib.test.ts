import { describe, expect, it } from 'vitest';
import { sessionFromToken } from './auth';
import { date, dateTime, fromLocalInput, toLocalInput, vnd, workingDaysBetween } from './format';
import { match } from './router';
import { errorsAt } from '../ui/common';

const b64 = (o: object) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`;

describe('sessionFromToken', () => {
  it('reads roles, organisation and a Vietnamese name as the server does', () => {
    const s = sessionFromToken(jwt({ sub: 'f1', name: 'Trần Thị Gió', roles: ['STARTUP_MEMBER'], org: 'U3RhcnR1cDox', exp: 2_000_000_000 }));
    expect(s).toMatchObject({ subject: 'f1', name: 'Trần Thị Gió', roles: ['STARTUP_MEMBER'], org: 'U3RhcnR1cDox', expiresAt: 2_000_000_000_000 });
  });
  it("falls back to Keycloak's realm roles and preferred_username", () => {
    const s = sessionFromToken(jwt({ sub: 'k', preferred_username: 'inv', realm_access: { roles: ['INVESTOR'] } }));
    expect(s.roles).toEqual(['INVESTOR']);
    expect(s.name).toBe('inv');
    expect(s.org).toBeNull();
  });
  it('refuses what is not a JWT', () => {
    expect(() => sessionFromToken('nonsense')).toThrow();
  });
});

describe('format', () => {
  it('shows VND exactly with the locale grouping, beyond 2^53', () => {
    expect(vnd('vi', '1500000000')).toBe('1.500.000.000 ₫');
    expect(vnd('en', '9007199254740993')).toBe('9,007,199,254,740,993 ₫');
  });
  it("shows times in Hai Phong's zone whatever the browser's", () => {
    expect(dateTime('en', '2026-12-01T17:30:00Z')).toContain('00:30');
    expect(date('en', '2026-12-01T17:30:00Z')).toBe('2 Dec 2026');
    expect(date('vi', '2026-12-01')).toContain('2026');
  });
  it('round-trips the datetime-local value through UTC+7', () => {
    expect(toLocalInput('2026-12-01T17:30:00Z')).toBe('2026-12-02T00:30');
    expect(fromLocalInput('2026-12-02T00:30')).toBe('2026-12-01T17:30:00.000Z');
  });
});

describe('router', () => {
  it('matches parameters and decodes them', () => {
    expect(match('/calls/:id', '/calls/RnVuZENhbGw6MQ%3D%3D')).toEqual({ id: 'RnVuZENhbGw6MQ==' });
    expect(match('/manage/events/:id/check-in', '/manage/events/x/check-in')).toEqual({ id: 'x' });
    expect(match('/calls/:id', '/calls')).toBeNull();
    expect(match('/calls', '/calls/')).toEqual({});
  });
});

describe('errorsAt', () => {
  const errors = [
    { field: ['input', 'answers', 'solution', 'text'], code: 'TOO_SHORT', message: 'short' },
    { field: ['input', 'requestedAmountVnd'], code: 'OUT_OF_RANGE', message: 'range' },
    { field: null, code: 'DEADLINE_PASSED', message: 'late' },
  ];
  it('finds an answer error by its question key, nested fields included', () => {
    expect(errorsAt(errors, 'answers.solution').map((e) => e.code)).toEqual(['TOO_SHORT']);
    expect(errorsAt(errors, 'requestedAmountVnd').map((e) => e.code)).toEqual(['OUT_OF_RANGE']);
    expect(errorsAt(errors, 'answers.sol')).toEqual([]);
  });
});

describe('workingDaysBetween', () => {
  it('counts Monday to Friday without the holidays, negative once passed', () => {
    // Thu 2026-12-31 → Mon 2027-01-04 with New Year's Day off: Monday only.
    expect(workingDaysBetween('2026-12-31', '2027-01-04', ['2027-01-01'])).toBe(1);
    expect(workingDaysBetween('2026-12-31', '2027-01-04', [])).toBe(2);
    expect(workingDaysBetween('2027-01-04', '2026-12-31', ['2027-01-01'])).toBe(-1);
    expect(workingDaysBetween('2026-12-01', '2026-12-01', [])).toBe(0);
  });
});
