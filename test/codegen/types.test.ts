import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

/** Compiles test/codegen/fixtures/usage.ts with the project's strict options: good calls compile, `@ts-expect-error` lines must fail. */
describe('generated client types', () => {
  it('type-check under strict, and reject wrong inputs', () => {
    const configPath = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const file = fileURLToPath(new URL('./fixtures/usage.ts', import.meta.url));
    const program = ts.createProgram([file], { ...config.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(config.options.strict).toBe(true);
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
