/** What the call benchmarks share: the GetSegment answer, the credentials and the 3-statement policy they guard with. */
import { Readable } from 'node:stream';
import { HttpResponse } from '@smithy/core/protocols';

/** GetSegment's response body. */
export const SEGMENT_BODY = JSON.stringify({ Id: 'segment-1', ApplicationId: 'app-1', Arn: 'arn', CreationDate: '2026-01-01', SegmentType: 'DIMENSIONAL', Name: 'n' });
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
export const POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['mobiletargeting:Get*'], Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/app-1*' },
    { Sid: 'NoDeletes', Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: '*' },
    { Sid: 'Region', Effect: 'Allow', Action: 'mobiletargeting:Send*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
  ],
};

/** An SDK request handler that answers 200 with the segment at once: the SDK's own work, no socket. */
export const noNetworkHandler = { handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from(SEGMENT_BODY)]) }) }) } as never;
