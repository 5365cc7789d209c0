/**
 * RemoveAttributes: removes the named attributes (`Blacklist`) of one kind from every endpoint of the project, and
 * answers with the names it found and removed.
 */
import type { AttributesResource, EndpointResponse, UpdateAttributesRequest } from '../../../generated/shapes.js';
import type { HandlerTable } from '../context.js';
import { badRequest } from '../errors.js';

/** Where each attribute type lives on an endpoint, and how to drop names from it. */
const KINDS: Readonly<Record<string, (endpoint: EndpointResponse, names: readonly string[]) => { endpoint: EndpointResponse; removed: string[] }>> = {
  'endpoint-custom-attributes': (e, names) => split(e.Attributes, names, (Attributes) => ({ ...e, Attributes })),
  'endpoint-metric-attributes': (e, names) => split(e.Metrics, names, (Metrics) => ({ ...e, Metrics })),
  'endpoint-user-attributes': (e, names) => split(e.User?.UserAttributes, names, (UserAttributes) => ({ ...e, User: { ...e.User, UserAttributes } })),
};

function split<V>(map: Record<string, V> | undefined, names: readonly string[], rebuild: (kept: Record<string, V>) => EndpointResponse): { endpoint: EndpointResponse; removed: string[] } {
  const entries = Object.entries(map ?? {});
  return {
    endpoint: rebuild(Object.fromEntries(entries.filter(([k]) => !names.includes(k)))),
    removed: entries.filter(([k]) => names.includes(k)).map(([k]) => k),
  };
}

export const attributeHandlers: HandlerTable = {
  RemoveAttributes: (ctx) => {
    const app = ctx.app();
    const AttributeType = ctx.params.AttributeType ?? '';
    const kind = KINDS[AttributeType];
    if (!Object.hasOwn(KINDS, AttributeType) || !kind) {
      throw badRequest(`Invalid AttributeType ${JSON.stringify(AttributeType)}: valid values are ${Object.keys(KINDS).join(', ')}`);
    }
    const names = (ctx.body as UpdateAttributesRequest).Blacklist ?? [];
    const removed = new Set<string>();
    for (const [id, endpoint] of app.endpoints) {
      const result = kind(endpoint, names);
      if (result.removed.length === 0) continue;
      result.removed.forEach((n) => removed.add(n));
      app.endpoints.set(id, result.endpoint);
    }
    const answer: AttributesResource = { ApplicationId: app.app.Id, AttributeType, Attributes: [...removed] };
    return answer;
  },
};
