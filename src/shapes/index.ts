/**
 * pinpoint-guard/shapes: every generated shape of the Pinpoint REST API — the nested structures, the
 * `…Request`/`…Response` names each operation's input and output are made of — and the AWS SDK's
 * `XCommandInput`/`XCommandOutput` names, so a type import from `@aws-sdk/client-pinpoint` ports by renaming the module.
 * Types only: nothing here exists at run time.
 */
export type * from '../../generated/shapes.js';
export type * from '../../generated/commands.js';
