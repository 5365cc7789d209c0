import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const exec = promisify(execFile);
async function codegen(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'codegen/cli.ts', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('codegen CLI', () => {
  it('writes, then --check passes; a stale, a missing and an extra file each fail --check by name', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-gen-'));
    try {
      expect((await codegen('--out', out)).code).toBe(0);
      expect(await codegen('--check', '--out', out)).toMatchObject({ code: 0 });
      writeFileSync(join(out, 'client.ts'), readFileSync(join(out, 'client.ts'), 'utf8') + '// edited by hand\n');
      rmSync(join(out, 'docs', 'actions', 'get-segment.md'));
      writeFileSync(join(out, 'docs', 'stray.md'), 'x');
      const r = await codegen('--check', '--out', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/stale: .*client\.ts/);
      expect(r.stderr).toMatch(/missing: .*docs\/actions\/get-segment\.md/);
      expect(r.stderr).toMatch(/extra: .*docs\/stray\.md/);
      // --check wrote nothing.
      expect(readFileSync(join(out, 'client.ts'), 'utf8')).toMatch(/edited by hand/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);

  it('exits 2 on a malformed catalog, listing each problem as file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cat-'));
    try {
      cpSync('catalog', join(dir, 'catalog'), { recursive: true });
      const file = join(dir, 'catalog', 'actions', 'segments.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('    method: GET\n    path: /v1/apps/{ApplicationId}/segments/{SegmentId}\n', '    method: FETCH\n    path: /v1/apps/{ApplicationId}/segments/{SegmentId}\n'));
      const r = await codegen('--check', '--catalog', join(dir, 'catalog'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^the catalog has 1 problem:\ncatalog\/actions\/segments\.yaml:\d+:13: \[\d+\]\.http\.method: expected one of GET, POST, PUT, DELETE, PATCH, got "FETCH"$/m);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
