import { describe, expect, it } from 'vitest';
import { formDataToObject } from './server-action.ts';

describe('formDataToObject', () => {
  it('turns form fields into an object and drops Next.js action fields', () => {
    const form = new FormData();
    form.set('name', 'CI');
    form.set('expiresInDays', '30');
    form.set('$ACTION_ID_abc', '');
    expect(formDataToObject(form)).toEqual({ name: 'CI', expiresInDays: '30' });
  });

  it('passes plain objects through', () => {
    const input = { name: 'x' };
    expect(formDataToObject(input)).toBe(input);
  });
});
