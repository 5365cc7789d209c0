/**
 * Finds every call of a PinpointClient method or paginator in a project, by type: the callee's resolved signature
 * must be declared by the generated client (`generated/client.ts`, or `client.d.ts` when installed from npm), or by the
 * official SDK (`@aws-sdk/client-pinpoint`: `send` of a value whose type is one of its `XCommand` classes, the
 * aggregated `Pinpoint` class's methods, its paginators). That
 * covers aliases, destructured methods, wrappers that receive the client, callbacks, subclasses and class fields
 * without following names. `.call`/`.apply` and `const f = client.m.bind(client)` are followed explicitly. A call
 * that may reach the client but whose operation the types do not fix (through `any`, a computed method name, a union
 * of methods) is reported as unresolved: never guessed.
 */
import type { CallExpression, NewExpression, Node, Project, SourceFile, ts, Type } from 'ts-morph';
import type { OperationSpec } from '../../client/spec.js';
import { findOperation } from '../catalog.js';
import type { CallSite, ClientKind, UnresolvedCall } from './types.js';
import { idReader, shortText, stripper, type IdValue } from './ids.js';
import type { TsMorphModule } from './load.js';

/** The generated client module, in the repository or as the published declarations. */
const CLIENT_FILE = /(^|[\\/])generated[\\/]client\.(d\.)?ts$/;
const CLIENT_CLASS = 'PinpointClient';
const PAGINATOR_PREFIX = 'paginate';
/** The official SDK's declarations: its aggregated client, its commands, its paginators (the SDK names them so). */
export const SDK_PACKAGE = '@aws-sdk/client-pinpoint';
const SDK_FILE = /[\\/]@aws-sdk[\\/]client-pinpoint[\\/]/;
const SDK_AGGREGATED = /[\\/]Pinpoint\.d\.ts$/;
const SDK_AGGREGATED_CLASS = 'Pinpoint';
const SDK_COMMAND_SUFFIX = 'Command';
const SDK_SEND = 'send';

/** What a callee is: an operation, called as a method (input is argument 0) or a paginator (argument 1). */
interface Target {
  readonly op: OperationSpec;
  readonly callee: string;
  readonly inputIndex: number;
}


/** A `new PinpointClient(...)` (either package) or `new Pinpoint(...)`: the Region and account its config fixes. */
export interface Construction {
  readonly site: CallSite;
  readonly kind: ClientKind;
  /** `new PinpointClient` */
  readonly text: string;
  readonly region: IdValue;
  /** The SDK's config has no account: always unknown there. */
  readonly accountId: IdValue;
}

/** A resolved call: its operation and what the source says about each ARN id. */
export interface FoundCall {
  readonly site: CallSite;
  /** The client construction the call goes through, when its receiver is traced to one; else why not. */
  readonly client: Construction | { readonly untraced: string };
  readonly callee: string;
  /** The call's text, shortened. */
  readonly text: string;
  readonly op: OperationSpec;
  /** Every path label of the operation, as the source fixes it or not. */
  readonly ids: Readonly<Record<string, IdValue>>;
}

export interface Found {
  readonly calls: readonly FoundCall[];
  readonly unresolved: readonly UnresolvedCall[];
  /** Every client construction in the files read, in file order. */
  readonly constructions: readonly Construction[];
}

/** An SDK command class name (`SendMessagesCommand`) as the catalog operation it runs: `${Operation}Command`, exactly. */
function sdkCommandOperation(name: string): OperationSpec | undefined {
  if (!name.endsWith(SDK_COMMAND_SUFFIX)) return undefined;
  const operation = name.slice(0, -SDK_COMMAND_SUFFIX.length);
  const op = findOperation(operation);
  return op?.operation === operation ? op : undefined;
}

/** A client method or paginator named `name`, by the catalog (case-insensitive, as the catalog's lookups are). */
function targetNamed(name: string, paginator: boolean): Target | undefined {
  const op = findOperation(paginator ? name.slice(PAGINATOR_PREFIX.length) : name);
  return op === undefined ? undefined : { op, callee: name, inputIndex: paginator ? 1 : 0 };
}

/** A name the client's method or paginator could have: used only to report calls through `any`, never to resolve. */
const isClientName = (name: string): boolean =>
  (name.startsWith(PAGINATOR_PREFIX) && findOperation(name.slice(PAGINATOR_PREFIX.length)) !== undefined) || findOperation(name) !== undefined;

export function findCalls(tsm: TsMorphModule, project: Project, files: readonly SourceFile[], root: string): Found {
  const { Node, ts: tsc } = tsm;
  const checker = project.getTypeChecker().compilerObject;
  const ids = idReader(tsm);

  /** The target a declaration is, when it is a method of the generated PinpointClient or one of its paginators. */
  function declared(decl: ts.Declaration | undefined): Target | undefined {
    if (decl === undefined) return undefined;
    if (!CLIENT_FILE.test(decl.getSourceFile().fileName)) return sdkDeclared(decl);
    if ((tsc.isMethodDeclaration(decl) || tsc.isMethodSignature(decl)) && tsc.isIdentifier(decl.name)) {
      const owner = decl.parent;
      return tsc.isClassDeclaration(owner) && owner.name?.text === CLIENT_CLASS ? targetNamed(decl.name.text, false) : undefined;
    }
    if (tsc.isFunctionDeclaration(decl) && decl.name?.text.startsWith(PAGINATOR_PREFIX)) return targetNamed(decl.name.text, true);
    return undefined;
  }

  /**
   * The target an SDK declaration is: a method of the aggregated `Pinpoint` client (input is argument 0), or a
   * paginator `paginateX(config, input)` (declared as a const of function type; argument 1).
   */
  function sdkDeclared(decl: ts.Declaration): Target | undefined {
    const file = decl.getSourceFile().fileName;
    if (!SDK_FILE.test(file)) return undefined;
    if (SDK_AGGREGATED.test(file) && (tsc.isMethodSignature(decl) || tsc.isMethodDeclaration(decl)) && tsc.isIdentifier(decl.name)) {
      const owner = decl.parent;
      return (tsc.isInterfaceDeclaration(owner) || tsc.isClassDeclaration(owner)) && owner.name?.text === SDK_AGGREGATED_CLASS ? targetNamed(decl.name.text, false) : undefined;
    }
    const holder = tsc.isFunctionTypeNode(decl) || tsc.isArrowFunction(decl) ? decl.parent : decl;
    const name = tsc.isVariableDeclaration(holder) || tsc.isFunctionDeclaration(holder) ? holder.name : undefined;
    return name !== undefined && tsc.isIdentifier(name) && name.text.startsWith(PAGINATOR_PREFIX) ? targetNamed(name.text, true) : undefined;
  }

  /** Which client an instance type is (its class or a base class): this package's, the SDK's, or neither. */
  function clientKind(type: Type, depth = 0): ClientKind | undefined {
    if (depth > 8) return undefined;
    for (const d of type.getSymbol()?.getDeclarations() ?? []) {
      const name = Node.hasName(d) ? d.getName() : undefined;
      const file = d.getSourceFile().getFilePath();
      if (name === CLIENT_CLASS && CLIENT_FILE.test(file)) return 'pinpoint-guard';
      if ((name === CLIENT_CLASS || name === SDK_AGGREGATED_CLASS) && SDK_FILE.test(file)) return 'aws-sdk';
    }
    for (const base of type.getBaseTypes()) {
      const kind = clientKind(base, depth + 1);
      if (kind !== undefined) return kind;
    }
    return undefined;
  }

  /** The SDK commands a value's type may be (each type of a union): their operations by class name. */
  function sdkCommands(type: Type): Map<string, OperationSpec> {
    const out = new Map<string, OperationSpec>();
    for (const t of type.isUnion() ? type.getUnionTypes() : [type]) {
      const symbol = t.getSymbol();
      const sdk = symbol?.getDeclarations().some((d) => SDK_FILE.test(d.getSourceFile().getFilePath()));
      const op = sdk === true ? sdkCommandOperation(symbol?.getName() ?? '') : undefined;
      if (op !== undefined) out.set(symbol?.getName() as string, op);
    }
    return out;
  }

  const symbolTarget = (symbol: ts.Symbol | undefined): Target | undefined => {
    const s = symbol !== undefined && symbol.flags & tsc.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const d of s?.declarations ?? []) {
      const t = declared(d);
      if (t !== undefined) return t;
    }
    return undefined;
  };

  const strip = stripper(tsm);

  /**
   * The target an expression's value is, for callees the signature does not name: `client.m`, or `client.m.bind(x)`,
   * or a `const` (or readonly field) initialised with one of those. Only declarations that cannot be reassigned are
   * followed.
   */
  function valueTarget(expr: Node, depth = 0): Target | undefined {
    if (depth > 8) return undefined;
    const e = strip(expr);
    if (Node.isCallExpression(e)) {
      const callee = strip(e.getExpression());
      return Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind' ? valueTarget(callee.getExpression(), depth + 1) : undefined;
    }
    if (!Node.isIdentifier(e) && !Node.isPropertyAccessExpression(e) && !Node.isElementAccessExpression(e)) return undefined;
    const where = Node.isPropertyAccessExpression(e) ? e.getNameNode() : e;
    const symbol = where.getSymbol();
    const direct = symbolTarget(symbol?.compilerSymbol);
    if (direct !== undefined) return direct;
    const decl = symbol?.getValueDeclaration();
    const fixed = decl !== undefined && ((Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === tsm.VariableDeclarationKind.Const)
      || (Node.isPropertyDeclaration(decl) && decl.isReadonly()));
    const init = fixed ? (decl as { getInitializer(): Node | undefined }).getInitializer() : undefined;
    return init === undefined ? undefined : valueTarget(init, depth + 1);
  }

  const siteOf = (node: Node): CallSite => {
    const sf = node.getSourceFile();
    const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
    return { file: relative(root, sf.getFilePath()), line, column };
  };

  const calls: FoundCall[] = [];
  const unresolved: UnresolvedCall[] = [];
  const constructions = new Map<Node, Construction>();

  /** The construction a `new` expression is, when it builds a client of either package (or a subclass of one). */
  function constructionOf(e: NewExpression): Construction | undefined {
    const seen = constructions.get(e);
    if (seen !== undefined) return seen;
    const kind = clientKind(e.getType());
    if (kind === undefined) return undefined;
    const config = e.getArguments()[0];
    const made: Construction = {
      site: siteOf(e), kind, text: `new ${shortText(e.getExpression())}`,
      region: ids.member(config, 'region'),
      accountId: kind === 'aws-sdk' ? { unknown: 'the SDK client takes no account' } : ids.member(config, 'accountId'),
    };
    constructions.set(e, made);
    return made;
  }

  /** The symbol a name (`client`, `this.client`, the value of a shorthand `{ client }`) stands for. */
  const symbolOf = (e: Node) => (Node.isShorthandPropertyAssignment(e) ? e.getValueSymbol() : (Node.isPropertyAccessExpression(e) ? e.getNameNode() : e).getSymbol());

  /** A `const` (or readonly field) initialiser a name stands for, seen through imports; undefined when it can change. */
  function fixedInitializer(e: Node): Node | undefined {
    let symbol = symbolOf(e);
    if (symbol?.isAlias() === true) symbol = symbol.getAliasedSymbol();
    const decl = symbol?.getValueDeclaration();
    if (decl === undefined) return undefined;
    if (Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === tsm.VariableDeclarationKind.Const) return decl.getInitializer();
    if (Node.isPropertyDeclaration(decl) && decl.isReadonly()) return decl.getInitializer();
    return undefined;
  }

  /** The construction a client expression is bound to, following `const`s; else why it cannot be told. */
  function clientOf(expr: Node | undefined, depth = 0): FoundCall['client'] {
    if (expr === undefined) return { untraced: 'the method is called apart from its client' };
    const e = strip(expr);
    if (Node.isNewExpression(e)) return constructionOf(e) ?? { untraced: `\`${shortText(e)}\` is not a client construction` };
    if (Node.isThisExpression(e) || e.getKind() === tsm.SyntaxKind.SuperKeyword) return { untraced: 'the call is made by a client subclass on itself' };
    if (depth < 8 && (Node.isIdentifier(e) || Node.isPropertyAccessExpression(e) || Node.isShorthandPropertyAssignment(e))) {
      const init = fixedInitializer(e);
      if (init !== undefined) return clientOf(init, depth + 1);
      const decl = symbolOf(e)?.getValueDeclaration();
      if (decl !== undefined && Node.isParameterDeclaration(decl)) return { untraced: `the client \`${shortText(e)}\` is passed in (a parameter)` };
    }
    return { untraced: `the client \`${shortText(e)}\` is not a constant bound to one construction` };
  }

  /** The expression a callee is called on: `client` in `client.getApp`, and in `client.getApp.call(...)`. */
  function receiverOf(callee: Node): Node | undefined {
    if (!Node.isPropertyAccessExpression(callee) && !Node.isElementAccessExpression(callee)) return undefined;
    const holder = strip(callee.getExpression());
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
    if ((name === 'call' || name === 'apply') && Node.isPropertyAccessExpression(holder)) return holder.getExpression();
    return holder;
  }

  function resolved(call: CallExpression, target: Target, input: Node | undefined, receiver: Node | undefined, unknownInput?: string): void {
    const values: Record<string, IdValue> = {};
    for (const label of target.op.labels) values[label] = unknownInput === undefined ? ids.member(input, label) : { unknown: unknownInput };
    calls.push({ site: siteOf(call), client: clientOf(receiver), callee: target.callee, text: shortText(call), op: target.op, ids: values });
  }

  /**
   * `send(command)`: resolved by the command's type when it is exactly one SDK command class. The input is read at
   * `new XCommand(input)` (written there, or behind a `const`); a command built elsewhere gives ids only through types.
   */
  function sdkSend(call: CallExpression, callee: Node): boolean {
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== SDK_SEND) return false;
    const command = call.getArguments()[0];
    const receiver = callee.getExpression();
    const onSdk = clientKind(receiver.getType()) === 'aws-sdk';
    if (command === undefined) return false;
    const type = strip(command).getType();
    const commands = sdkCommands(type);
    const site = siteOf(call);
    if (commands.size === 1) {
      const [name, op] = [...commands][0] as [string, OperationSpec];
      let built: Node | undefined = strip(command);
      for (let depth = 0; built !== undefined && !Node.isNewExpression(built) && depth < 8; depth++) {
        built = Node.isIdentifier(built) || Node.isPropertyAccessExpression(built) ? fixedInitializer(built) : undefined;
        if (built !== undefined) built = strip(built);
      }
      const target = { op, callee: `send(${name})`, inputIndex: 0 };
      if (built !== undefined && Node.isNewExpression(built)) resolved(call, target, built.getArguments()[0], receiver);
      else resolved(call, target, undefined, receiver, `the command \`${shortText(command)}\` is built elsewhere: its input is not read`);
      return true;
    }
    if (commands.size > 1) {
      unresolved.push({ site, text: shortText(call), reason: `the command is one of ${[...commands.keys()].sort().join(', ')}, chosen at run time` });
      return true;
    }
    if (!onSdk) return false;
    unresolved.push({ site, text: shortText(call), reason: type.isAny() ? `the command \`${shortText(command)}\` is of type any: the operation is not known from the types`
      : `the command's type \`${type.getText(command)}\` is not one of the SDK's Pinpoint command classes: the operation is not known from the types` });
    return true;
  }

  /** Why a call whose operation is not resolved may still be a client call, or undefined when it cannot be one. */
  function doubt(callee: Node): string | undefined {
    const type = callee.getType();
    if (Node.isPropertyAccessExpression(callee) && isClientName(callee.getName()) && (type.isAny() || callee.getExpression().getType().isAny())) {
      return `${callee.getName()} is called through a value of type any: the operation is not known from the types`;
    }
    if (Node.isIdentifier(callee) && type.isAny() && isClientName(callee.getText())) {
      return `${callee.getText()} is of type any: the operation is not known from the types`;
    }
    const candidates = clientCandidates(type);
    if (candidates.size > 0) return `the callee is one of ${[...candidates].sort().join(', ')}, chosen at run time`;
    return undefined;
  }

  /** The client methods and paginators a callee's type may be: more than one means the choice is made at run time. */
  function clientCandidates(type: Type): Set<string> {
    const out = new Set<string>();
    for (const t of type.isUnion() ? type.getUnionTypes() : [type]) {
      for (const s of t.getCallSignatures()) {
        const d = declared(s.compilerSignature.declaration as ts.Declaration | undefined);
        if (d !== undefined) out.add(d.callee);
      }
    }
    return out;
  }

  const LOGICAL = new Set(['??', '||', '&&']);

  /**
   * Why the method a callee names is chosen at run time, or undefined. TypeScript resolves such a call to one of the
   * methods (and merges methods whose types are alike), so this is read from the syntax: a computed name whose type is
   * not one string, a conditional or logical expression whose branches are different methods.
   */
  function runtimeChoice(callee: Node): string | undefined {
    if (Node.isElementAccessExpression(callee)) {
      const key = callee.getArgumentExpression();
      const holder = callee.getExpression().getType();
      const onClient = holder.getProperties().some((p) => symbolTarget(p.compilerSymbol) !== undefined);
      if (onClient && (key === undefined || !key.getType().isStringLiteral())) {
        return `computed method name \`${key === undefined ? '' : shortText(key)}\` on a Pinpoint client: the operation is chosen at run time`;
      }
      return undefined;
    }
    const branches = Node.isConditionalExpression(callee) ? [callee.getWhenTrue(), callee.getWhenFalse()]
      : Node.isBinaryExpression(callee) && LOGICAL.has(callee.getOperatorToken().getText()) ? [callee.getLeft(), callee.getRight()] : [];
    const names = new Set(branches.flatMap((b) => {
      const named = valueTarget(b);
      return [...clientCandidates(b.getType()), ...(named === undefined ? [] : [named.callee])];
    }));
    return names.size > 1 ? `the callee is one of ${[...names].sort().join(', ')}, chosen at run time` : undefined;
  }

  function visit(call: CallExpression): void {
    const args = call.getArguments();
    const callee = strip(call.getExpression());
    const signature = checker.getResolvedSignature(call.compilerNode);
    const direct = declared(signature?.declaration as ts.Declaration | undefined);
    const choice = runtimeChoice(callee);
    if (choice !== undefined) { unresolved.push({ site: siteOf(call), text: shortText(call), reason: choice }); return; }
    // A paginator takes the client (ours) or a config holding it (the SDK's: `{ client }`) first.
    const paginated = (target: Target) => (target.inputIndex === 0 ? receiverOf(callee) : paginatorClient(args[0]));
    if (direct !== undefined) return resolved(call, direct, args[direct.inputIndex], paginated(direct));
    if (sdkSend(call, callee)) return;
    if (Node.isPropertyAccessExpression(callee) && (callee.getName() === 'call' || callee.getName() === 'apply')) {
      const target = valueTarget(callee.getExpression());
      if (target !== undefined) {
        if (callee.getName() === 'call') return resolved(call, target, args[1 + target.inputIndex], receiverOf(callee));
        const list = args[1] === undefined ? undefined : strip(args[1]);
        return resolved(call, target, list !== undefined && Node.isArrayLiteralExpression(list) ? list.getElements()[target.inputIndex] : list, receiverOf(callee));
      }
    }
    const bound = valueTarget(callee);
    if (bound !== undefined) return resolved(call, bound, args[bound.inputIndex], undefined);
    const why = doubt(callee);
    if (why !== undefined) unresolved.push({ site: siteOf(call), text: shortText(call), reason: why });
  }

  /** A paginator's first argument: our client itself, or the SDK's `{ client }` configuration. */
  function paginatorClient(first: Node | undefined): Node | undefined {
    const e = first === undefined ? undefined : strip(first);
    if (e === undefined || !Node.isObjectLiteralExpression(e)) return e;
    const p = e.getProperty('client');
    if (p === undefined) return undefined;
    return Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p : undefined;
  }

  /** An import of the SDK whose declarations do not resolve: its calls cannot be found, which must be said, not skipped. */
  function missingSdk(file: SourceFile): void {
    for (const decl of file.getImportDeclarations()) {
      if (decl.getModuleSpecifierValue() !== SDK_PACKAGE || decl.getModuleSpecifierSourceFile() !== undefined) continue;
      unresolved.push({
        site: siteOf(decl), text: shortText(decl),
        reason: `${SDK_PACKAGE} is imported but its type declarations are not installed, so no call through the official SDK can be found; install it (npm install ${SDK_PACKAGE}) and run again`,
      });
    }
  }

  for (const file of files) {
    missingSdk(file);
    for (const e of file.getDescendantsOfKind(tsm.SyntaxKind.NewExpression)) constructionOf(e);
    for (const call of file.getDescendantsOfKind(tsm.SyntaxKind.CallExpression)) visit(call);
  }
  return { calls, unresolved, constructions: [...constructions.values()] };
}

/** `file` relative to `root`, with `/`. */
function relative(root: string, file: string): string {
  const r = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(r) ? file.slice(r.length) : file;
}
