/**
 * ARNs of the mock's resources, as the guard builds them (`resourceArnOf`, over the one ARN builder): the catalog's resource template
 * of the operation that reads a resource (`GetSegment` → `apps/${ApplicationId}/segments/${SegmentId}`), filled with
 * the resource's ids and the partition, Region and account of the request.
 */
import { operations, type OperationName } from '../../generated/operations.js';
import { ArnBuildError, parseArn, type ArnEnvironment } from '../resource/arn.js';
import { resourceArnOf } from '../guard/decide.js';

/** The ARN of the resource `operation` acts on: `resourceArn('GetApp', { ApplicationId }, env)`. */
export function resourceArn(operation: OperationName, params: Readonly<Record<string, string>>, env: ArnEnvironment): string {
  return resourceArnOf(operations[operation].resource, params, env);
}

/** Any Pinpoint resource by its path (`apps/<id>`), for handlers that serve resources the catalog table has no reader for. */
const ANY_RESOURCE = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:${Resource}';

/** `arn:<partition>:mobiletargeting:<region>:<account>:<resource>`. */
export function pinpointArn(resource: string, env: ArnEnvironment): string {
  return resourceArnOf(ANY_RESOURCE, { Resource: resource }, env);
}

/** The Region and account an ARN of the mock names, to build the ARNs of the resources under it. */
export function environmentOf(arn: string): ArnEnvironment {
  const parsed = parseArn(arn);
  if (!parsed) throw new TypeError(`not an ARN: ${JSON.stringify(arn)}`);
  return { region: parsed.region, accountId: parsed.account };
}

/** Why the builder cannot name resources in `env` (a Region or account it refuses), or `undefined` when it can. */
export function environmentProblem(env: ArnEnvironment): string | undefined {
  try {
    pinpointArn('apps/*', env);
    return undefined;
  } catch (e) {
    if (e instanceof ArnBuildError) return e.message;
    throw e;
  }
}
