/**
 * Message templates of every channel (email, in-app, push, SMS, voice), kept as Pinpoint keeps them: per account, one
 * template per name and type, each a list of versions (`"1"`, `"2"`, ...) of which one is active.
 *
 * - Create makes version 1, active; a second Create of the same name and type is a `BadRequestException`.
 * - Update overwrites the latest version, or appends one with `create-new-version=true`; a `version` that is not the
 *   latest is refused (Pinpoint: "this value must match the identifier for the latest existing version").
 * - Get reads the active version, or the `version` asked for. Delete removes one `version` (not the active one, unless
 *   it is the last), or the whole template.
 * - UpdateTemplateActiveVersion takes a version id or `latest`.
 * - `tags` belong to the template: given to Create, changed with TagResource/UntagResource, ignored by Update (as
 *   Pinpoint has ignored them there since 2023).
 */
import type { TemplateActiveVersionRequest, TemplateResponse, TemplateType, TemplateVersionResponse } from '../../../generated/shapes.js';
import type { OperationName } from '../../../generated/operations.js';
import type { HandlerContext, HandlerTable, OperationHandler } from '../context.js';
import { templateKey, type StoredTemplate, type TemplateVersion } from '../store.js';
import { badRequest, notFound } from '../errors.js';

/** One channel's template operations: `Create<stem>Template`, ... at `/v1/templates/{TemplateName}/<segment>`. */
interface TemplateKind {
  readonly stem: 'Email' | 'InApp' | 'Push' | 'Sms' | 'Voice';
  readonly type: TemplateType;
}

const KINDS: readonly TemplateKind[] = [
  { stem: 'Email', type: 'EMAIL' },
  { stem: 'InApp', type: 'INAPP' },
  { stem: 'Push', type: 'PUSH' },
  { stem: 'Sms', type: 'SMS' },
  { stem: 'Voice', type: 'VOICE' },
];

const TYPES: ReadonlySet<string> = new Set(KINDS.map((k) => k.type));

/** Pinpoint's rule for template names: starts alphanumeric, then alphanumerics, `_` and `-`, at most 128 in all. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw badRequest(`Invalid TemplateName ${JSON.stringify(name)}: a template name must start with an alphanumeric character and can contain a maximum of 128 characters: alphanumeric characters, underscores (_) or hyphens (-)`);
  }
}

/**
 * The template type a path or body names, spelled as the service spells it (`SMS`), or a `BadRequestException` listing
 * the valid ones: `sms` would name an ARN (`templates/t1/sms`) no policy on `templates/t1/SMS` covers.
 */
export function templateType(value: string): TemplateType {
  if (!TYPES.has(value)) throw badRequest(`Invalid TemplateType ${JSON.stringify(value)}: valid values are ${[...TYPES].join(', ')}`);
  return value as TemplateType;
}

/** The stored template of `type` named by the `TemplateName` label, or a `NotFoundException`. */
export function templateOf(ctx: HandlerContext, type: TemplateType, name = ctx.params.TemplateName ?? ''): StoredTemplate {
  const template = ctx.store.templates.get(templateKey(type, name));
  if (!template) throw notFound(`${type} template`, name);
  return template;
}

/** The ARN of a template, from the catalog's resource template of its Get operation. */
export const templateArn = (ctx: HandlerContext, kind: TemplateKind, name: string): string =>
  ctx.resourceArn(`Get${kind.stem}Template` as OperationName, { TemplateName: name });

const kindOf = (type: TemplateType): TemplateKind => KINDS.find((k) => k.type === type)!;

/** The version named by `id`, or a `NotFoundException`. */
function versionById(template: StoredTemplate, name: string, id: string): TemplateVersion {
  const found = template.versions.find((v) => v.Version === id);
  if (!found) throw notFound('Template version', `${name}/${id}`);
  return found;
}

const latestOf = (template: StoredTemplate): TemplateVersion => template.versions[template.versions.length - 1]!;
const activeOf = (template: StoredTemplate): TemplateVersion => template.versions.find((v) => v.Version === template.active) ?? latestOf(template);

/** The channel content of a request: the body without `tags` (a template's, not a version's). */
function content(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { tags: _tags, ...rest } = body;
  return rest;
}

/** A version as the channel's Get answers it: with the template's ARN and tags. */
const response = (ctx: HandlerContext, kind: TemplateKind, template: StoredTemplate, version: TemplateVersion): Record<string, unknown> => ({
  ...version, Arn: templateArn(ctx, kind, version.TemplateName), tags: { ...template.tags },
});

const message = (ctx: HandlerContext, text: string): { Message: string; RequestID: string } => ({ Message: text, RequestID: ctx.requestId });

function create(ctx: HandlerContext, kind: TemplateKind): unknown {
  const name = ctx.params.TemplateName ?? '';
  checkName(name);
  const key = templateKey(kind.type, name);
  if (ctx.store.templates.has(key)) throw badRequest(`Template ${name} of type ${kind.type} already exists`);
  const now = ctx.now();
  const first: TemplateVersion = { ...content(ctx.body), TemplateName: name, TemplateType: kind.type, Version: '1', CreationDate: now, LastModifiedDate: now };
  const tags = (ctx.body.tags as Record<string, string> | undefined) ?? {};
  ctx.store.templates.set(key, { versions: [first], active: '1', tags: { ...tags } });
  return { Arn: templateArn(ctx, kind, name), ...message(ctx, 'Created') };
}

function update(ctx: HandlerContext, kind: TemplateKind): unknown {
  const name = ctx.params.TemplateName ?? '';
  const template = templateOf(ctx, kind.type, name);
  const latest = latestOf(template);
  const asked = ctx.query.version;
  if (asked !== undefined && asked !== latest.Version) {
    throw badRequest(`Invalid version ${JSON.stringify(asked)}: an update must name the latest version of template ${name} (${latest.Version})`);
  }
  const now = ctx.now();
  const createNew = ctx.query['create-new-version'] === 'true';
  const base = { TemplateName: name, TemplateType: kind.type, LastModifiedDate: now };
  if (createNew) {
    template.versions.push({ ...content(ctx.body), ...base, Version: String(Number(latest.Version) + 1), CreationDate: now });
  } else {
    template.versions[template.versions.length - 1] = { ...content(ctx.body), ...base, Version: latest.Version, CreationDate: latest.CreationDate };
  }
  return message(ctx, 'Accepted');
}

function get(ctx: HandlerContext, kind: TemplateKind): unknown {
  const name = ctx.params.TemplateName ?? '';
  const template = templateOf(ctx, kind.type, name);
  const asked = ctx.query.version;
  return response(ctx, kind, template, asked === undefined ? activeOf(template) : versionById(template, name, asked));
}

function remove(ctx: HandlerContext, kind: TemplateKind): unknown {
  const name = ctx.params.TemplateName ?? '';
  const template = templateOf(ctx, kind.type, name);
  const asked = ctx.query.version;
  if (asked === undefined || (template.versions.length === 1 && versionById(template, name, asked))) {
    ctx.store.templates.delete(templateKey(kind.type, name));
    return message(ctx, 'Accepted');
  }
  const version = versionById(template, name, asked);
  if (version.Version === template.active) {
    throw badRequest(`Version ${asked} of template ${name} is the active version: make another version active before deleting it`);
  }
  template.versions.splice(template.versions.indexOf(version), 1);
  return message(ctx, 'Accepted');
}

function handlersFor(kind: TemplateKind): Record<string, OperationHandler> {
  return {
    [`Create${kind.stem}Template`]: (ctx) => create(ctx, kind),
    [`Update${kind.stem}Template`]: (ctx) => update(ctx, kind),
    [`Get${kind.stem}Template`]: (ctx) => get(ctx, kind),
    [`Delete${kind.stem}Template`]: (ctx) => remove(ctx, kind),
  };
}

/** ListTemplates' row for a template: its active version's common members. */
function summary(ctx: HandlerContext, template: StoredTemplate): TemplateResponse {
  const active = activeOf(template);
  const row: TemplateResponse = {
    Arn: templateArn(ctx, kindOf(active.TemplateType), active.TemplateName), CreationDate: template.versions[0]!.CreationDate, LastModifiedDate: active.LastModifiedDate,
    tags: { ...template.tags }, TemplateName: active.TemplateName, TemplateType: active.TemplateType, Version: active.Version,
  };
  if (typeof active.DefaultSubstitutions === 'string') row.DefaultSubstitutions = active.DefaultSubstitutions;
  if (typeof active.TemplateDescription === 'string') row.TemplateDescription = active.TemplateDescription;
  return row;
}

function versionRow(version: TemplateVersion): TemplateVersionResponse {
  const row: TemplateVersionResponse = {
    CreationDate: version.CreationDate, LastModifiedDate: version.LastModifiedDate, TemplateName: version.TemplateName, TemplateType: version.TemplateType, Version: version.Version,
  };
  if (typeof version.DefaultSubstitutions === 'string') row.DefaultSubstitutions = version.DefaultSubstitutions;
  if (typeof version.TemplateDescription === 'string') row.TemplateDescription = version.TemplateDescription;
  return row;
}

export const templateHandlers: HandlerTable = {
  ...(Object.assign({}, ...KINDS.map(handlersFor)) as HandlerTable),
  ListTemplates: (ctx) => {
    const type = ctx.query['template-type'] === undefined ? undefined : templateType(ctx.query['template-type']);
    const prefix = ctx.query.prefix ?? '';
    const rows = [...ctx.store.templates.values()]
      .filter((t) => (type === undefined || t.versions[0]!.TemplateType === type) && t.versions[0]!.TemplateName.startsWith(prefix))
      .map((t) => summary(ctx, t))
      .sort((a, b) => (a.TemplateName === b.TemplateName ? a.TemplateType.localeCompare(b.TemplateType) : a.TemplateName < b.TemplateName ? -1 : 1));
    return ctx.page(rows);
  },
  ListTemplateVersions: (ctx) => {
    const template = templateOf(ctx, templateType(ctx.params.TemplateType ?? ''));
    return { ...ctx.page(template.versions.map(versionRow)), Message: 'Success', RequestID: ctx.requestId };
  },
  UpdateTemplateActiveVersion: (ctx) => {
    const name = ctx.params.TemplateName ?? '';
    const template = templateOf(ctx, templateType(ctx.params.TemplateType ?? ''), name);
    // The body check requires Version (REQUIRED_BEYOND_SHAPES): it is a non-empty string here.
    const asked = (ctx.body as TemplateActiveVersionRequest).Version as string;
    template.active = asked === 'latest' ? latestOf(template).Version : versionById(template, name, asked).Version;
    return message(ctx, 'Accepted');
  },
};
