import { describe, expect, it } from 'vitest';
import { scoreProblem } from './review';

const t = (vi: string) => vi;

describe('scoreProblem', () => {
  const halves = { key: 'k', max: 5, halfPoints: true };
  const whole = { key: 'k', max: 10, halfPoints: false };
  it('takes the scale, with a comma or a dot, and half points where the rubric allows them', () => {
    expect(scoreProblem(t, halves, '')).toBeNull();
    expect(scoreProblem(t, halves, '4,5')).toBeNull();
    expect(scoreProblem(t, halves, '0')).toBeNull();
    expect(scoreProblem(t, whole, '10')).toBeNull();
  });
  it('names what is wrong as the reviewer types', () => {
    expect(scoreProblem(t, halves, '4.3')).toBe('Điểm theo bước 0,5.');
    expect(scoreProblem(t, whole, '7.5')).toBe('Điểm là số nguyên.');
    expect(scoreProblem(t, halves, '5.5')).toBe('Điểm từ 0 đến 5.');
    expect(scoreProblem(t, halves, '-1')).toBe('Điểm từ 0 đến 5.');
    expect(scoreProblem(t, halves, 'abc')).toBe('Điểm từ 0 đến 5.');
  });
});
