/** The CLI in a subprocess, its AWS SDK pointed at an emulated IAM/STS by the SDK's own endpoint variables. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun { readonly code: number; readonly stdout: string; readonly stderr: string }

export function cliAgainst(iamUrl: string, args: readonly string[], keys: { accessKeyId: string; secretAccessKey: string }): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root, timeout: 60_000,
      env: {
        ...process.env, NO_COLOR: '1', AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_SESSION_TOKEN: '', AWS_PROFILE: '',
        AWS_ACCOUNT_ID: '', AWS_ENDPOINT_URL_IAM: iamUrl, AWS_ENDPOINT_URL_STS: iamUrl, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout, stderr }));
  });
}
