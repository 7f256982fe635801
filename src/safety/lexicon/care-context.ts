/**
 * Words that tie an identifier to a person's health, care, visit, billing or patient status,
 * and words that mark the hospital's own public events (whose dates and rooms are not PHI).
 */

/** Health, care, visit, billing or patient-status words. */
export const CARE_TIE =
  /\b(?:patients?(?! (?:relations|experience|advocates?|advocacy|services|financial|portal|family advisory))|surgery|surgeries|surgical|operation|operated|procedure|admitted|admission|admit|discharged?|discharge|inpatient|outpatient|er|e\.r\.|emergency (?:room|department|dept)|icu|nicu|picu|ward|diagnos(?:is|ed|es)|cancer|chemo(?:therapy)?|radiation|tumou?r|biopsy|treatment|treated|appointment|appt|visit(?:ed)?|stay|bill(?:s|ed|ing)?|invoice|copay|co-pay|insurance|claim|prescri(?:ption|bed)|medications?|meds|dose|doctor|physician|surgeon|nurses?|stable|critical|condition|test results?|lab results?|results|mri|x-?ray|ct scan|scan|labou?r|delivered|gave birth|c-section|pregnan(?:t|cy)|miscarriage|overdose|rehab|therapy|dialysis|transplant|fracture[ds]?|broken|injur(?:y|ies|ed)|sick|illness|infection|covid|flu|hospitali[sz]ed|hospital|clinic|recover(?:ing|y|ed)|ambulance|stitches|heart attack|stroke|seizure|diabetes|dementia|alzheimer'?s|pneumonia|sepsis|icu|hospice|palliative|birthday|born|dob|date of birth|mrn|medical record|chart|room|bed|pain|symptoms?|vaccin(?:e|ated|ation)|shot|booster|pharmacy|refill|records?|portal|blood|surgeon|knee|hip|heart|cardiac|oncology|er visit|ed visit|gallbladder|appendix|tonsils?|thyroid|colon|prostate|als|lupus|parkinson'?s|copd|asthma|hiv|hepatitis|std|sti|caring for|cared for|care of|disabled (?:parking )?(?:placard|permit)|disability (?:placard|permit)|medic ?alert|paperwork|disability|fmla|pathology|report|ortho\w*|cardio\w*|neuro\w*|derm\w*|peds|pediatric\w*|ob-?gyn|maternity|mammogram|colonoscopy|ultrasound|a1c|labs?|bloodwork|physical therapy|wound|cast|crutches|wheelchair|referral|specialist|seen (?:in|by|at)|fundraiser|gofundme|ward|unit|floor|behaviou?ral health|mental health|psychiatr\w*|psych (?:ward|unit|eval\w*)|therapist|therapy|counsell?or|counsell?ing|crisis (?:team|unit)|detox|rehab|hospice|dialysis)\b/i;

/** A person the message is about: the writer, someone they name, a relative, or "you". */
export const PERSONAL_REFERENCE =
  /\b(?:i|i'm|im|i've|i'd|me|my|mine|myself|he|she|his|her|him|hers|they|their|them|you|your|you're|yours|mom|mum|mother|dad|father|son|daughter|husband|wife|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|friend|neighbou?r|partner|baby|boyfriend|girlfriend|kid|child|cousin|nephew|niece|fianc[eé]e?)\b/i;

/** The hospital's own public occasions: their dates, rooms and addresses are announcements. Hours waited ("waited 6 hours", d56) are no opening hours. */
export const PUBLIC_EVENT =
  /\b(?:join us|event|fair|class(?:es)?|register|registration|sign up|webinar|seminar|workshop|open house|screening event|clinic hours|(?<!\b(?:waited|waiting|wait|sat|sitting|stuck|on hold|been there|been here) (?:for )?(?:over |almost |nearly |about )?(?:\d+\+?|an?|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few|many)(?: more| whole| long)? )hours|closed on|open on|will be closed|holiday|drive|5k|10k|run|walk|gala|celebrat\w*|awareness|picnic|tour|talk|lecture|support group|meeting|free flu shot|rsvp|tickets|festival|fundraiser|ribbon|grand opening|now open|opening|starting|starts|through|deadline|enroll(?:ment)?|ceremony|survivors|q&a|meet|free|join|welcome|lobby|retires?|retirement|congratulations|congrats to (?:dr|nurse|our))\b/i;

/** Date cues that make a date a person's date: birth, admission, discharge, visit, surgery. */
export const PERSONAL_DATE_CUE =
  /\b(?:born|birth|arrived|dob|birthday|admitted|admission|discharged?|discharge|visit(?:ed)?|surgery|operation|procedure|appointment|appt|seen|treated|delivered|died|passed away|passed|diagnosed|scan|test|was in|were in|since|on)\b/i;
