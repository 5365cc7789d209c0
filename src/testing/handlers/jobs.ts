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

type Job = ImportJobResponse | ExportJobResponse;

/** What tells import jobs from export jobs: their type, where an app keeps them, and their name in errors. */
interface JobKind<J extends Job> {
  readonly type: 'IMPORT' | 'EXPORT';
  readonly name: string;
  jobs(app: StoredApp): Map<string, J>;
}

const IMPORT: JobKind<ImportJobResponse> = { type: 'IMPORT', name: 'Import job', jobs: (app) => app.importJobs };
const EXPORT: JobKind<ExportJobResponse> = { type: 'EXPORT', name: 'Export job', jobs: (app) => app.exportJobs };

/** A `CREATED` job defined by the request body (whose `SegmentId`, if any, must name a segment). */
function createJob<J extends Job>(ctx: HandlerContext, kind: JobKind<J>): J {
  const app = ctx.app();
  const req = ctx.body as unknown as ImportJobRequest | ExportJobRequest;
  if (req.SegmentId !== undefined) segmentOf(ctx, req.SegmentId);
  const job = {
    ApplicationId: app.app.Id, CreationDate: ctx.now(), Definition: { ...req }, Id: ctx.store.nextId(), JobStatus: 'CREATED', Type: kind.type,
  } as J;
  kind.jobs(app).set(job.Id, job);
  return job;
}

/** The job named by the `JobId` label, or a `NotFoundException`. */
function jobOf<J extends Job>(ctx: HandlerContext, kind: JobKind<J>): J {
  const id = ctx.params.JobId ?? '';
  const job = kind.jobs(ctx.app()).get(id);
  if (!job) throw notFound(kind.name, id);
  return job;
}

/** A page of the jobs of the segment named by the `SegmentId` label. */
function segmentJobs<J extends Job>(ctx: HandlerContext, kind: JobKind<J>): { Item: J[]; NextToken?: string } {
  const id = ctx.params.SegmentId ?? '';
  segmentOf(ctx);
  return ctx.page([...kind.jobs(ctx.app()).values()].filter((j) => j.Definition.SegmentId === id));
}

export const jobHandlers: HandlerTable = {
  CreateImportJob: (ctx) => createJob(ctx, IMPORT),
  GetImportJob: (ctx) => jobOf(ctx, IMPORT),
  GetImportJobs: (ctx) => ctx.page([...ctx.app().importJobs.values()]),
  GetSegmentImportJobs: (ctx) => segmentJobs(ctx, IMPORT),
  CreateExportJob: (ctx) => createJob(ctx, EXPORT),
  GetExportJob: (ctx) => jobOf(ctx, EXPORT),
  GetExportJobs: (ctx) => ctx.page([...ctx.app().exportJobs.values()]),
  GetSegmentExportJobs: (ctx) => segmentJobs(ctx, EXPORT),
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
