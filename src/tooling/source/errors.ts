/**
 * The error for a missing optional peer, apart from the loader: the package's public declarations reach this file, so
 * it must not name ts-morph's types (an app without ts-morph still type-checks against them).
 */
import { ToolingInputError } from '../errors.js';

/** A package that `policy --from-source` needs is not installed. */
export class MissingPeerDependencyError extends ToolingInputError {
  constructor(readonly packageName: string, cause: string) {
    super(`reading source code needs the optional peer dependency ${packageName}, which is not installed (${cause}); install it with \`npm install --save-dev ${packageName}\``);
    this.name = 'MissingPeerDependencyError';
  }
}

/**
 * The Region or account the ARNs need, which neither the request nor the code gives (or the code gives several and a
 * call goes through none of them): `key` says which, so a command line can name its own flag.
 */
export class MissingEnvironmentError extends ToolingInputError {
  constructor(readonly key: 'region' | 'accountId', readonly detail: string) {
    super(`${key}: ${detail}`);
    this.name = 'MissingEnvironmentError';
  }
}
