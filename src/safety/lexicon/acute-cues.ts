/**
 * Broad cues for the statistical layer (not decisions on their own): how people describe acute
 * symptoms, a crisis, something happening now, and a product followed by a harm. Written from
 * general clinical knowledge (triage red flags, crisis-line screening wording, MedWatch narratives),
 * with the slang and misspellings people use online.
 */
import { SUSPECT_PRODUCT, GENERIC_PRODUCT } from './adverse-events.ts';

/** Something is happening now or needs help now. */
export const ACUTE_NOW =
  /\b(?:right now|rn|atm|as we speak|just now|this (?:second|minute)|currently|tonight|at the moment|happening|hurry|asap|quick(?:ly)?|urgent(?:ly)?|help+|please+|pls|plz|911|999|112|ambulance|paramedics?|ems|en route|on (?:the|our) way|omw|getting worse|worse and worse|won(?:'|’)?t stop|wont stop|not stopping|keeps? (?:getting|going)|still (?:bleeding|not|can(?:'|’)?t)|for the (?:last|past) (?:\d+|few|couple|hour|hours|minutes?)|minutes? ago|an hour ago|what do (?:i|we) do|what should (?:i|we) do|should (?:i|we) (?:go|call|take)|do (?:i|we) (?:go|call)|is this (?:an emergency|serious|normal)|scared|terrified|freaking out|panicking)\b/i;

/** Acute red-flag symptoms in lay words, slang and common misspellings. */
export const ACUTE_SYMPTOM_BROAD =
  /\b(?:chest (?:pain|hurts?|pressure|tight\w*|heavy|squeez\w*|crush\w*)|heart (?:attack|racing|pounding|stopped|skipping)|arm (?:is )?(?:numb|tingl\w*|dead)|jaw pain|can(?:'|’)?t (?:breath|breathe|brethe|breth)|cant (?:breath|breathe|brethe)|cannot breathe|short of breath|out of breath|gasp\w*|wheez\w*|choking|chocking|blue (?:lips|face)|lips? (?:blue|purple)|turning (?:blue|purple|gr[ae]y)|stroke|droop\w*|slurr\w*|numb(?:ness)? on one side|one side (?:numb|weak)|face (?:is )?(?:numb|crooked)|can(?:'|’)?t (?:talk|speak|move|walk|see|stand|stay awake|wake (?:him|her|them))|unconscious|unresponsive|passed out|passing out|blacked out|black(?:ing)? out|fainted|collaps\w*|not waking|won(?:'|’)?t wake|wont wake|limp|floppy|seiz\w*|convuls\w*|fitting|shaking uncontrollably|overdos\w*|\bod(?:ing|ed|d)?\b|took (?:too many|all|a bunch|a handful)|swallow\w*|poison\w*|bleach|bleed\w*|blood (?:everywhere|loss|pouring|gushing)|hemorrhag\w*|haemorrhag\w*|gushing|spurting|anaphyla\w*|throat (?:closing|swell\w*|tight\w*)|tongue swell\w*|swelling up|epi-?pen|hives all over|stung|snake ?bite|bitten by|shot|stabbed|gunshot|crash(?:ed)?|hit by|fell (?:down|off|from)|head (?:injury|trauma)|hit (?:my|his|her|their) head|concussion|burn(?:ed|t)? (?:badly|bad)|electrocut\w*|drown\w*|heat ?stroke|hypotherm\w*|worst headache|thunderclap|stiff neck|rash (?:that )?(?:won(?:'|’)?t|doesn(?:'|’)?t) fade|purple (?:spots|rash)|fever (?:of )?(?:10[3-9]|4\d)|vomiting blood|throwing up blood|coughing (?:up )?blood|black (?:stool|poop)|water broke|contractions|no fetal movement|baby (?:isn(?:'|’)?t|not|stopped) moving|blood sugar (?:is )?(?:[1-4]\d|[5-9]\d\d)\b|hypo(?:glycemi\w*)?|dka|confused|disoriented|delirious|not making sense|can(?:'|’)?t feel)\b/i;

/** Crisis and self-harm vocabulary, including coded slang ("unalive", "sewerslide", "kms"). */
export const CRISIS_WORDS =
  /\b(?:suicid\w*|su[i1]c[i1]d\w*|sewer ?slide|unaliv\w*|\bkms\b|\bkys\b|kill(?:ing)? my ?self|end(?:ing)? (?:it|my life|things|everything|the pain)|take my (?:own )?life|want(?:ed)? to die|wanna die|wish i (?:was|were) (?:dead|gone|never born)|not (?:want|wanting) to (?:be here|live|exist|wake up)|don(?:'|’)?t want to (?:be here|live|exist|wake up|go on)|no (?:reason|point) (?:to|in) (?:live|living|go on|going on|stay|staying)|hopeless|worthless|no way out|trapped|burden|can(?:'|’)?t (?:take|do) (?:it|this) anymore|can(?:'|’)?t go on|give up on (?:life|everything)|giving up|tired of (?:living|fighting|everything|being alive|it all)|goodbye|farewell|final (?:post|message|note)|last (?:post|message|time)|(?:suicide )?note|will and|gave away|giving away|razor|blades?|cutting|cut myself|burning myself|self[- ]?harm\w*|sh relapse|relapsed|rope|noose|bridge|ledge|jump(?:ing)? (?:off|from)|pills? (?:saved|stockpiled|counted|ready|lined up)|stockpil\w*|hoard\w* (?:pills|meds)|lethal|fatal dose|how many .{0,30}(?:kill|die|fatal|lethal)|disappear (?:forever|for good)|sleep forever|never wake up|better off (?:without me|dead|gone)|nobody (?:would|will) (?:care|miss|notice)|no one (?:would|will) (?:care|miss|notice)|empty inside|numb inside|make it (?:all )?stop|at peace with)\b/i;

const PRODUCTS = `(?:${SUSPECT_PRODUCT.source}|${GENERIC_PRODUCT.source})`;

/** A product with a time or cause cue before or after it: "since starting X", "after my X", "X gave me". */
export const PRODUCT_SINCE = new RegExp(
  String.raw`\b(?:after|since|ever since|since starting|started|starting|following|post|from|on|switched to|began|day after|week after|night after|hours? after|days? after)\b(?:\s+\S+){0,4}?\s*${PRODUCTS}|${PRODUCTS}(?:\s+\S+){0,4}?\s+(?:gave me|made me|has me|caused|and now|and then|then|now|ever since|since)\b`,
  'i',
);
