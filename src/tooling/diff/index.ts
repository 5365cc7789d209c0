/** `diffPolicies`: what a policy change grants and takes away, compared exactly for every catalog action. */
export { diffPolicies, type DiffChange, type DiffNote, type DiffRequest, type DiffSide, type PolicyDiff } from './diff.js';
