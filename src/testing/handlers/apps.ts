/** Projects (apps) and their settings. */
import type { ApplicationSettingsResource, CreateApplicationRequest, WriteApplicationSettingsRequest } from '../../../generated/shapes.js';
import type { HandlerTable } from '../context.js';

export const appHandlers: HandlerTable = {
  CreateApp: (ctx) => {
    const req = ctx.body as unknown as CreateApplicationRequest;
    const id = ctx.store.nextId();
    const app = { Arn: ctx.resourceArn('GetApp', { ApplicationId: id }), Id: id, Name: req.Name, CreationDate: ctx.now(), ...(req.tags ? { tags: { ...req.tags } } : {}) };
    ctx.store.addApp(app, { ApplicationId: id, LastModifiedDate: ctx.now(), Limits: {}, QuietTime: {} });
    return app;
  },
  GetApp: (ctx) => ctx.app().app,
  GetApps: (ctx) => ctx.page([...ctx.store.apps.values()].map((a) => a.app)),
  DeleteApp: (ctx) => {
    const stored = ctx.app();
    ctx.store.apps.delete(stored.app.Id);
    return stored.app;
  },
  GetApplicationSettings: (ctx) => ctx.app().settings,
  UpdateApplicationSettings: (ctx) => {
    const stored = ctx.app();
    // CloudWatchMetricsEnabled and EventTaggingEnabled are write-only: ApplicationSettingsResource has no such members.
    const { CloudWatchMetricsEnabled: _metrics, EventTaggingEnabled: _tagging, ...req } = ctx.body as WriteApplicationSettingsRequest;
    const settings: ApplicationSettingsResource = { ...stored.settings, ...req, ApplicationId: stored.app.Id, LastModifiedDate: ctx.now() };
    stored.settings = settings;
    return settings;
  },
};
