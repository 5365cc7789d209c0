/**
 * check and matrix with keys the client cannot see: the fourth outcome, Conditional, with its keys and values; keys
 * supplied in context make it certain; keys the client sets itself at run time are accepted as what-if values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPermission, permissionMatrix } from '../../src/tooling/index.js';
import { renderMatrixHtml } from '../../src/tooling/render/matrix-html.js';
import { renderMatrixMarkdown, renderMatrixTable } from '../../src/tooling/render/matrix.js';
import { administrator, arn, ENV, fixturePath } from './fixtures.js';

const corpNetwork = JSON.parse(readFileSync(fixturePath('corp-network.json'), 'utf8')) as object;
const homeRegion = JSON.parse(readFileSync(fixturePath('us-east-1-only.json'), 'utf8')) as object;
const getApp = { ...ENV, operation: 'GetApp', input: { ApplicationId: 'project1' } } as const;

describe('checkPermission with keys the client cannot see', () => {
  it('a Deny on aws:SourceIp makes the call Conditional, naming the key and the range', () => {
    const r = checkPermission({ policies: [administrator, corpNetwork], ...getApp });
    expect(r).toMatchObject({ decision: 'Conditional', dependsOn: ['aws:SourceIp'], resource: arn('apps/project1'), whatIf: [] });
    expect(r.requirements).toEqual([expect.objectContaining({ key: 'aws:SourceIp', effect: 'Deny', values: ['10.0.0.0/8'] })]);
    expect(r.reason).toContain('aws:SourceIp');
  });

  it('the key given in context decides it: inside the range Allow, outside ExplicitDeny', () => {
    expect(checkPermission({ policies: [administrator, corpNetwork], ...getApp, context: { 'aws:SourceIp': '10.9.8.7' } }).decision).toBe('Allow');
    expect(checkPermission({ policies: [administrator, corpNetwork], ...getApp, context: { 'aws:SourceIp': '198.51.100.1' } }).decision).toBe('ExplicitDeny');
  });

  it('accepts a key the client sets itself as a what-if value, and names it', () => {
    const r = checkPermission({ policies: [administrator, homeRegion], ...getApp, context: { 'aws:RequestedRegion': 'eu-west-1' } });
    expect(r).toMatchObject({ decision: 'ExplicitDeny', whatIf: ['aws:RequestedRegion'] });
    const time = checkPermission({ policies: [administrator], ...getApp, context: { 'aws:CurrentTime': '2030-01-01T00:00:00Z', 'aws:username': 'ana' } });
    expect(time.whatIf).toEqual(['aws:CurrentTime']);
    // Without a what-if value the client's own fact is used: the Region of the request.
    expect(checkPermission({ policies: [administrator, homeRegion], ...getApp }).decision).toBe('Allow');
  });
});

describe('permissionMatrix with keys the client cannot see', () => {
  const m = permissionMatrix({ policies: [administrator, corpNetwork], ...ENV, resources: { ApplicationId: 'project1' } });
  const cells = m.groups.flatMap((g) => g.cells);

  it('every cell is Conditional on aws:SourceIp, with its requirement, and the totals count them', () => {
    expect(cells.every((c) => c.decision === 'Conditional')).toBe(true);
    expect(m.totals).toEqual({ Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, Conditional: cells.length });
    expect(cells[0]).toMatchObject({ dependsOn: ['aws:SourceIp'], requirements: [expect.objectContaining({ key: 'aws:SourceIp' })] });
  });

  it('is certain with the key supplied, and names what-if keys', () => {
    const inside = permissionMatrix({ policies: [administrator, corpNetwork], ...ENV, resources: { ApplicationId: 'project1' }, context: { 'aws:SourceIp': '10.0.0.1', 'aws:EpochTime': '1900000000' } });
    expect(inside.totals.Conditional).toBe(0);
    expect(inside.totals.Allow).toBe(cells.length);
    expect(inside.whatIf).toEqual(['aws:EpochTime']);
    expect(renderMatrixTable(inside, { color: false })).toContain('what-if values for keys the client sets at run time: aws:EpochTime');
  });

  it('renders the fourth outcome in the table, Markdown and HTML', () => {
    const table = renderMatrixTable(m, { color: false });
    expect(table).toContain(`${cells.length} conditional`);
    expect(table).toContain('? conditional');
    expect(table).toContain('depends on aws:SourceIp');
    expect(table).toMatch(/^Conditional \(allowed only with the values below\):\n {2}\w+: denied if aws:SourceIp is not in 10\.0\.0\.0\/8/m);
    expect(renderMatrixMarkdown(m)).toContain('| ? conditional |');
    const html = renderMatrixHtml(m);
    expect(html).toContain('<li class="row conditional');
    expect(html).toContain('<label><input type="radio" name="show" id="show-conditional"> Conditional</label>');
    expect(html).toContain('denied if aws:SourceIp is not in 10.0.0.0/8');
  });
});
