/** Runs the CLI as a subprocess, exactly as a user would (tsx in place of the compiled bin). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = 'test/tooling/fixtures';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '', AWS_ACCOUNT_ID: '', COLUMNS: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Runs the CLI into a real pipe whose reader takes the first chunk and leaves (`| head -c 1`), as `| head -1` does;
 * the code is the CLI's own (bash's PIPESTATUS), stdout is not kept.
 */
export function cliIntoClosedPipe(args: readonly string[]): Promise<CliRun> {
  const script = '"$0" --import tsx src/cli/main.ts "$@" | head -c 1 >/dev/null; exit "${PIPESTATUS[0]}"';
  return new Promise((resolve) => {
    execFile('bash', ['-c', script, process.execPath, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '', AWS_ACCOUNT_ID: '' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
  });
}

/** stderr as lines, none of them a stack frame. */
export const errorLines = (r: CliRun): string[] => r.stderr.split('\n').filter((l) => l !== '');
