/**
 * Outgoing phrasings that confirm someone is or was a patient. Each is a violation in a post or
 * reply even when no identifier beyond a first name or the replied-to handle appears.
 */

/** Nouns of care events; "-ectomy", "-plasty", "-oscopy" procedures are matched by suffix. */
const CARE_NOUN =
  "(?:surgery|operation|procedure|stay|admission|discharge(?: plan)?|er visit|ed visit|visit|test results?|lab results?|results|labs|biopsy|diagnosis|treatment|chemo(?:therapy)?|radiation|delivery|c-section|scans?|mri|x-?rays?|recovery|rehab|bill|invoice|claim|registration|intake|records|(?:pathology|radiology|lab|biopsy|imaging|discharge|operative|op|visit|medical|scan) report|paperwork|prescriptions?|referral|infusion|dialysis|transplant|fracture|injury|replacement|prep|prenatal \\w+|postpartum \\w+|due date|pregnancy|care team|icu care|room|bed|appointment|\\w+(?:ectomy|otomy|plasty|oscopy|ostomy))";

const CARE_EVENT = `(?:(?:[\\w'-]+\\s+){0,3}?${CARE_NOUN}|wait in (?:the |our )?(?:er|ed|emergency)|time (?:with us|in (?:the |our )?(?:er|icu|nicu|hospital))|experience in (?:the |our )?(?:er|ed|icu|nicu|emergency|hospital|clinic|ward))`;

const RELATIVE =
  '(?:mom|mum|mother|dad|father|son|daughter|husband|wife|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|baby|little one|child|kid|partner|friend|loved one)';

const STATE =
  '(?:home(?: now)?|stable|recovering|resting|doing (?:well|better|great|fine)|in (?:good|fair|serious|critical|stable) condition|in (?:room|bed|the icu|icu|the nicu|the er|surgery|recovery|the ward|our care)|(?:was |been )?(?:admitted|discharged|moved|transferred|seen|treated|delivered|born)|out of surgery|going home|home now|awake|improving)';

export const PATIENT_STATUS_PATTERNS: readonly RegExp[] = [
  // "glad your knee surgery went well", "sorry about your stay", "how was your visit"
  new RegExp(`\\byour\\s+${CARE_EVENT}\\b`, 'i'),
  // "your mother is stable in room 412"
  new RegExp(`\\byour\\s+${RELATIVE}(?:'s)?\\s+(?:is|was|has been|'s|remains)\\s+(?:now\\s+|still\\s+)?${STATE}`, 'i'),
  // "you were admitted", "you're recovering", "you are in room 5"
  new RegExp(`\\b(?:you|you're|you are|you were)\\s+(?:now\\s+|still\\s+)?${STATE}`, 'i'),
  // "we treated you", "our team cared for your dad"
  /\b(?:we|our (?:team|staff|nurses|doctors|surgeons))\s+(?:treated|saw|admitted|discharged|cared for|operated on|delivered|took care of)\s+(?:you|your)\b/i,
  // "thank you for choosing us for your care", "welcome back to the ICU"
  /\b(?:thanks?|thank you) for (?:choosing|trusting) us (?:for|with) your\b/i,
  // "Tom is stable", "Mrs. Diaz was discharged": a capitalised name followed by a patient state
  new RegExp(`\\b\\p{Lu}[\\p{Ll}'-]+\\s+(?:is|was|has been|remains)\\s+(?:now\\s+|still\\s+)?${STATE}`, 'u'),
  // "your son's ER visit", "your father's ICU care team"
  new RegExp(`\\byour\\s+${RELATIVE}(?:'s|’s)\\s+(?:[\\w'-]+\\s+){0,3}?${CARE_NOUN}\\b`, 'i'),
  // "her stroke rehab with us", "his asthma visit to our peds urgent care", "Ethan's tonsillectomy"
  // (no i flag: the possessive must be a capitalised name, so CARE_NOUN is lower case here)
  new RegExp(`\\b(?:[Hh]is|[Hh]er|[Tt]heir|\\p{Lu}\\p{Ll}+(?:'s|’s))\\s+(?:[\\w'-]+\\s+){0,2}?(?:${CARE_NOUN}|ER visit|MRI|ICU stay)\\b(?=[^.!?]{0,40}\\b(?:with us|here|our|at (?:the )?(?:RRMC|hospital)|this week|today|is now|went|was|is)\\b)`, 'u'),
  // "honored to care for Linda", "loved caring for you", "welcome back for round 3 of chemo"
  /\b(?:care|caring|cared) for \p{Lu}\p{Ll}+\b(?!(?:'s|’s)? (?:kids|children|babies|families|residents|patients|seniors|veterans|moms|mothers|parents|neighbou?rs|communit\w*|area)\b)/u,
  /\b(?:loved|enjoyed|honou?red|privilege|pleasure|glad|happy|proud) (?:to )?(?:care|caring|cared) for you\b/i,
  /\bwelcome back (?:for|to) (?:round|your|the|our|cycle)\b/i,
  // "the cyclist struck this morning is in stable condition in our ICU": one person's condition, reported by us
  /\b(?:is|are|was|remains?|listed|now) (?:now |still )?in (?:stable|critical|serious|fair|good|guarded|satisfactory) condition\b/i,
  // "Patient spotlight", "our longest-attending cardiac rehab patient", "NICU graduate of the month"
  /\b(?:patient (?:spotlight|story|of the (?:month|week))|(?:nicu|rehab|icu) graduate|graduate of the month|our (?:[\w-]+ ){0,3}patient\b(?! (?:care|areas?|rooms?|portal|experience|relations|safety|privacy|advocates?|financial|services|(?:&|and) family|family|advisory|navigators?|education|access)))/i,
  // "went home 2/10 after 84 days with us", "discharged 6/14", "born 3/2"
  /\b(?:went home|discharged|born|admitted|delivered)\s+(?:on\s+)?\d{1,2}\/\d{1,2}\b|\bafter \d+ (?:days|weeks|months) (?:with us|in (?:the |our )?(?:nicu|icu|hospital))/i,
  // "your … is confirmed/rebooked for Thursday"
  /\byour\s+(?:[\w'-]+\s+){0,4}?(?:intake|appointment|surgery|procedure|visit|consult(?:ation)?|scan|mri)\s+(?:is|has been|was)\s+(?:now\s+)?(?:confirmed|rebooked|rescheduled|scheduled|moved|cancell?ed|booked)/i,
  // "the family of the patient in ICU bed 6": a bed or room pins down one person
  /\b(?:the )?patient (?:in|from) (?:the )?(?:[A-Za-z]{2,5} )?(?:room|bed|bay|suite) \d+/i,
  // Spanish: "su esposo fue trasladado a la habitación 308", "su mamá está estable", "le dieron de alta"
  /\bsu (?:esposo|esposa|mam[aá]|madre|pap[aá]|padre|hij[oa]|beb[eé]|herman[oa]|abuel[oa]|familiar)\b[^.!?]{0,30}\b(?:fue|est[aá]|sigue|ha sido)\s+(?:trasladad[oa]|ingresad[oa]|internad[oa]|dad[oa] de alta|estable|operad[oa]|en (?:la )?(?:habitaci[oó]n|cama|uci|sala))|\b(?:le|les) (?:dieron|damos|daremos) de alta\b/i,
  // "Governor Marsh, whose daughter welcomed twin boys at our Family Birth Center": a relative's care here
  new RegExp(`\\bwhose\\s+${RELATIVE}\\s+(?:[\\w'-]+\\s+){0,2}?(?:welcomed|delivered|gave birth|was born|was admitted|had (?:her|his|their) (?:surgery|baby)|is recovering)\\b[^.!?]{0,60}\\b(?:at our|here|with us|in our)\\b`, 'i'),
  // "thrilled to have welcomed your new granddaughter": a birth here in the family
  /\bwelcom(?:e|ed|ing) your (?:new )?(?:baby|son|daughter|grand(?:daughter|son|baby|child)|twins|triplets|little one)\b/i,
  // "the quilt for your sister on the oncology floor": a relative on one of our units
  new RegExp(`\\byour\\s+${RELATIVE}\\s+(?:on|in) (?:the |our )?(?:[\\w&-]+ ){0,2}(?:floor|unit|ward|wing|icu|nicu|picu)\\b`, 'i'),
  // "get well soon, Tom", "speedy recovery"
  /\b(?:get well soon|speedy recovery|wishing (?:you|him|her|them) (?:a )?(?:speedy |quick |full )?recovery|glad (?:you're|you are|he's|she's|they're) (?:home|feeling better|recovering|doing better))\b/i,
];

/** Second-person phrases that are general advice or invitations, not confirmations. */
export const GENERIC_SECOND_PERSON =
  /\b(?:schedule|book|make|request|reschedule|confirm|manage|check|view|pay|prepare for|before|ahead of|plan|bring|after your (?:first|next))\s+(?:an? |your )?(?:next |first |annual |yearly )?(?:appointment|visit|bill|results|test results|mammogram|screening|scan|procedure|surgery|stay|claim)\b|\b(?:ask|talk to|consult|check with|speak with|tell) your\b|\b(?:questions?|concerns?) (?:about|on|regarding) your\b|\bportal\b/i;
