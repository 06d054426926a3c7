import { describe, expect, it } from 'vitest';
import { avatarHue, initials } from './avatar';

describe('initials', () => {
  it('takes the first and last words', () => {
    expect(initials('Helen Okafor')).toBe('HO');
    expect(initials('Anne-Marie de la Cruz')).toBe('AC');
    expect(initials('dan')).toBe('D');
  });

  it('copes with accents, symbols and emptiness', () => {
    expect(initials('Tomasz Wiśniewski')).toBe('TW');
    expect(initials('élodie')).toBe('É');
    expect(initials('<script>')).toBe('S');
    expect(initials('   ')).toBe('?');
    expect(initials('!!!')).toBe('?');
  });
});

describe('avatarHue', () => {
  it('is stable and within the colour wheel', () => {
    expect(avatarHue('Helen Okafor')).toBe(avatarHue('Helen Okafor'));
    expect(avatarHue('x')).toBeGreaterThanOrEqual(0);
    expect(avatarHue('x')).toBeLessThan(360);
  });
});
