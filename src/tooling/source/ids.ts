/**
 * What an id in a call's input is, read from the source: a string the code fixes (a literal, a `const`, a template
 * literal of such), or unknown with the reason why. Unknown is never narrowed by guessing: the policy holds a wildcard.
 * Object literals written at the call are read from their text; any other value only from its type, because a
 * variable holding an object can be changed between its declaration and the call, while its type cannot lie (short
 * of a cast).
 */
import type { Expression, Node, ObjectLiteralExpression, Type } from 'ts-morph';
import type { TsMorphModule } from './load.js';

/** A fixed string, or why the id is not known. */
export type IdValue = { readonly value: string } | { readonly unknown: string };

const MAX_TEXT = 60;
/** Source text on one line, shortened for a message. */
export const shortText = (node: Node): string => {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
};

/** Parentheses, `as`, `satisfies` and `!` change no value: the expression under them. */
export function stripper({ Node }: TsMorphModule): (e: Node) => Node {
  return (e) => {
    let n = e;
    while (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isNonNullExpression(n)) n = n.getExpression();
    return n;
  };
}

export interface IdReader {
  /** The value of input member `member` of the call's input argument (undefined when there is none). */
  readonly member: (input: Node | undefined, member: string) => IdValue;
}

export function idReader(tsm: TsMorphModule): IdReader {
  const { Node } = tsm;

  const strip = stripper(tsm);

  /** `loadSegment` for a function declaration or a function assigned to a variable or field. */
  function functionName(fn: Node): string {
    if (Node.hasName(fn)) return fn.getName();
    const holder = fn.getParent();
    return holder !== undefined && (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder) || Node.isPropertyAssignment(holder)) ? holder.getName() : 'a function';
  }

  /** Why a value of this type at this expression is not a fixed string. */
  function whyUnknown(e: Node, type: Type): string {
    const text = shortText(e);
    if (type.isAny()) return `\`${text}\` is of type any`;
    if (Node.isIdentifier(e)) {
      const decl = e.getSymbol()?.getValueDeclaration();
      if (decl !== undefined && Node.isParameterDeclaration(decl)) {
        const name = functionName(decl.getParent());
        return `\`${text}\` is a parameter of ${name} (${decl.getSourceFile().getBaseName()}:${decl.getStartLineNumber()})`;
      }
      if (decl !== undefined && Node.isVariableDeclaration(decl) && !decl.getVariableStatement()?.getDeclarationKind().startsWith('const')) {
        return `\`${text}\` is a variable that can change (not a const)`;
      }
    }
    return `\`${text}\` is not a constant string (type ${type.getText(e)})`;
  }

  /** The value of an expression the id is written as. */
  function expressionValue(node: Node): IdValue {
    const e = strip(node);
    if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return { value: e.getLiteralValue() };
    if (Node.isTemplateExpression(e)) {
      let value = e.getHead().getLiteralText();
      for (const span of e.getTemplateSpans()) {
        const part = expressionValue(span.getExpression());
        if ('unknown' in part) return { unknown: `template literal ${shortText(e)} has a part that is not constant: ${part.unknown}` };
        value += part.value + span.getLiteral().getLiteralText();
      }
      return { value };
    }
    const type = e.getType();
    if (type.isStringLiteral()) return { value: type.getLiteralValue() as string };
    return { unknown: whyUnknown(e, type) };
  }

  /** The member's value from the type of `holder` (a spread or an input that is not written at the call). */
  function typedMember(holder: Node, member: string, what: string): IdValue | undefined {
    const type = strip(holder).getType();
    if (type.isAny()) return { unknown: `${what} \`${shortText(holder)}\` is of type any` };
    const prop = type.getProperty(member);
    if (prop === undefined) return undefined;
    const propType = prop.getTypeAtLocation(holder);
    if (propType.isStringLiteral()) return { value: propType.getLiteralValue() as string };
    return { unknown: `${member} comes from ${what} \`${shortText(holder)}\` whose type gives it no fixed value (${propType.getText(holder)})` };
  }

  /** The member as an object literal written at the call sets it: the last property or spread that can set it wins. */
  function literalMember(obj: ObjectLiteralExpression, member: string): IdValue {
    const props = obj.getProperties();
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i] as Node;
      if (Node.isSpreadAssignment(p)) {
        const v = typedMember(p.getExpression(), member, 'a spread');
        if (v !== undefined) return v;
      } else if (Node.isPropertyAssignment(p) && propertyName(p.getNameNode()) === member) {
        return expressionValue(p.getInitializerOrThrow());
      } else if (Node.isShorthandPropertyAssignment(p) && p.getName() === member) {
        return expressionValue(p.getNameNode());
      } else if (Node.isPropertyAssignment(p) && Node.isComputedPropertyName(p.getNameNode())) {
        return { unknown: `the input sets a computed property \`${shortText(p.getNameNode())}\`, which may be ${member}` };
      }
    }
    return { unknown: `the input object does not set ${member}` };
  }

  function propertyName(name: Node): string | undefined {
    if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
    if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
    return undefined;
  }

  return {
    member(input, member) {
      if (input === undefined) return { unknown: 'the call passes no input' };
      const e = strip(input) as Expression;
      if (Node.isObjectLiteralExpression(e)) return literalMember(e, member);
      return typedMember(e, member, 'the input') ?? { unknown: `the input \`${shortText(e)}\` has no ${member}` };
    },
  };
}
