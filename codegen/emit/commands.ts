/**
 * Emits generated/commands.ts: the AWS SDK's per-operation type names (`GetSegmentCommandInput`,
 * `GetSegmentCommandOutput`) as aliases of the client's input and output types, so a type import from
 * `@aws-sdk/client-pinpoint` ports to `pinpoint-guard/shapes` by renaming the module.
 */
import type { Model } from '../model.js';
import { BANNER } from './format.js';

export function emitCommands(model: Model): string {
  const ops = [...model.operations].sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1));
  const imports = ops.flatMap((o) => [o.names.input, o.names.output]);
  const lines = [
    `// ${BANNER}`,
    `import type { ${imports.join(', ')} } from './client.js';`,
    '',
    ...ops.flatMap((o) => [
      `/** The AWS SDK's name for {@link ${o.names.input}}. */`,
      `export type ${o.spec.name}CommandInput = ${o.names.input};`,
      `/** The AWS SDK's name for {@link ${o.names.output}}. */`,
      `export type ${o.spec.name}CommandOutput = ${o.names.output};`,
    ]),
    '',
  ];
  return lines.join('\n');
}
