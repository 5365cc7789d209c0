/** Emits generated/client.ts: `PinpointClient` (one delegating method per operation), input/output types and paginators. */
import type { Model, OperationModel } from '../model.js';
import { docText, newSourceFile, render } from './format.js';

function methodDocs(o: OperationModel): string {
  const e = o.entry;
  const lines = [
    docText(e.summary),
    '',
    `IAM action: \`${e.action}\``,
    `Resource: \`${e.resource}\``,
    `HTTP: \`${o.spec.method} ${o.spec.path}\``,
    `Lifecycle: ${e.lifecycle.status} — ${docText(e.lifecycle.reason)}`,
    ...e.errata.map((x) => docText(`Seed erratum (${x.field}): the seed printed ${x.seed}; the truth is ${x.truth}.`)),
    '',
    `@see ${e.docs}`,
  ];
  if (e.lifecycle.status === 'end-of-support') lines.push(`@deprecated AWS ended support for this on 2026-10-30: ${docText(e.lifecycle.reason)}.`);
  return lines.join('\n');
}

export function emitClient(model: Model): string {
  const file = newSourceFile('client.ts');
  file.addImportDeclaration({ moduleSpecifier: '../src/client/base.js', namedImports: ['PinpointClientBase', 'paginate'] });
  file.addImportDeclaration({ moduleSpecifier: '../src/client/types.js', isTypeOnly: true, namedImports: ['CallOptions', 'CallResult', 'GuardMode', 'ResponseMetadata'] });
  file.addImportDeclaration({ moduleSpecifier: './operations.js', namedImports: ['operations'] });
  const shapeImports = [...new Set(model.operations.flatMap((o) => [o.inputShape, ...(o.outputShape ? [o.outputShape] : [])]))].sort();
  file.addImportDeclaration({ moduleSpecifier: './shapes.js', isTypeOnly: true, namedImports: shapeImports });

  // Bulk insertions: ts-morph re-parses after every manipulation.
  file.addTypeAliases(model.operations.flatMap((o) => [
    { name: o.names.input, isExported: true, type: o.inputShape, docs: [`Input of {@link PinpointClient.${o.names.method}}.`] },
    {
      name: o.names.output, isExported: true,
      type: `${o.outputShape ?? 'Record<string, never>'} & { readonly $metadata: ResponseMetadata }`,
      docs: [`Output of {@link PinpointClient.${o.names.method}}, shaped as the AWS SDK v3 output.`],
    },
  ]));
  file.addClass({
    name: 'PinpointClient',
    isExported: true,
    // The default is every mode whose calls send and resolve to outputs, so a bare `PinpointClient` parameter takes an
    // enforce, record or off client; a dry-run client's calls resolve to DryRunResult and fit `PinpointClient<GuardMode>`.
    typeParameters: [{ name: 'M', constraint: 'GuardMode', default: "'enforce' | 'record' | 'off'" }],
    extends: 'PinpointClientBase<M>',
    docs: ['The guarded Amazon Pinpoint client: every method checks the configured IAM policies for its action and resource before anything is sent.\n\nAs a type, `PinpointClient` is a client of any mode whose calls send (enforce, record, off); `PinpointClient<GuardMode>` is a client of any mode, dry-run included, whose calls resolve to `DryRunResult` or the output.'],
    methods: model.operations.map((o) => ({
      name: o.names.method,
      docs: [methodDocs(o)],
      parameters: [{ name: 'input', type: o.names.input }, { name: 'options', type: 'CallOptions', hasQuestionToken: true }],
      returnType: `Promise<CallResult<M, ${o.names.output}>>`,
      statements: `return this.invoke(operations.${o.spec.name}, input, options) as Promise<CallResult<M, ${o.names.output}>>;`,
    })),
  });
  file.addFunctions(model.operations.filter((x) => x.spec.pagination).map((o) => ({
      name: o.names.paginator,
      isExported: true,
      docs: [`Pages through {@link PinpointClient.${o.names.method}}, following \`${o.spec.pagination!.outputToken}\`; each page is guarded like a single call.`],
      parameters: [{ name: 'client', type: "PinpointClient<'enforce' | 'record' | 'off'>" }, { name: 'input', type: o.names.input }, { name: 'options', type: 'CallOptions', hasQuestionToken: true }],
      returnType: `AsyncGenerator<${o.names.output}, void, undefined>`,
      statements: `return paginate(client, operations.${o.spec.name}, input, options) as AsyncGenerator<${o.names.output}, void, undefined>;`,
  })));
  return render(file);
}
