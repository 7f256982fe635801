/**
 * The parsed form of a listening query. Words are stored normalised (see text-tokens.ts): a term
 * `Café` is `{ word: 'cafe' }`; a leading `#` or `@` in `word` means "only as a hashtag / mention".
 * Nodes carry no source positions, so two spellings of one query parse to equal trees.
 */
export type QueryNode = TermNode | PhraseNode | NearNode | AuthorNode | LangNode | AndNode | OrNode | NotNode;

/** One word; `prefix` is a trailing `*` wildcard (`vaccin*`). */
export interface TermNode {
  kind: 'term';
  word: string;
  prefix: boolean;
}

/** Two or more words in a row ("flu shot"; also `covid-19`, which tokenises to two words). */
export interface PhraseNode {
  kind: 'phrase';
  words: string[];
}

/** The alternatives `(flu OR influenza)` allowed on either side of NEAR. */
export interface NearAlternatives {
  kind: 'or';
  children: Array<TermNode | PhraseNode>;
}

export type NearOperand = TermNode | PhraseNode | NearAlternatives;

/** `left NEAR/distance right`: at most `distance` words between them; `ordered` (NEAR/nf) means left comes first. */
export interface NearNode {
  kind: 'near';
  left: NearOperand;
  right: NearOperand;
  distance: number;
  ordered: boolean;
}

/** `author:handle`, handle lowercased without the leading @. */
export interface AuthorNode {
  kind: 'author';
  handle: string;
}

/** `lang:en`, a lowercased BCP 47 tag; `en` also matches `en-us`. */
export interface LangNode {
  kind: 'lang';
  code: string;
}

/** Two or more children; parenthesised groups stay nested as written. */
export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}
