/** The seed's three example policies (account filled in, one project named project1) and the other fixtures, loaded once. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const ENV = { region: REGION, accountId: ACCOUNT } as const;
export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const load = (name: string): object => JSON.parse(readFileSync(fixturePath(name), 'utf8')) as object;

export const administrator = load('administrator.json');
export const readOnly = load('read-only.json');
export const readOnlyProject = load('read-only-project.json');
export const denyDeletes = load('deny-deletes.json');
export const arn = (resource: string): string => `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:${resource}`;
