import { describe, expect, it } from 'vitest';
import { NotFoundException, BadRequestException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();
const RoleArn = 'arn:aws:iam::123456789012:role/pinpoint';

describe('import and export jobs', () => {
  it('creates jobs as CREATED, lists them per app and per segment, and completes them when asked', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    const SegmentId = (await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: 's' } })).SegmentResponse.Id;

    const imp = await client.createImportJob({ ApplicationId, ImportJobRequest: { Format: 'CSV', RoleArn, S3Url: 's3://b/k.csv', DefineSegment: true, SegmentName: 'imported' } });
    expect(imp.$metadata.httpStatusCode).toBe(201);
    expect(imp.ImportJobResponse).toMatchObject({ ApplicationId, JobStatus: 'CREATED', Type: 'IMPORT' });
    const exp = await client.createExportJob({ ApplicationId, ExportJobRequest: { RoleArn, S3UrlPrefix: 's3://b/out/', SegmentId } });
    expect(exp.$metadata.httpStatusCode).toBe(202);
    expect(exp.ExportJobResponse).toMatchObject({ JobStatus: 'CREATED', Type: 'EXPORT', Definition: { SegmentId } });

    expect((await client.getImportJobs({ ApplicationId })).ImportJobsResponse.Item).toHaveLength(1);
    expect((await client.getSegmentExportJobs({ ApplicationId, SegmentId })).ExportJobsResponse.Item.map((j) => j.Id)).toEqual([exp.ExportJobResponse.Id]);
    expect((await client.getSegmentImportJobs({ ApplicationId, SegmentId })).ImportJobsResponse.Item).toEqual([]);

    expect(mock.completeJobs()).toBe(2);
    expect(mock.completeJobs()).toBe(0);
    const done = (await client.getImportJob({ ApplicationId, JobId: imp.ImportJobResponse.Id })).ImportJobResponse;
    expect(done).toMatchObject({ JobStatus: 'COMPLETED', CompletedPieces: 1, FailedPieces: 0, CompletionDate: expect.any(String) });
    const imported = (await client.getSegment({ ApplicationId, SegmentId: done.Definition.SegmentId ?? '' })).SegmentResponse;
    expect(imported).toMatchObject({ Name: 'imported', SegmentType: 'IMPORT', ImportDefinition: { S3Url: 's3://b/k.csv', Format: 'CSV' } });
    expect((await client.getExportJob({ ApplicationId, JobId: exp.ExportJobResponse.Id })).ExportJobResponse.JobStatus).toBe('COMPLETED');
    expect((await client.getExportJobs({ ApplicationId, PageSize: '1' })).ExportJobsResponse.NextToken).toBeUndefined();
  });

  it('refuses jobs without their required members and unknown job ids', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await expect(client.createImportJob({ ApplicationId, ImportJobRequest: { Format: 'CSV', RoleArn } as never })).rejects.toThrow(/required member S3Url/);
    await expect(client.createExportJob({ ApplicationId, ExportJobRequest: { RoleArn, S3UrlPrefix: 's3://b/', SegmentId: 'nope' } })).rejects.toBeInstanceOf(NotFoundException);
    await expect(client.getImportJob({ ApplicationId, JobId: 'nope' })).rejects.toBeInstanceOf(NotFoundException);
    await expect(client.getExportJobs({ ApplicationId, PageSize: '0' })).rejects.toBeInstanceOf(BadRequestException);
  });
});
