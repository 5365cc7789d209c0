/**
 * The in-memory state of one mock: projects (apps) and everything that lives in them, plus the messages sent.
 * Each `createPinpointMock()` makes its own store; nothing here is module-level state.
 */
import type {
  ActivityResponse, ApplicationResponse, ApplicationSettingsResource, CampaignResponse, EndpointResponse, EventStream,
  ExportJobResponse, ImportJobResponse, MessageRequest, MessageResponse, SegmentResponse, SendUsersMessageRequest,
  SendUsersMessageResponse,
} from '../../generated/shapes.js';

/** A segment and its version history (oldest first; the last entry is the current version). */
export interface StoredSegment {
  readonly versions: SegmentResponse[];
}

/** A campaign, its version history (oldest first) and its activities (one scheduled per version). */
export interface StoredCampaign {
  readonly versions: CampaignResponse[];
  readonly activities: ActivityResponse[];
}

/** A channel as stored: its response shape (`Platform`, `Enabled`, `Version`, ...) without secrets. */
export type StoredChannel = Readonly<Record<string, unknown>> & { readonly Platform: string };

/** Everything one project holds. */
export interface StoredApp {
  app: ApplicationResponse;
  settings: ApplicationSettingsResource;
  readonly segments: Map<string, StoredSegment>;
  readonly campaigns: Map<string, StoredCampaign>;
  readonly endpoints: Map<string, EndpointResponse>;
  /** Keyed by the channel's path segment: `adm`, `apns`, `apns_sandbox`, `apns_voip`, `apns_voip_sandbox`, `baidu`, `email`, `gcm`, `sms`, `voice`. */
  readonly channels: Map<string, StoredChannel>;
  eventStream: EventStream | undefined;
  readonly importJobs: Map<string, ImportJobResponse>;
  readonly exportJobs: Map<string, ExportJobResponse>;
}

/** One SendMessages or SendUsersMessages call, with what the mock answered. */
export type SentMessage =
  | { readonly operation: 'SendMessages'; readonly applicationId: string; readonly request: MessageRequest; readonly response: MessageResponse }
  | { readonly operation: 'SendUsersMessages'; readonly applicationId: string; readonly request: SendUsersMessageRequest; readonly response: SendUsersMessageResponse };

/** The read-only view of a mock's state that tests assert on (`mock.store.apps.get(id)?.segments.size`). */
export interface PinpointStoreView {
  readonly apps: ReadonlyMap<string, DeepReadonly<StoredApp>>;
  /** Every message sent, in order. */
  readonly messages: readonly DeepReadonly<SentMessage>[];
}

/** Read-only all the way down (maps and arrays included). */
export type DeepReadonly<T> =
  T extends Map<infer K, infer V> ? ReadonlyMap<K, DeepReadonly<V>>
  : T extends readonly (infer E)[] ? readonly DeepReadonly<E>[]
  : T extends object ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
  : T;

/** The mutable store handlers work on. */
export class MemoryStore implements PinpointStoreView {
  readonly apps = new Map<string, StoredApp>();
  readonly messages: SentMessage[] = [];
  #counter = 0;

  /** A fresh 32-hex-digit id, as Pinpoint's project, segment and campaign ids look; deterministic per store. */
  nextId(): string {
    this.#counter += 1;
    return this.#counter.toString(16).padStart(32, '0');
  }

  /** Adds an empty project. */
  addApp(app: ApplicationResponse, settings: ApplicationSettingsResource): StoredApp {
    const stored: StoredApp = {
      app, settings, segments: new Map(), campaigns: new Map(), endpoints: new Map(), channels: new Map(),
      eventStream: undefined, importJobs: new Map(), exportJobs: new Map(),
    };
    this.apps.set(app.Id, stored);
    return stored;
  }

  /** Empties the store (ids keep counting, so an id is never reused). */
  clear(): void {
    this.apps.clear();
    this.messages.length = 0;
  }
}
