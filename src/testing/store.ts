/**
 * The in-memory state of one mock: projects (apps) and everything that lives in them, plus the messages sent.
 * Each `createPinpointMock()` makes its own store; nothing here is module-level state.
 */
import type {
  ActivityResponse, ApplicationResponse, ApplicationSettingsResource, CampaignResponse, EndpointResponse, Event, EventStream,
  ExportJobResponse, ImportJobResponse, JourneyResponse, JourneyRunResponse, MessageRequest, MessageResponse, RecommenderConfigurationResponse,
  SegmentResponse, SendOTPMessageRequestParameters, SendUsersMessageRequest, SendUsersMessageResponse, TemplateType,
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

/** A journey and its runs (oldest first; one starts each time the journey is published, that is becomes `ACTIVE` from `DRAFT`). */
export interface StoredJourney {
  journey: JourneyResponse;
  readonly runs: JourneyRunResponse[];
  /** How many endpoints each run (by `RunId`) took in: the project's endpoints when the run started. */
  readonly entered: Map<string, number>;
}

/**
 * One version of a message template: the channel's template response (`SMSTemplateResponse`, ...) without `tags`,
 * which belong to the template, not to a version.
 */
export type TemplateVersion = Readonly<Record<string, unknown>> & {
  readonly TemplateName: string;
  readonly TemplateType: TemplateType;
  readonly Version: string;
  readonly CreationDate: string;
  readonly LastModifiedDate: string;
};

/** A message template of one channel: its versions (oldest first), which one is active, and its tags. */
export interface StoredTemplate {
  readonly versions: TemplateVersion[];
  active: string;
  tags: Record<string, string>;
}

/**
 * A one-time password the mock "sent" with SendOTPMessage, and what verifying it has done so far. A later send to the
 * same destination and reference replaces it.
 */
export interface StoredOtp {
  readonly request: SendOTPMessageRequestParameters;
  /** The code the recipient would have received. */
  readonly code: string;
  /** When the code stops being valid (ISO 8601): the send time plus `ValidityPeriod` minutes. */
  readonly expiresAt: string;
  /** Wrong codes still accepted before the code is locked. */
  attemptsLeft: number;
  /** Set once the right code was verified: a code verifies once. */
  verified: boolean;
}

/** One event PutEvents recorded, with the endpoint it came from. */
export interface StoredEvent {
  readonly endpointId: string;
  readonly eventId: string;
  readonly event: Event;
}

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
  readonly journeys: Map<string, StoredJourney>;
  /** Keyed by {@link otpKey} (reference id and destination). */
  readonly otps: Map<string, StoredOtp>;
  readonly events: StoredEvent[];
}

/** The key an OTP is kept under in its project: a code is verified for the reference id and destination it was sent with. */
export const otpKey = (referenceId: string, destination: string): string => `${referenceId}\u0000${destination}`;

/** One SendMessages, SendUsersMessages or SendOTPMessage call, with what the mock answered and when (ISO 8601, the mock clock). */
export type SentMessage =
  | { readonly operation: 'SendMessages'; readonly applicationId: string; readonly sentAt: string; readonly request: MessageRequest; readonly response: MessageResponse }
  | { readonly operation: 'SendUsersMessages'; readonly applicationId: string; readonly sentAt: string; readonly request: SendUsersMessageRequest; readonly response: SendUsersMessageResponse }
  | { readonly operation: 'SendOTPMessage'; readonly applicationId: string; readonly sentAt: string; readonly request: SendOTPMessageRequestParameters; readonly response: MessageResponse; readonly code: string };

/** The read-only view of a mock's state that tests assert on (`mock.store.apps.get(id)?.segments.size`). */
export interface PinpointStoreView {
  readonly apps: ReadonlyMap<string, DeepReadonly<StoredApp>>;
  /** Every message sent, in order. */
  readonly messages: readonly DeepReadonly<SentMessage>[];
  /** Message templates of the account, keyed by {@link templateKey} (`SMS/welcome`). */
  readonly templates: ReadonlyMap<string, DeepReadonly<StoredTemplate>>;
  /** Recommender configurations of the account, by id. */
  readonly recommenders: ReadonlyMap<string, DeepReadonly<RecommenderConfigurationResponse>>;
}

/** The key a template is kept under: its type and name (`SMS/welcome`); one name may have a template of each type. */
export const templateKey = (type: TemplateType, name: string): string => `${type}/${name}`;

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
  readonly templates = new Map<string, StoredTemplate>();
  readonly recommenders = new Map<string, RecommenderConfigurationResponse>();
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
      eventStream: undefined, importJobs: new Map(), exportJobs: new Map(), journeys: new Map(), otps: new Map(), events: [],
    };
    this.apps.set(app.Id, stored);
    return stored;
  }

  /** Empties the store (ids keep counting, so an id is never reused). */
  clear(): void {
    this.apps.clear();
    this.messages.length = 0;
    this.templates.clear();
    this.recommenders.clear();
  }
}
