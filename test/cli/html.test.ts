/**
 * The HTML matrix as a browser sees it: headless Chromium (Debian's `chromium`) dumps the DOM it built and takes a
 * screenshot, which pngjs decodes to check it is not blank and shows the decision colours.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'pinpoint-guard-html-'));
const page = join(dir, 'matrix.html');
const shot = join(dir, 'matrix.png');

function chromium(args: readonly string[]): Promise<string> {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, [...flags, ...args, pathToFileURL(page).href], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout));
  });
}

/** Decision fill colours of the page's CSS, as RGB. */
const FILLS = { allow: [0xc9, 0xf0, 0xd1], explicit: [0xfb, 0xd3, 0xcf] } as const;

// CI installs Chromium (.ci/run), so there the test never skips: a missing browser fails it instead.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('matrix --format html in headless Chromium', () => {
  let dom = '';
  let png: PNG;

  beforeAll(async () => {
    const r = await cli(['matrix', '--policy', `${FIXTURES}/administrator.json`, `${FIXTURES}/deny-deletes.json`, '--region', 'us-east-1',
      '--account', '123456789012', '--app', 'project1', '--format', 'html', '--out', page]);
    expect(r.code).toBe(0);
    dom = await chromium(['--dump-dom']);
    await chromium([`--screenshot=${shot}`, '--window-size=1400,2400']);
    png = PNG.sync.read(readFileSync(shot));
  }, 120_000);

  it('is standalone: no external assets', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<(link|script)\b|src=|url\(/i);
  });

  it('has one focusable cell per action, each with its decision and reason', () => {
    const cells = [...dom.matchAll(/<div class="cell (allow|explicit|implicit)" tabindex="0" data-action="([^"]+)"[^>]* title="([^"]+)" aria-label="([^"]+)"/g)];
    expect(cells).toHaveLength(123);
    expect(new Set(cells.map((c) => c[2])).size).toBe(123);
    const del = cells.find((c) => c[2] === 'mobiletargeting:DeleteApp');
    expect(del?.[1]).toBe('explicit');
    expect(del?.[3]).toMatch(/^test\/tooling\/fixtures\/deny-deletes.json &quot;NoDeletes&quot; denies/);
    expect(dom.match(/role="tooltip"/g)).toHaveLength(123);
    // Each group's grid is a list, so each of its cells is a list item.
    const grids = [...dom.matchAll(/<div class="grid" role="list">([\s\S]*?)<\/section>/g)].map((g) => g[1] as string);
    expect(grids.reduce((n, g) => n + (g.match(/<div class="cell [^"]+"[^>]* role="listitem"/g) ?? []).length, 0)).toBe(123);
  });

  it('has the legend and shows a cell\'s tooltip on focus', () => {
    expect(dom).toMatch(/class="legend"/);
    for (const text of ['Allow', 'Explicit deny', 'Implicit deny', 'end of support']) expect(dom).toContain(text);
    expect(dom).toMatch(/\.cell:focus \.tip/);
  });

  it('renders a screenshot that is not blank and shows the decision colours', () => {
    const colours = new Set<number>();
    let nonWhite = 0;
    const seen = { allow: 0, explicit: 0 };
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number];
      colours.add((r << 16) | (g << 8) | b);
      if (r < 245 || g < 245 || b < 245) nonWhite++;
      for (const [name, rgb] of Object.entries(FILLS) as [keyof typeof FILLS, readonly number[]][]) {
        if (Math.abs(r - (rgb[0] as number)) + Math.abs(g - (rgb[1] as number)) + Math.abs(b - (rgb[2] as number)) < 6) seen[name]++;
      }
    }
    expect(png.width).toBe(1400);
    expect(colours.size).toBeGreaterThan(50);
    expect(nonWhite / (png.width * png.height)).toBeGreaterThan(0.1);
    expect(seen.allow).toBeGreaterThan(10_000);
    expect(seen.explicit).toBeGreaterThan(1_000);
  });
});
