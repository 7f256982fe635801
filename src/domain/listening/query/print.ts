/**
 * Writes a query back as text that parses to the same tree: explicit AND, capital operators,
 * normalised words, and parentheses only where precedence needs them (and around nested groups
 * of the same kind, which the parser keeps as written).
 */
import type { NearOperand, QueryNode } from './ast.ts';

export function print(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.word + (node.prefix ? '*' : '');
    case 'phrase':
      return `"${node.words.join(' ')}"`;
    case 'author':
      return `author:${node.handle}`;
    case 'lang':
      return `lang:${node.code}`;
    case 'near':
      return `${nearOperand(node.left)} NEAR/${node.distance}${node.ordered ? 'f' : ''} ${nearOperand(node.right)}`;
    case 'not':
      return `NOT ${node.child.kind === 'and' || node.child.kind === 'or' ? `(${print(node.child)})` : print(node.child)}`;
    case 'and':
      return node.children.map((c) => (c.kind === 'and' || c.kind === 'or' ? `(${print(c)})` : print(c))).join(' AND ');
    case 'or':
      return node.children.map((c) => (c.kind === 'or' ? `(${print(c)})` : print(c))).join(' OR ');
  }
}

function nearOperand(operand: NearOperand): string {
  return operand.kind === 'or' ? `(${operand.children.map(print).join(' OR ')})` : print(operand);
}
