import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliIntoClosedPipe, errorLines, FIXTURES, ROOT } from './support.js';

const ACCOUNT = ['--account', '123456789012'];
const ENV = ['--region', 'us-east-1', ...ACCOUNT];
const f = (name: string) => `${FIXTURES}/${name}`;
const tmp = mkdtempSync(join(tmpdir(), 'pinpoint-guard-cli-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

// Each case is one subprocess; they run concurrently to keep the file fast.
describe.concurrent('pinpoint-guard (subprocess)', { timeout: 120_000 }, () => {
  it('check: read-only allows GetApps (its ARN is literally apps/*), exit 0', async () => {
    const r = await cli(['check', '--policy', f('read-only.json'), '--action', 'GetApps', ...ACCOUNT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ ALLOW {2}mobiletargeting:GetApps on arn:aws:mobiletargeting:us-east-1:123456789012:apps\/\*/);
  });

  it('check: an empty AWS_REGION or AWS_ACCOUNT_ID is unset, as the AWS SDK reads it', async () => {
    const noAccount = await cli(['check', '--policy', f('read-only.json'), '--operation', 'getApp', '--app', 'p1'], { AWS_ACCOUNT_ID: '', AWS_REGION: '' });
    expect(noAccount.code).toBe(2);
    expect(noAccount.stderr).toContain('--account: expected the 12-digit account id the ARNs name (or set AWS_ACCOUNT_ID)');
    const r = await cli(['check', '--policy', f('read-only.json'), '--operation', 'getApp', '--app', 'p1'], { AWS_ACCOUNT_ID: '123456789012', AWS_REGION: '', AWS_DEFAULT_REGION: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mobiletargeting:GetApp on arn:aws:mobiletargeting:us-east-1:123456789012:apps/p1');
  });

  it('check: one-project read-only denies GetSegment, names the nearest statement, exit 1', async () => {
    const r = await cli(['check', '--policy', f('read-only-project.json'), '--operation', 'getSegment', '--app', 'project1', '--segment', 's1', ...ACCOUNT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/IMPLICIT DENY .*apps\/project1\/segments\/s1/);
    expect(r.stdout).toMatch(/nearest: .*read-only-project.json Statement\[0\] matched the action but resource pattern/);
    expect(r.stdout).not.toMatch(/near miss/); // the reason names the only near miss: not printed twice
    expect(r.stdout).not.toMatch(/ImplicitDeny|ExplicitDeny|Allow:/);
  });

  it('check --json: an explicit deny in a second policy, with a boundary and context', async () => {
    const r = await cli(['check', '--policy', f('administrator.json'), f('deny-deletes.json'), '--boundary', f('administrator.json'), '--action', 'mobiletargeting:DeleteApp',
      '--resource', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/p1', '--context', 'aws:username=alice', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'ExplicitDeny', matchedStatements: [{ sid: 'NoDeletes' }] });
  });

  it('check: a missing id is one line naming the flag, exit 2', async () => {
    const r = await cli(['check', '--policy', f('administrator.json'), '--operation', 'GetSegment', '--app', 'p1', ...ACCOUNT]);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual(['error: GetSegment: input.SegmentId: expected a string (it fills a path segment), got nothing (pass --segment)']);
  });

  it('check: a --resource that is not an ARN is one line, exit 2', async () => {
    const r = await cli(['check', '--policy', f('administrator.json'), '--action', 'GetApp', '--resource', 'not-an-arn']);
    expect([r.code, errorLines(r)]).toEqual([2, ['error: --resource: expected an ARN (arn:<partition>:<service>:<region>:<account>:<resource>), got "not-an-arn"']]);
  });

  it('check --context: a key the client sets itself at run time is a what-if value, named in the output', async () => {
    const r = await cli(['check', '--policy', f('administrator.json'), f('us-east-1-only.json'), '--action', 'GetApps', ...ACCOUNT, '--context', 'aws:RequestedRegion=eu-west-1', '--context', 'aws:username=a']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✖ EXPLICIT DENY/);
    expect(r.stdout).toContain('what-if: aws:RequestedRegion as given with --context (the client sets it itself at run time)');
    expect(r.stdout).not.toContain('what-if: aws:username');
  });

  it('check: a decision that depends on a key the client cannot see is conditional, with its key and values, exit 3', async () => {
    const r = await cli(['check', '--policy', f('administrator.json'), f('corp-network.json'), '--operation', 'GetApp', '--app', 'p1', ...ACCOUNT]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^\? CONDITIONAL {2}mobiletargeting:GetApp on arn:aws:mobiletargeting:us-east-1:123456789012:apps\/p1/);
    expect(r.stdout).toContain('depends on: aws:SourceIp (the client cannot see it; pass --context key=value to decide)');
    expect(r.stdout).toContain('denied if aws:SourceIp is not in 10.0.0.0/8');
  });

  it('check --json: a conditional decision carries its keys and requirements, exit 3', async () => {
    const json = await cli(['check', '--policy', f('administrator.json'), f('corp-network.json'), '--operation', 'GetApp', '--app', 'p1', ...ACCOUNT, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ decision: 'Conditional', dependsOn: ['aws:SourceIp'], requirements: [{ key: 'aws:SourceIp', values: ['10.0.0.0/8'] }] });
  });

  it('check --context: the key supplied decides a conditional call, exit 0', async () => {
    const decided = await cli(['check', '--policy', f('administrator.json'), f('corp-network.json'), '--operation', 'GetApp', '--app', 'p1', ...ACCOUNT, '--context', 'aws:SourceIp=10.1.1.1']);
    expect(decided.code).toBe(0);
  });

  it('check: a missing policy file is one line, exit 2', async () => {
    const r = await cli(['check', '--policy', 'no/such.json', '--action', 'GetApps', ...ACCOUNT]);
    expect([r.code, errorLines(r)]).toEqual([2, ['error: no/such.json: cannot read the file (no such file)']]);
  });

  it('check: invalid JSON is one line with line and column, exit 2', async () => {
    const bad = write('bad.json', '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow"\n "Action": "x" } ]\n}');
    const r = await cli(['check', '--policy', bad, '--action', 'GetApps', ...ACCOUNT]);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([`error: ${bad}: invalid JSON: Expected ',' or '}' after property value at line 4, column 2`]);
  });

  it('check: an invalid policy is one line per problem with its JSON path, exit 2', async () => {
    const bad = write('invalid.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Alow', Action: 'GetApp', Resource: '*' }] }));
    const r = await cli(['check', '--policy', bad, '--action', 'GetApps', ...ACCOUNT]);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([
      `error: ${bad}: Statement[0].Effect: expected "Allow" or "Deny", got "Alow"`,
      `error: ${bad}: Statement[0].Action: expected "*" or "service:Action" (e.g. "mobiletargeting:GetSegment"), got "GetApp"`,
    ]);
  });

  // The engine's parser reads the file's text: JSON.parse would keep the last "Effect" and allow.
  const DUPLICATE_EFFECT = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Eff\\u0065ct":"Allow","Action":"*","Resource":"*"}]}';

  it('check, matrix: a key written twice (even escaped) is bad input as in the library, one line with its path, exit 2', async () => {
    const dup = write('duplicate-effect.json', DUPLICATE_EFFECT);
    const line = `error: ${dup}: Statement[0].Effect: duplicate key "Effect": an element must not contain multiple instances of the same key (JSON would silently keep the last)`;
    const [check, matrix] = await Promise.all([
      cli(['check', '--policy', dup, '--action', 'GetApps', ...ACCOUNT]),
      cli(['matrix', '--policy', dup, ...ENV, '--app', 'project1']),
    ]);
    expect([check.code, errorLines(check), check.stdout]).toEqual([2, [line], '']);
    expect([matrix.code, errorLines(matrix), matrix.stdout]).toEqual([2, [line], '']);
  });

  it('lint: a key written twice is a grammar finding at its path, exit 2', async () => {
    const dup = write('lint-duplicate-effect.json', DUPLICATE_EFFECT);
    const r = await cli(['lint', '--policy', dup, '--json']);
    expect(r.code).toBe(2);
    const [result] = JSON.parse(r.stdout) as { findings: { rule: string; path: string; message: string }[] }[];
    expect(result?.findings).toContainEqual(expect.objectContaining({ rule: 'grammar', path: 'Statement[0].Effect', message: expect.stringContaining('duplicate key "Effect"') }));
  });

  it('lint: an operator IAM does not define and a lower-case element are grammar findings naming their path, exit 2', async () => {
    const bad = write('lint-operator.json', JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Deny', Action: 'mobiletargeting:*', Resource: '*', Condition: { 'ForAllValues:ForAnyValue:StringEquals': { 'aws:TagKeys': 'env' } } },
      { Effect: 'Allow', Action: 'mobiletargeting:GetApps', Resource: '*', condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
    ] }));
    const r = await cli(['lint', '--policy', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/lint-operator.json:Statement\[0\]\.Condition\.ForAllValues:ForAnyValue:StringEquals +error +grammar\n +unknown condition operator/);
    expect(r.stdout).toMatch(/lint-operator.json:Statement\[1\]\.condition +error +grammar\n +unknown element "condition"; did you mean "Condition"\?/);
  });

  it('check: a short Resource pattern ending in * is read, not refused: a Deny with it covers the Region, exit 1', async () => {
    const short = write('short-deny.json', JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' },
      { Sid: 'NotUsEast1', Effect: 'Deny', Action: 'mobiletargeting:*', Resource: 'arn:aws:mobiletargeting:us-east-1:*' },
    ] }));
    const r = await cli(['check', '--policy', short, '--action', 'GetApps', ...ENV]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NotUsEast1');
  });

  it('an unknown option is a usage error, exit 2', async () => {
    const r = await cli(['check', '--policy', f('administrator.json'), '--bogus']);
    expect([r.code, errorLines(r)[0]]).toEqual([2, "error: unknown option '--bogus'"]);
  });

  it('a misspelt required option is reported as unknown, with a did-you-mean, not as a missing one, exit 2', async () => {
    const r = await cli(['check', '--polcy', 'x', '--action', 'GetApps']);
    expect([r.code, errorLines(r)]).toEqual([2, ["error: unknown option '--polcy'", '(Did you mean --policy?)']]);
  });

  it('matrix: a grouped table with every action, no colour when not a TTY', async () => {
    const r = await cli(['matrix', '--policy', f('read-only-project.json'), ...ENV, '--app', 'project1']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/^7 allow · 0 explicit deny · 116 implicit deny/m);
    expect(r.stdout).toMatch(/^Segments$/m);
    expect(r.stdout).toMatch(/^ {2}GetSegments +List +✔ allow +end-of-support +.*read-only-project.json Statement\[0\]$/m);
    expect(r.stdout.split('\n').filter((l) => /(allow|deny) {2}/.test(l))).toHaveLength(123);
  });

  it('matrix --json: 123 cells with decision, reason, statement and lifecycle', async () => {
    const r = await cli(['matrix', '--policy', f('administrator.json'), f('deny-deletes.json'), ...ENV, '--app', 'project1', '--json']);
    const m = JSON.parse(r.stdout) as { groups: { cells: { action: string; decision: string; lifecycle: { status: string } }[] }[] };
    const cells = m.groups.flatMap((g) => g.cells);
    expect(cells).toHaveLength(123);
    expect(cells.find((c) => c.action === 'mobiletargeting:DeleteApp')).toMatchObject({ decision: 'ExplicitDeny', statement: { sid: 'NoDeletes' } });
  });

  it('matrix --json | head -1: a reader that closes early ends the run quietly, exit 0', async () => {
    // The JSON (about 100 kB) is larger than a pipe's buffer, so the writer is still writing when the reader leaves.
    const r = await cliIntoClosedPipe(['matrix', '--policy', f('administrator.json'), ...ENV, '--app', 'project1', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('matrix --format markdown', async () => {
    const r = await cli(['matrix', '--policy', f('read-only.json'), ...ENV, '--app', 'project1', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Projects\n\n\| Action \| Access \| Decision \| Lifecycle \| Reason \|$/m);
    expect(r.stdout).toMatch(/^\| `GetApps` \| Read \| ✔ allow \| supported \|/m);
  });

  it('matrix: an id the client would reject is one line naming its flag, exit 2', async () => {
    const r = await cli(['matrix', '--policy', f('administrator.json'), ...ENV, '--app', 'a/b', '--segment', '..']);
    expect([r.code, errorLines(r)]).toEqual([2, ['error: --app: expected an id without "/", got the string "a/b"']]);
  });

  it('matrix without --app is a usage error, exit 2; the Region defaults as in check', async () => {
    const r = await cli(['matrix', '--policy', f('read-only.json'), ...ACCOUNT]);
    expect([r.code, errorLines(r)]).toEqual([2, ["error: required option '--app <id>' not specified"]]);
  });

  it('lint: error-level findings exit 1, each with path and fix', async () => {
    const r = await cli(['lint', '--policy', f('lint-problems.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/lint-problems.json:Statement\[0\]\.Action\[0\] +error +legacy-action/);
    expect(r.stdout).toMatch(/fix: use "mobiletargeting:GetUserEndpoints"/);
    expect(r.stdout).toMatch(/^3 error\(s\), 2 warning\(s\), 0 info$/m);
  });

  it('lint: a granted end-of-support action is a warning, exit 0; --fail-on warning exits 1 on it', async () => {
    const args = ['lint', '--policy', f('administrator.json'), '--as-of', '2026-11-29'];
    const r = await cli(args);
    // mobiletargeting:* on *: end of support and full access to the service, both warnings.
    expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^0 error\(s\), 2 warning\(s\), 0 info$/m)]);
    expect((await cli([...args, '--fail-on', 'warning'])).code).toBe(1);
    const off = await cli([...args, '--fail-on', 'warning', '--end-of-support', 'off']);
    expect([off.code, off.stdout]).toEqual([1, expect.stringMatching(/warning +service-full-access[^]*^0 error\(s\), 1 warning\(s\), 0 info$/m)]);
    expect((await cli([...args, '--end-of-support', 'auto'])).code).toBe(0);
    expect((await cli([...args, '--end-of-support', 'error'])).code).toBe(1);
  });

  it('lint --as-of before 2026-10-30: end of support is a warning in the future tense', async () => {
    const r = await cli(['lint', '--policy', f('lint-problems.json'), '--as-of', '2026-10-01']);
    expect(r.stdout).toMatch(/^3 error\(s\), 2 warning\(s\), 0 info$/m);
    expect(r.stdout).toMatch(/engagement features end on 2026-10-30/);
    const after = await cli(['lint', '--policy', f('lint-problems.json'), '--as-of', '2026-11-29', '--end-of-support', 'off']);
    expect(after.stdout).toMatch(/^3 error\(s\), 1 warning\(s\), 0 info$/m);
  });

  it('lint --format sarif: each finding on its line of the policy file, for code scanning', async () => {
    const r = await cli(['lint', '--policy', f('lint-problems.json'), '--format', 'sarif', '--as-of', '2026-10-01']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } };
      results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('pinpoint-guard');
    const at = (rule: string) => run?.results.find((x) => x.ruleId === rule);
    expect(at('legacy-action')).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: f('lint-problems.json') }, region: { startLine: 4 } } }] });
    expect(at('resource-type-mismatch')?.locations[0]?.physicalLocation.region.startLine).toBe(5);
    expect(at('allow-not-action')?.locations[0]?.physicalLocation.region.startLine).toBe(6);
    expect(run?.tool.driver.rules.map((x) => x.id)).toEqual([...new Set(run?.results.map((x) => x.ruleId))].sort());
  });

  it('lint: with $COLUMNS, lines are cut with … and the report says how to see them whole', async () => {
    const r = await cli(['lint', '--policy', f('lint-problems.json')], { COLUMNS: '60' });
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--json shows every finding in full/);
  });

  it('check and matrix warn about lint errors in the policies they evaluate (a misspelt action allows nothing)', async () => {
    const typo = write('typo.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['mobiletargeting:SendMessage', 'mobiletargeting:GetApp'], Resource: '*' }] }));
    const warning = [
      'warning: 1 lint error in these policies; an entry with one grants nothing as written:',
      `  ${typo}:Statement[0].Action[0]: "mobiletargeting:SendMessage" is not a Pinpoint action (fix: did you mean "mobiletargeting:SendMessages"?)`,
      `  (pinpoint-guard lint --policy ${typo} for every finding)`,
    ];
    const check = await cli(['check', '--policy', typo, '--operation', 'SendMessages', '--app', 'a1', ...ACCOUNT]);
    expect([check.code, errorLines(check)]).toEqual([1, warning]);
    const matrix = await cli(['matrix', '--policy', typo, '--app', 'a1', ...ACCOUNT, '--json']);
    expect([matrix.code, errorLines(matrix)]).toEqual([0, warning]);
    expect(() => JSON.parse(matrix.stdout) as unknown).not.toThrow();
  });

  it('lint --json: the seed examples have warnings but no errors, exit 0', async () => {
    const r = await cli(['lint', '--policy', f('administrator.json'), f('read-only.json'), '--json', '--as-of', '2026-10-29']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as { file: string; findings: { severity: string; rule: string }[] }[];
    expect(results.map((x) => x.file)).toEqual([f('administrator.json'), f('read-only.json')]);
    expect(results.flatMap((x) => x.findings).some((x) => x.severity === 'error')).toBe(false);
    expect(results[0]?.findings.map((x) => x.rule)).toEqual(['service-full-access', 'end-of-support']);
    expect(results[0]?.findings[0]?.severity).toBe('warning');
  });

  it('lint: an invalid policy still gets its report, and exits 2 with one line saying why, nothing printed twice', async () => {
    const bad = write('lint-invalid.json', JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Alow', Action: 'mobiletargeting:GetApp', Resource: '*' }, { Effect: 'Allow', Action: 'mobiletargeting:GetUser', Resource: '*' },
    ] }));
    const r = await cli(['lint', '--policy', bad, f('read-only.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/lint-invalid.json:Statement\[0\]\.Effect +error +grammar/);
    expect(r.stdout).toMatch(/lint-invalid.json:Statement\[1\]\.Action +error +legacy-action/);
    expect(errorLines(r)).toEqual([`error: ${bad}: not a valid policy (1 grammar problem in the report), so every call it governs would be denied`]);
  });

  it('lint: a file that is not JSON exits 2', async () => {
    const r = await cli(['lint', '--policy', write('empty.json', '')]);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual([`error: ${join(tmp, 'empty.json')}: invalid JSON: the file is empty, expected a JSON document`]);
  });

  it('policy --from-recording: the policy on stdout, the self-check on stderr', async () => {
    const r = await cli(['policy', '--from-recording', f('recording.json')]);
    expect(r.code).toBe(0);
    const policy = JSON.parse(r.stdout) as { Statement: { Action: string[]; Resource: string[] }[] };
    expect(policy.Statement.map((s) => s.Action)).toEqual([['mobiletargeting:CreateCampaign'], ['mobiletargeting:GetSegment']]);
    expect(r.stderr).toBe('check: allows every recorded call (3); grants nothing else across the catalog on those resources\n');
  });

  it('policy --operations --granularity app --out: writes the file, prints { policy, check }', async () => {
    const out = join(tmp, 'policy.json');
    const r = await cli(['policy', '--operations', 'getSegment,createCampaign', '--app', 'project1', '--segment', 'seg1', ...ENV, '--granularity', 'app', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const { policy, check } = JSON.parse(r.stdout) as { policy: object; check: { allowsEveryCall: boolean } };
    expect(check.allowsEveryCall).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(policy);
    expect(JSON.stringify(policy)).toContain('apps/project1/*');
  });

  it('policy --operations (the README example): an id not given is a wildcard in that project, stated in the check', async () => {
    const r = await cli(['policy', '--operations', 'getSegment,createCampaign', '--app', 'a1', ...ACCOUNT]);
    expect(r.code).toBe(0);
    const policy = JSON.parse(r.stdout) as { Statement: { Action: string[]; Resource: string[] }[] };
    expect(policy.Statement.map((s) => [s.Action, s.Resource])).toEqual([
      [['mobiletargeting:CreateCampaign'], ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1']],
      [['mobiletargeting:GetSegment'], ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1/segments/*']],
    ]);
    expect(errorLines(r)).toEqual([
      'check: allows every call of --operations (2); grants nothing else across the catalog on those resources',
      'note: SegmentId not given: apps/a1/segments/* allows every segment of a1',
    ]);
  });

  it('policy: an empty recording or operation list is bad input (exit 2), not a policy that allows "every" call', async () => {
    const empty = await cli(['policy', '--from-recording', write('empty-recording.json', '[]')]);
    expect(empty.code).toBe(2);
    expect(errorLines(empty)).toEqual([`error: ${join(tmp, 'empty-recording.json')}: the recording holds no calls, so there is nothing to grant; record with a client in mode 'record' and save client.recorded()`]);
    const none = await cli(['policy', '--operations', ' , ', '--app', 'a1', ...ACCOUNT]);
    expect(none.code).toBe(2);
    expect(errorLines(none)).toEqual(['error: --operations: no operation given; expected catalog operations such as getSegment,createCampaign']);
  });

  it('policy --operations: a legacy name gets its rename, spelled as typed, exit 2', async () => {
    const r = await cli(['policy', '--operations', 'getUser', '--app', 'a1', ...ACCOUNT]);
    expect([r.code, errorLines(r)]).toEqual([2, ['error: --operations: unknown operation "getUser" (did you mean getUserEndpoints? getUser is the seed\'s legacy name)']]);
  });

  it('policy: a malformed recording is one line per bad entry, exit 2', async () => {
    const rec = write('rec.json', JSON.stringify([
      { action: 'mobiletargeting:GetApp' }, { action: 1, resource: 'arn:x' },
      { action: 'mobiletargeting:GetSegmnt', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1' },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
      { action: 'mobiletargeting:GetSegment', resource: 'nonsense' },
      { action: 'mobiletargeting:GetSegment', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1/campaigns/c1' },
    ]));
    const r = await cli(['policy', '--from-recording', rec]);
    expect(r.code).toBe(2);
    const segment = 'expected an ARN of arn:<Partition>:mobiletargeting:<Region>:<Account>:apps/<ApplicationId>/segments/<SegmentId> (mobiletargeting:GetSegment)';
    expect(errorLines(r)).toEqual([
      `error: ${rec}: [0].resource: expected a non-empty string`,
      `error: ${rec}: [1].action: expected a non-empty string`,
      `error: ${rec}: [2].action: expected a Pinpoint catalog action, got "mobiletargeting:GetSegmnt" (did you mean mobiletargeting:GetSegment?)`,
      `error: ${rec}: [3].action: expected a Pinpoint catalog action, got "s3:GetObject" (another service's action: a recording holds only the calls of a Pinpoint client)`,
      `error: ${rec}: [4].resource: ${segment}, got "nonsense"`,
      `error: ${rec}: [5].resource: ${segment}, got "arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1/campaigns/c1"`,
    ]);
  });

  it('lifecycle --status end-of-support --json', async () => {
    const r = await cli(['lifecycle', '--status', 'end-of-support', '--json']);
    const rows = JSON.parse(r.stdout) as { status: string; action: string }[];
    expect(r.code).toBe(0);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.every((x) => x.status === 'end-of-support')).toBe(true);
  });

  it('--version prints the version of package.json, exit 0', async () => {
    const r = await cli(['--version']);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect([r.code, r.stdout]).toEqual([0, `${version}\n`]);
  });

  it('--help shows the examples, exit 0', async () => {
    const r = await cli(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ pinpoint-guard check --policy/);
  });
});
