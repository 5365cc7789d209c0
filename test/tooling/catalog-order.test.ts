import { describe, expect, it } from 'vitest';
import { actions } from '../../generated/actions.js';
import { catalogActions } from '../../src/tooling/catalog.js';

describe('catalogActions', () => {
  it('is in the order localeCompare gives (without paying for ICU at import)', () => {
    const want = Object.values(actions).map((a) => a.action).sort((a, b) => a.localeCompare(b, 'en'));
    expect(catalogActions.map((a) => a.action)).toEqual(want);
  });
});
