/**
 * Medical phrasing that general sentiment lexicons misread, rewritten into words the lexicon
 * scores the way a patient would mean them. Order matters: specific phrases first.
 */
export const MEDICAL_REWRITES: ReadonlyArray<[RegExp, string]> = [
  // Good news in clinical words.
  [/\b(?:tested|test(?:s)? (?:came back|was|were|is)|results? (?:came back|was|were|is)|came back)\s+negative\b/gi, ' good news '],
  [/\bnegative (?:covid |hiv |flu |strep |pregnancy )?(?:test|result|results|biopsy|scan|for)\b/gi, ' good news '],
  [/\b(?:cancer|tumou?r)[- ]free\b|\bin remission\b|\bno evidence of disease\b|\bned\b|\ball clear\b|\bclean scans?\b|\bclear scans?\b|\bscans? (?:was|were|came back) clear\b|\bbenign\b|\b(?:tumou?r|mass) shrank\b|\bshrank by\b|\bpositive\W+for a healthy\b/gi, ' good news '],
  [/\b(?:discharged|going home|went home|home from the hospital|rang the bell|ring(?:ing)? the bell|out of surgery|surgery went (?:well|perfectly|great)|fever (?:finally )?broke|down \d+ points|a1c (?:is )?down)\b/gi, ' happy news '],
  [/\bpositive (?:for|test)\b|\btested positive\b|\bmalignant\b|\bmetasta\w+\b|\bterminal\b/gi, ' bad news '],
  [/\bpassed away\b|\blost (?:my|our|his|her) (?:battle|fight)\b|\bsorry for (?:your|the) loss\b|\bcondolences\b/gi, ' sad loss '],
  // Neutral information that reads as alarming.
  [/\b(?:deadly|fatal|lethal|dangerous|can kill|could kill|may kill)\s+(?:if|when|in|for|to)\b/gi, ' matters if '],
  [/\b(?:#1|number one|leading|top) killer\b/gi, ' leading cause '],
  [/\bkills? (?:germs|bacteria|viruses|\d+% of)\b/gi, ' removes germs '],
  [/\b(?:pain|stress|weight) (?:management|relief|clinic|center|free)\b/gi, ' care service '],
  [/\bfight(?:ing)? (?:cancer|the flu|infection|disease)\b/gi, ' treating illness '],
  [/\b(?:breast |prostate |colon |lung |skin )?cancer (?:awareness|screening|center|centre|pavilion|care|survivors?|research|month|walk|run|network|team)\b/gi, ' health program '],
  [/\b(?:heart|stroke|diabetes|cancer|suicide|overdose|mental health) (?:awareness|prevention|screening|month|week|day|center|unit|team)\b/gi, ' health program '],
  [/\bemergency (?:room|department|medicine|care|physician)\b|\burgent care\b|\bintensive care\b|\bcritical care\b|\bcrisis (?:line|lifeline)\b/gi, ' care unit '],
  [/\b(?:no|without|zero) (?:pain|complications|side effects|problems|issues)\b/gi, ' fine '],
  [/\bpain[- ]free\b|\bsymptom[- ]free\b/gi, ' fine '],
  [/\bflu (?:shots?|clinics?|season|vaccines?)\b/gi, ' vaccine '],
  [/\bpositive (?:attitude|outlook|vibes|experience)\b/gi, ' good experience '],
  [/\b(?:free|no cost)\b/gi, ' '],
  // "killing me", "dying to": idioms, not health statements.
  [/\bdying to\b/gi, ' eager to '],
  [/\bkill(?:ing)? it\b|\bknock 'em dead\b|\bkiller\b/gi, ' great '],
];

/** Emoji the bundled VADER port does not score. */
export const EMOJI_VALENCE: ReadonlyArray<[RegExp, string]> = [
  [/[🎉🥳😊😍🥰❤💙💕💖💚💜🧡🤍😀😃😄😁🙌👏👍💪🔥✨⭐🌟🏆🎂🎈💐🥹☺😌🤗😎🍀👶🍼]/gu, ' great '],
  [/[😭😢😩😒😣😡🤬💔😞😟😠😤🤮🤢😰😱😨😖😫☹🙁]/gu, ' sad '],
  [/[🙏]/gu, ' grateful '],
  [/[😂🤣😆😅]/gu, ' lol '],
];
