/**
 * Import and export jobs. A job is created `CREATED` and stays so until the test advances it with
 * `mock.completeJobs()`, which marks it `COMPLETED` (one piece, no failures). An import job that defines a segment
 * creates that `IMPORT` segment when it completes.
 */
import type { ExportJobRequest, ExportJobResponse, ImportJobRequest, ImportJobResponse, SegmentResponse } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { MemoryStore, StoredApp } from '../store.js';
import { notFound } from '../errors.js';
import { segmentOf } from './segments.js';
import { environmentOf, resourceArn } from '../arn.js';

function importJobOf(ctx: HandlerContext): ImportJobResponse {
  const id = ctx.params.JobId ?? '';
  const job = ctx.app().importJobs.get(id);
  if (!job) throw notFound('Import job', id);
  return job;
}

function exportJobOf(ctx: HandlerContext): ExportJobResponse {
  const id = ctx.params.JobId ?? '';
  const job = ctx.app().exportJobs.get(id);
  if (!job) throw notFound('Export job', id);
  return job;
}

export const jobHandlers: HandlerTable = {
  CreateImportJob: (ctx) => {
    const app = ctx.app();
    const req = ctx.body as unknown as ImportJobRequest;
    if (req.SegmentId !== undefined) segmentOf(ctx, req.SegmentId);
    const job: ImportJobResponse = {
      ApplicationId: app.app.Id, CreationDate: ctx.now(), Definition: { ...req }, Id: ctx.store.nextId(), JobStatus: 'CREATED', Type: 'IMPORT',
    };
    app.importJobs.set(job.Id, job);
    return job;
  },
  GetImportJob: (ctx) => importJobOf(ctx),
  GetImportJobs: (ctx) => ctx.page([...ctx.app().importJobs.values()]),
  GetSegmentImportJobs: (ctx) => {
    const id = ctx.params.SegmentId ?? '';
    segmentOf(ctx);
    return ctx.page([...ctx.app().importJobs.values()].filter((j) => j.Definition.SegmentId === id));
  },
  CreateExportJob: (ctx) => {
    const app = ctx.app();
    const req = ctx.body as unknown as ExportJobRequest;
    if (req.SegmentId !== undefined) segmentOf(ctx, req.SegmentId);
    const job: ExportJobResponse = {
      ApplicationId: app.app.Id, CreationDate: ctx.now(), Definition: { ...req }, Id: ctx.store.nextId(), JobStatus: 'CREATED', Type: 'EXPORT',
    };
    app.exportJobs.set(job.Id, job);
    return job;
  },
  GetExportJob: (ctx) => exportJobOf(ctx),
  GetExportJobs: (ctx) => ctx.page([...ctx.app().exportJobs.values()]),
  GetSegmentExportJobs: (ctx) => {
    const id = ctx.params.SegmentId ?? '';
    segmentOf(ctx);
    return ctx.page([...ctx.app().exportJobs.values()].filter((j) => j.Definition.SegmentId === id));
  },
};

/** The `IMPORT` segment an import job with `DefineSegment` creates, named by `SegmentName`. */
function defineSegment(store: MemoryStore, app: StoredApp, job: ImportJobResponse, now: string): void {
  const { Definition: d } = job;
  if (!d.DefineSegment || d.SegmentId !== undefined) return;
  const id = store.nextId();
  const segment: SegmentResponse = {
    ApplicationId: app.app.Id, Arn: resourceArn('GetSegment', { ApplicationId: app.app.Id, SegmentId: id }, environmentOf(app.app.Arn)), CreationDate: now, LastModifiedDate: now, Id: id,
    ...(d.SegmentName !== undefined ? { Name: d.SegmentName } : {}),
    SegmentType: 'IMPORT', Version: 1,
    ImportDefinition: { ExternalId: d.ExternalId ?? '', Format: d.Format, RoleArn: d.RoleArn, S3Url: d.S3Url, Size: 0 },
  };
  app.segments.set(id, { versions: [segment] });
  job.Definition = { ...d, SegmentId: id };
}

/** Marks every `CREATED` job `COMPLETED`; returns how many it advanced. */
export function completeJobs(store: MemoryStore, now: string): number {
  let count = 0;
  const complete = (job: ImportJobResponse | ExportJobResponse): boolean => {
    if (job.JobStatus !== 'CREATED') return false;
    Object.assign(job, { JobStatus: 'COMPLETED', CompletionDate: now, TotalPieces: 1, CompletedPieces: 1, FailedPieces: 0, TotalProcessed: 0, TotalFailures: 0, Failures: [] });
    count += 1;
    return true;
  };
  for (const app of store.apps.values()) {
    for (const job of app.importJobs.values()) if (complete(job)) defineSegment(store, app, job, now);
    for (const job of app.exportJobs.values()) complete(job);
  }
  return count;
}
