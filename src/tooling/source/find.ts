/**
 * Finds every call of a PinpointClient method or paginator in a project, by type: the callee's resolved signature
 * must be declared by the generated client (`generated/client.ts`, or `client.d.ts` when installed from npm). That
 * covers aliases, destructured methods, wrappers that receive the client, callbacks, subclasses and class fields
 * without following names. `.call`/`.apply` and `const f = client.m.bind(client)` are followed explicitly. A call
 * that may reach the client but whose operation the types do not fix (through `any`, a computed method name, a union
 * of methods) is reported as unresolved: never guessed.
 */
import type { CallExpression, Node, Project, SourceFile, ts, Type } from 'ts-morph';
import type { OperationSpec } from '../../client/spec.js';
import { findOperation } from '../catalog.js';
import type { CallSite, UnresolvedCall } from './types.js';
import { idReader, shortText, stripper, type IdValue } from './ids.js';
import type { TsMorphModule } from './load.js';

/** The generated client module, in the repository or as the published declarations. */
const CLIENT_FILE = /(^|[\\/])generated[\\/]client\.(d\.)?ts$/;
const CLIENT_CLASS = 'PinpointClient';
const PAGINATOR_PREFIX = 'paginate';

/** What a callee is: an operation, called as a method (input is argument 0) or a paginator (argument 1). */
interface Target {
  readonly op: OperationSpec;
  readonly callee: string;
  readonly inputIndex: number;
}

/** A resolved call: its operation and what the source says about each ARN id. */
export interface FoundCall {
  readonly site: CallSite;
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
    if (decl === undefined || !CLIENT_FILE.test(decl.getSourceFile().fileName)) return undefined;
    if ((tsc.isMethodDeclaration(decl) || tsc.isMethodSignature(decl)) && tsc.isIdentifier(decl.name)) {
      const owner = decl.parent;
      return tsc.isClassDeclaration(owner) && owner.name?.text === CLIENT_CLASS ? targetNamed(decl.name.text, false) : undefined;
    }
    if (tsc.isFunctionDeclaration(decl) && decl.name?.text.startsWith(PAGINATOR_PREFIX)) return targetNamed(decl.name.text, true);
    return undefined;
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

  function resolved(call: CallExpression, target: Target, input: Node | undefined): void {
    const values: Record<string, IdValue> = {};
    for (const label of target.op.labels) values[label] = ids.member(input, label);
    calls.push({ site: siteOf(call), callee: target.callee, text: shortText(call), op: target.op, ids: values });
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
    if (direct !== undefined) return resolved(call, direct, args[direct.inputIndex]);
    if (Node.isPropertyAccessExpression(callee) && (callee.getName() === 'call' || callee.getName() === 'apply')) {
      const target = valueTarget(callee.getExpression());
      if (target !== undefined) {
        if (callee.getName() === 'call') return resolved(call, target, args[1 + target.inputIndex]);
        const list = args[1] === undefined ? undefined : strip(args[1]);
        return resolved(call, target, list !== undefined && Node.isArrayLiteralExpression(list) ? list.getElements()[target.inputIndex] : list);
      }
    }
    const bound = valueTarget(callee);
    if (bound !== undefined) return resolved(call, bound, args[bound.inputIndex]);
    const why = doubt(callee);
    if (why !== undefined) unresolved.push({ site: siteOf(call), text: shortText(call), reason: why });
  }

  for (const file of files) for (const call of file.getDescendantsOfKind(tsm.SyntaxKind.CallExpression)) visit(call);
  return { calls, unresolved };
}

/** `file` relative to `root`, with `/`. */
function relative(root: string, file: string): string {
  const r = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(r) ? file.slice(r.length) : file;
}
