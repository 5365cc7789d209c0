/**
 * Resources: patterns that can never match the resource type of any action they are paired with (`GetSegment` on
 * `.../campaigns/*`), literal actions that no pattern of their statement can reach, and ARN fields that still hold
 * documentation placeholders (`account-id`, `region`).
 */
import { matchWildcard } from '../../policy/index.js';
import { parseArn } from '../../resource/arn.js';
import { readableTemplate, shortName } from '../catalog.js';
import { capList } from '../render/text.js';
import { elementPath } from './context.js';
import { canMatchTemplate, suggestedPattern } from './resource-fit.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

const hasWildcard = (s: string) => /[*?]/.test(s);
/** The statement's own entries, capped: the rest are in the element the finding's path names. */
const listNames = (names: readonly string[], element: 'Action' | 'Resource', max = 6) =>
  capList(names, max, `the statement's ${element} lists them all`);

/** Whether `pattern` can match the resource of none of the statement's catalog actions. */
const isDead = (entry: StatementEntry, pattern: string) => !entry.catalogActions.some((a) => canMatchTemplate(pattern, a.resource));

/**
 * Patterns that match the resource of none of the statement's actions. When every pattern is like that, the statement
 * grants none of its actions: an error. When another pattern covers them, the dead one only adds nothing (a correct
 * policy often lists `apps/a1` beside `apps/a1/*`): an info finding, so that a CI gate stays green.
 */
function deadPatterns(entry: StatementEntry): LintFinding[] {
  const resources = entry.parsed.resource;
  const paired = entry.catalogActions;
  if (resources === undefined || entry.parsed.action === undefined || paired.length === 0) return [];
  const live = resources.filter((p) => !isDead(entry, p));
  return resources.flatMap((pattern, i): LintFinding[] => {
    if (!isDead(entry, pattern)) return [];
    const first = paired[0]!;
    const path = elementPath(entry, 'Resource', i);
    if (live.length > 0) {
      return [{
        rule: 'resource-type-mismatch',
        severity: 'info',
        path,
        message: `${JSON.stringify(pattern)} matches the resource of none of this statement's actions; ${listNames(live.map((p) => JSON.stringify(p)), 'Resource', 2)} ` +
          `${live.length === 1 ? 'is' : 'are'} what grants them`,
        fix: 'remove it, or keep it for actions on its resource type that you may add later',
      }];
    }
    return [{
      rule: 'resource-type-mismatch',
      severity: 'error',
      path,
      message: `${JSON.stringify(pattern)} can never match the resource of ${listNames(paired.map((a) => shortName(a.action)), 'Action')}` +
        `; ${shortName(first.action)} acts on ${readableTemplate(first.resource)}, so this statement grants none of them`,
      fix: `for ${shortName(first.action)} write "${suggestedPattern(pattern, first.resource)}", or pair the pattern with actions on its resource type`,
    }];
  });
}

/** Actions no Resource of their statement can reach — unless no Resource reaches any: deadPatterns says that once. */
function unreachableActions(entry: StatementEntry): LintFinding[] {
  const resources = entry.parsed.resource;
  const actions = entry.parsed.action;
  if (resources === undefined || actions === undefined) return [];
  if (entry.catalogActions.length > 0 && resources.every((p) => isDead(entry, p))) return [];
  const reachable = (template: string) => resources.some((p) => canMatchTemplate(p, template));
  const findings: LintFinding[] = [];
  actions.forEach((pattern, i) => {
    const covered = entry.catalogActions.filter((a) => matchWildcard(pattern, a.action, { ignoreCase: true }));
    const missed = covered.filter((a) => !reachable(a.resource));
    if (missed.length === 0) return;
    const path = elementPath(entry, 'Action', i);
    if (!hasWildcard(pattern)) {
      const a = missed[0]!;
      findings.push({
        rule: 'action-resource-mismatch',
        severity: 'warning',
        path,
        message: `${a.action} is granted on no resource here: it acts on ${readableTemplate(a.resource)}, which no Resource of this statement can match`,
        fix: `add "${suggestedPattern(resources[0] ?? '*', a.resource)}" to Resource, or move the action to a statement for its resource`,
      });
    } else if (missed.length < covered.length) {
      findings.push({
        rule: 'action-resource-mismatch',
        severity: 'info',
        path,
        message: `${JSON.stringify(pattern)} covers ${covered.length} catalog actions, but on these resources only ${covered.length - missed.length} can apply; ` +
          `not ${listNames(missed.map((a) => shortName(a.action)), 'Action')}`,
        fix: 'add Resource patterns for the resource types of the actions you mean to allow, or narrow the action pattern',
      });
    }
  });
  return findings;
}

const ACCOUNT = /^(\d{12}|[\d*?]*[*?][\d*?]*)$/;
const REGION = /^([a-z]{2}(-[a-z]+)+-\d+|[a-z\d*?-]*[*?][a-z\d*?-]*)$/;

function placeholderFields(entry: StatementEntry): LintFinding[] {
  const list = entry.parsed.resource ?? entry.parsed.notResource ?? [];
  const key = entry.parsed.resource ? 'Resource' : 'NotResource';
  return list.flatMap((pattern, i): LintFinding[] => {
    const arn = parseArn(pattern);
    if (arn === undefined || pattern.includes('${')) return [];
    const bad = [
      ...(arn.account === '' || ACCOUNT.test(arn.account) ? [] : [`account "${arn.account}" is not a 12-digit account id`]),
      ...(arn.region === '' || REGION.test(arn.region) ? [] : [`region "${arn.region}" is not an AWS Region name`]),
    ];
    if (bad.length === 0) return [];
    return [{
      rule: 'arn-placeholder',
      severity: 'warning',
      path: elementPath(entry, key, i),
      message: `${JSON.stringify(pattern)}: ${bad.join('; ')} — a documentation placeholder left in? It matches no real request`,
      fix: 'write your account id (12 digits) and Region, or * for any',
    }];
  });
}

export const resourceTypes: LintRule = (ctx) => ctx.statements.flatMap((e) => [...deadPatterns(e), ...unreachableActions(e), ...placeholderFields(e)]);
