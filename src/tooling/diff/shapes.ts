/**
 * The request ARNs an action can be called on, as languages: the catalog's ARN template of the action with each
 * placeholder a non-empty run of the characters it may hold (ids: anything but `/` — which `checkLabel` rejects — `:`
 * and control characters; a whole `${ResourceArn}`: a project, template or recommender ARN). A superset of the ARNs
 * that exist, so a grant the diff misses cannot hide in a real ARN; a pattern that names no such ARN grants nothing.
 *
 * Ids are taken to hold no `:`. No Pinpoint id does (AWS makes them hex strings or names of `[A-Za-z0-9_-]`), and with
 * one the ARN would have more than six fields, where a `*` that ends a field (the Region's, say) runs on over colons and
 * would tie every pattern to every later colon: the regions to compare would multiply for requests that cannot exist.
 */
import type { ActionSpec } from '../../client/spec.js';
import type { CharClass, Element, Pattern } from './language.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const range = (name: string, re: RegExp): CharClass => ({ name, has: (c) => re.test(c) });

/** Characters each placeholder may hold. */
const PLACEHOLDER_CLASSES: Readonly<Record<string, CharClass>> = {
  Partition: range('partition', /^[a-z-]$/),
  Region: range('region', /^[a-z0-9-]$/),
  Account: range('account', /^[0-9]$/),
};
const ID: CharClass = { name: 'id', has: (c) => c !== '/' && c !== ':' && !CONTROL.test(c) };
const ARN_RESOURCE: CharClass = { name: 'arn-resource', has: (c) => c !== '*' && c !== '?' && c !== ':' && !CONTROL.test(c) };

/** The resource prefixes a `${ResourceArn}` (tagging) may name. */
const TAGGABLE = ['apps/', 'templates/', 'recommenders/'] as const;

/** One shape of an action's request ARNs. */
export interface Shape {
  /** The template it comes from, as the catalog writes it. */
  readonly template: string;
  readonly pattern: Pattern;
}

function templateElements(template: string, resourceArn: string): Element[] {
  const out: Element[] = [];
  let last = 0;
  const literal = (text: string) => {
    for (const c of text) out.push({ kind: 'char', c });
  };
  for (const m of template.matchAll(/\$\{(\w+)\}/g)) {
    literal(template.slice(last, m.index));
    const name = m[1] as string;
    if (name === 'ResourceArn') {
      out.push(...templateElements(`arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:${resourceArn}`, resourceArn));
      out.push({ kind: 'one', cls: ARN_RESOURCE }, { kind: 'star', cls: ARN_RESOURCE });
    } else {
      const cls = PLACEHOLDER_CLASSES[name] ?? ID;
      out.push({ kind: 'one', cls }, { kind: 'star', cls });
    }
    last = m.index + m[0].length;
  }
  literal(template.slice(last));
  return out;
}

const cache = new Map<string, readonly Shape[]>();

/** The shapes of the request ARNs of an action. */
export function shapesOf(spec: Pick<ActionSpec, 'resource'>): readonly Shape[] {
  const template = spec.resource;
  let shapes = cache.get(template);
  if (shapes === undefined) {
    shapes = template.includes('${ResourceArn}')
      ? TAGGABLE.map((prefix) => ({ template: template.replace('${ResourceArn}', `arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:${prefix}<id>`), pattern: { elements: templateElements(template, prefix), fold: false } }))
      : [{ template, pattern: { elements: templateElements(template, ''), fold: false } }];
    cache.set(template, shapes);
  }
  return shapes;
}
