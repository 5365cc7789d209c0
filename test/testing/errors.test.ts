import { describe, expect, it } from 'vitest';
import { serviceErrorFor } from '../../src/errors/service.js';
import { EXCEPTION_STATUS } from '../../src/testing/index.js';

const metadata = { httpStatusCode: 0, attempts: 1, totalRetryDelay: 0 };
/** The class name the client gives a bare status (no error type, no body). */
const clientClassFor = (status: number): string => serviceErrorFor(status, '', { ...metadata, httpStatusCode: status }, {}).name;

describe('EXCEPTION_STATUS', () => {
  it('is the client mapping: every status the client maps to a Pinpoint exception, and no other', () => {
    const clientTable = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => 100 + i).map((s) => [clientClassFor(s), s] as const).filter(([name]) => name !== 'PinpointServiceError'),
    );
    expect(EXCEPTION_STATUS).toEqual(clientTable);
  });

  it.each(Object.entries(EXCEPTION_STATUS))('the client reads the mock\'s %s by its name, whatever the status', (name) => {
    expect(serviceErrorFor(599, '', metadata, { 'x-amzn-errortype': name }).name).toBe(name);
  });
});
