/**
 * Porting type imports from the AWS SDK: `pinpoint-guard/shapes` has `@aws-sdk/client-pinpoint`'s names (the
 * `XCommandInput`/`XCommandOutput` of each operation and every nested shape), so a type import ports by renaming the
 * module. The root keeps one name per operation's input and output.
 *
 *   npx tsx examples/shapes.ts
 */
// #region shapes
// Was: import type { GetSegmentCommandInput, GetSegmentCommandOutput, WriteSegmentRequest } from '@aws-sdk/client-pinpoint';
import type { GetSegmentCommandInput, GetSegmentCommandOutput, WriteSegmentRequest } from 'pinpoint-guard/shapes';
import type { GetSegmentInput, GetSegmentOutput } from 'pinpoint-guard';

const segment: WriteSegmentRequest = { Name: 'loyal' };
const input: GetSegmentCommandInput = { ApplicationId: 'app-1', SegmentId: 'seg-1' };
// The SDK's names are the client's own types under another name.
const sameInput: GetSegmentInput = input;
const describeSegment = (out: GetSegmentCommandOutput | GetSegmentOutput): string => `${out.SegmentResponse.Name ?? '?'} (HTTP ${out.$metadata.httpStatusCode})`;
// #endregion

console.log(segment.Name, sameInput.SegmentId);
console.log(describeSegment({ SegmentResponse: { ApplicationId: 'app-1', Id: 'seg-1', Name: 'loyal', SegmentType: 'DIMENSIONAL', Arn: 'arn', CreationDate: '2026-01-01T00:00:00Z' }, $metadata: { httpStatusCode: 200, requestId: 'r-1', attempts: 1, totalRetryDelay: 0 } }));
