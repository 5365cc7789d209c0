/** The testing kit's emulated IAM and STS. */
export { IAM_STS_ORIGIN, createIamMock, type IamMock, type IamMockOptions } from './mock.js';
export { startIamMockServer, type IamMockServer, type IamMockServerOptions } from './server.js';
export type { IamFaultSpec, IamRecordedRequest } from './handle.js';
export type { IamErrorCode } from './errors.js';
export type { Simulator, SimulationQuestion, SimulatorAnswer } from './actions.js';
export type {
  IamCallerConfig, IamDocument, IamEntityPoliciesConfig, IamGroupConfig, IamManagedPolicyConfig, IamRoleConfig, IamState, IamUserConfig,
  StoredEntity, StoredManagedPolicy, StoredPolicyVersion, StoredUser,
} from './state.js';
