/** A tooling request that names no known operation, mixes exclusive options or lacks what it needs. Nothing was evaluated. */
export class ToolingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolingInputError';
  }
}
