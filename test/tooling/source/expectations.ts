/** The fixture's `// expect:` comments: each marks a call site and says what the analysis must make of it. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
export const ENV = { region: 'us-east-1', accountId: '123456789012' } as const;
export const ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:';

export interface Expectation {
  /** `src/segments.ts:5` */
  readonly site: string;
  /** `GetSegment`, or `unresolved`. */
  readonly action: string;
  /** The resource after `arn:...:<account>:`, for a resolved call. */
  readonly resource?: string;
}

/** The two small backends (a server sending texts and one-time passwords, an admin script beside it): this client, the SDK. */
export const BACKENDS = { client: fileURLToPath(new URL('./backends/client', import.meta.url)), sdk: fileURLToPath(new URL('./backends/sdk', import.meta.url)) } as const;

export function expectations(project: string = FIXTURE): Expectation[] {
  const dir = `${project}/src`;
  return readdirSync(dir).sort().flatMap((file) => readFileSync(`${dir}/${file}`, 'utf8').split('\n').flatMap((line, i) => {
    const m = /\/\/ expect: (\S+)(?: (\S+))?$/.exec(line);
    return m === null ? [] : [{ site: `src/${file}:${i + 1}`, action: m[1] as string, ...(m[2] !== undefined ? { resource: m[2] } : {}) }];
  }));
}
