/** Phrases behind each incoming-message intent. Kept as data so reviewers can read them in one place. */

export const EMERGENCY_SYMPTOM = new RegExp(
  [
    String.raw`chest (?:pain|pressure|tightness|is tight|hurts|feels tight|feels heavy)`,
    String.raw`crushing (?:pain|chest)`,
    String.raw`(?:having|had|is having) a heart attack`,
    String.raw`is this a heart attack|chest feels like|elephant (?:sitting )?on (?:my|his|her) chest`,
    String.raw`wheez\w+|puffing up|gasping|breathing (?:is )?(?:slow|shallow|weird|labou?red|funny)|barely breathing|not breathing right`,
    String.raw`lips (?:are |look |looks |turned |turning )?(?:blue|gr[ae]y|purple)`,
    String.raw`one side of (?:his |her |my |the )?(?:body|face) (?:not|won(?:'|’)?t|can(?:'|’)?t|is|isn(?:'|’)?t|doesn(?:'|’)?t)|(?:she|he) (?:not|can(?:'|’)?t|cant|cannot) (?:speak|talk)|can(?:'|’)?t talk right|cant talk right`,
    String.raw`won(?:'|’)?t respond|wont respond|not respond(?:ing|ive)|barely (?:answering|responding|conscious)|convuls\w+|convulsi[oó]n|no respira|no puede respirar|can(?:'|’)?t breathe bien`,
    String.raw`swallowed (?:a |an )?(?:button )?(?:battery|magnet|coin)|got into (?:my|the|his|her) (?:\w+ )?(?:pills|bottle|medicine|meds)`,
    String.raw`(?:sugar|glucose|bg|blood sugar) (?:is |of |at |was )?(?:[1-4]\d)\b`,
    String.raw`soak(?:ing|ed) through|won(?:'|’)?t stop|wont stop`,
    String.raw`can(?:'|’)?t breathe|cannot breathe|can not breathe|can(?:'|’)?t catch (?:my|his|her) breath`,
    String.raw`(?:trouble|difficulty|struggling|hard time) breathing|hard to breathe|struggling to breathe`,
    String.raw`short(?:ness)? of breath|not breathing|stopped breathing|gasping for air|wheezing badly`,
    String.raw`choking|turning blue|lips (?:are |turned |turning )?blue|blue lips`,
    String.raw`face (?:is )?drooping|droopy face|face droop|slurr(?:ed|ing) (?:speech|words|her words|his words)|speech is slurred`,
    String.raw`can(?:'|’)?t (?:move|feel|lift) (?:my|his|her) (?:left |right )?(?:arm|leg|face|side)`,
    String.raw`(?:sudden(?:ly)?|one side) (?:numb|weak)|numb on one side|weak on one side|arm (?:is )?(?:numb|weak) and`,
    String.raw`(?:having|is having|think(?:s|ing)? (?:it'?s|he'?s|she'?s|i'?m) having) a (?:stroke|heart attack)|stroke symptoms|signs of a stroke right now`,
    String.raw`worst headache of (?:my|his|her) life`,
    String.raw`overdos(?:e|ed|ing)|\bOD(?:'?d|ed)?\b|took too many (?:pills|tablets)|swallowed (?:a bottle|a handful|pills|bleach|detergent)`,
    String.raw`bleeding (?:heavily|a lot|badly|profusely|everywhere|non-?stop)|(?:won(?:'|’)?t|will not|doesn(?:'|’)?t|can(?:'|’)?t get it to) stop bleeding|bleeding (?:that )?won(?:'|’)?t stop|severe bleeding|blood everywhere|losing (?:a lot of )?blood|soaked through`,
    String.raw`anaphyla\w+|allergic reaction|throat (?:is )?(?:closing|swelling|tight(?:ening)?)|tongue (?:is )?swell\w*|lips (?:are )?swell\w*|face (?:is )?swell\w*|swelling up|used (?:my|his|her|the) epi-?pen|need(?:s)? (?:an|my|his|her) epi-?pen`,
    String.raw`unconscious|unresponsive|not responsive|passed out|won(?:'|’)?t wake up|wont wake up|not waking up|collapsed|fainted and`,
    String.raw`seizure|seizing|convulsing`,
    String.raw`poison(?:ed|ing)|ate (?:rat poison|detergent|a tide pod|pills)|drank (?:bleach|antifreeze)`,
    String.raw`gunshot|been shot|was shot|stabbed|hit by a car|car (?:accident|crash)|drowning|fell (?:and hit (?:his|her|my) head|from)|head injury`,
    String.raw`fever (?:of |is )?10[4-9]|(?:baby|infant|newborn).{0,30}(?:fever|not breathing|limp|blue|won(?:'|’)?t wake)`,
    String.raw`call(?:ed|ing)? (?:9-?1-?1|an ambulance)|need an ambulance|ambulance (?:is )?on (?:its|the) way|should (?:i|we) call 911`,
    String.raw`pain in (?:my|his|her) chest|chest (?:pain|pressure)|pain (?:radiating|spreading|going) (?:down|to|into) (?:my|his|her) (?:left )?(?:arm|jaw|back)|heart (?:is )?(?:racing|pounding) and (?:i|he|she|i'm|he's|she's) (?:feel|feels|about to|going to|might)? ?(?:faint|pass out|dizzy)|no pulse|cardiac arrest|heart stopped beating`,
    String.raw`can(?:'|’)?t (?:get|catch) (?:any )?(?:air|my breath|his breath|her breath)|cant breath\b|struggling for (?:air|breath)|lungs? (?:are |is )?(?:closing|tight)|something stuck in (?:my|his|her) throat|breathing (?:fast|hard|heavy|rapid)`,
    String.raw`sudden(?:ly)? (?:confused|confusion|can(?:'|’)?t (?:see|speak|talk|walk))|can(?:'|’)?t see out of one eye|vision (?:went|going) (?:black|dark)|lost (?:the )?vision in|(?:arm|leg|face|side) (?:went|goes|is going) (?:numb|dead|limp)|can(?:'|’)?t (?:speak|talk)(?: properly| right)?,? (?:and|her|his)`,
    String.raw`fitting|blacked out|hit (?:my|his|her) head (?:and|now)|(?:vomiting|throwing up|coughing up|spitting up) blood|blood in (?:my|his|her) (?:vomit|stool)|gushing blood|blood (?:is )?(?:pouring|gushing|spurting)|deep cut|bone (?:is )?sticking out|(?:severe|bad) burn|on fire|electrocuted|pulled (?:him|her|them) (?:out of|from) the (?:pool|water)`,
    String.raw`took (?:a bunch of|too many|a lot of|all (?:of )?(?:my|his|her|the)) (?:pills|meds|tablets|medication)|ate (?:some|a|her|his|my) (?:pills|gummies|edibles|meds)|poison control|carbon monoxide|co alarm|gas leak|drank (?:some )?(?:cleaner|windex|lighter fluid|lamp oil)`,
    String.raw`can(?:'|’)?t feel (?:the )?baby mov|baby (?:isn(?:'|’)?t|is not|stopped) moving|pregnant and bleeding|baby is coming|crowning|umbilical cord`,
    String.raw`(?:baby|infant|newborn|toddler) (?:is )?(?:limp|blue|gray|grey|unresponsive|not breathing|choking|seizing)|stiff neck and (?:a )?(?:fever|rash)|purple rash|rash that doesn(?:'|’)?t fade`,
    String.raw`(?:blood )?sugar (?:is |at |of |was )?(?:over |above )?(?:[5-9]\d\d)\b.{0,30}(?:confused|vomiting|breathing|passing out)|diabetic and (?:confused|passing out|unresponsive|shaking)`,
    String.raw`(?:he|she|they|i|someone)(?:'s| is| was| am|'m)? (?:been )?(?:shot|stabbed)\b`,
    String.raw`swallowed (?:some|a|the|all|a bunch of|a handful of|\d+) .{0,30}?(?:pills|tablets|meds|medicine|gummies|edibles|pods|detergent|cleaner)`,
    String.raw`(?:took|taken|ate|had) (?:all|a bunch|a handful|a whole|\d+|too much|double|way too many)\b.{0,30}?(?:pills|meds|insulin|tablets|gummies|edibles|medicine|dose)|(?:took|gave|injected) (?:his|her|my|their) \w+ twice|double dosed|double dose of (?:his|her|my) insulin`,
    String.raw`asthma attack|inhaler (?:isn(?:'|’)?t|is not|isnt|not|doesn(?:'|’)?t|does not) (?:helping|working|help|work)|nebulizer (?:isn(?:'|’)?t|not) (?:helping|working)`,
    String.raw`so much blood|lot of blood|blood (?:is )?everywhere|bleeding (?:so |really )?(?:bad|badly|a lot)|bleeding through`,
    String.raw`heart (?:is )?(?:racing|pounding|beating) (?:at )?(?:1[5-9]\d|2\d\d)|(?:heart rate|pulse|hr) (?:of |is |at )?(?:1[6-9]\d|2\d\d|[1-3]\d)\b|(?:going to|about to|gonna|might) (?:pass out|faint|black out)|feel (?:like )?(?:i(?:'|’)?m )?(?:going to |about to )?(?:pass out|faint)`,
    String.raw`\d{1,2} weeks(?: pregnant)? and .{0,40}?(?:bleeding|blood|water broke|contractions|severe pain|can(?:'|’)?t feel)|water broke .{0,40}?(?:blood|bleeding|weeks|baby)`,
    String.raw`confused and (?:sweaty|sweating|shaky|shaking|vomiting|slurring|not making sense|can(?:'|’)?t)|(?:vomiting|throwing up|puking) and (?:super |very |really |so )?(?:drowsy|sleepy|lethargic|confused|limp)|(?:super|very|really|so|extremely) (?:drowsy|lethargic|floppy)|floppy|can barely keep (?:his|her|my) eyes open`,
    String.raw`throat (?:feels|is getting|getting) (?:tight|swollen|thick|closed)|tight throat|throat tightening|allergic to .{0,30}?(?:and|but) (?:i |he |she |they )?(?:accidentally |just )?(?:ate|had|ingested|got stung|was stung)|accidentally ate`,
  ].join('|'),
  'i',
);

/** Information, awareness or history, not something happening now. */
/** Hyperbole that borrows emergency words: removed before the emergency check. */
export const EMERGENCY_IDIOM =
  /\b(?:(?:give|gives|giving|gave|gonna give|going to give) (?:me|you|him|her|us) (?:a )?(?:heart attack|stroke|seizure|aneurysm)|(?:nearly|almost|about to|gonna|going to) (?:have|had|having) (?:a )?(?:heart attack|stroke|seizure|aneurysm)|heart attack on a plate|choking on (?:my|the|his|her) (?:coffee|drink|tea|water|food|words)(?= (?:when|after|at|reading|seeing|because))|drowning in (?:paperwork|work|emails|bills|debt|laundry|homework)|overdos\w+ on (?:pumpkin spice|coffee|caffeine|sugar|candy|chocolate|netflix|tv|memes|cuteness|love|carbs)|bleeding (?:yards|money|cash|points)|killing (?:me|it)|dead on arrival|(?:a )?(?:heart attack|cardiac arrest|stroke|death trap|accident|seizure) waiting to happen)\b/gi;

export const EDUCATIONAL_FRAME =
  /\b(?:signs? of|symptoms? of|warning signs|learn (?:the|about|how)|know the|awareness|what (?:are|is) the|how (?:to|do you) (?:recognize|spot|tell)|did you know|tips?\b|class|cpr (?:class|training|certification)|learn cpr|webinar|be ?fast|f\.a\.s\.t|join us|study|research|survivors?|years? ago|months? ago|last (?:year|month|spring|summer|fall|winter)|back in|history of|anniversary|in honou?r of|remember|recover(?:ed|y) from|saved (?:my|his|her|our) life|thank(?:s| you)|grateful|heroes|can cause|may cause|could be|if (?:you|someone|your|a loved one)|in case of|risk of|prevent|screening|campaign|month|deadly if|fatal if|is a leading|cases of|outbreak|statistics|each year|every year|protect yourself|side effects?)\b/i;

/** Something is happening now, to someone the writer is with or is. */
export const PRESENT_PERSONAL =
  /\b(?:i(?:'|’)?m|i am|i have|i(?:'|’)?ve|my|me|i can(?:'|’)?t|he(?:'|’)?s|she(?:'|’)?s|he is|she is|he can(?:'|’)?t|she can(?:'|’)?t|his|her|mom|mum|dad|husband|wife|son|daughter|baby|kid|child|someone|friend|roommate|right now|rn|now|currently|just|help|please|pls|hurry|urgent|911|ambulance|what do i do|what should i do|what do we do|what we do|should i|need to|is this|again|alone|someone|a man|a woman|grandpa|grandma|abuela|abuelo|hijo|hija|toddler|\d+ ?(?:yo|yr old|year old|weeks pregnant|m|f)|mi|por favor)\b/i;

export const SELF_HARM = new RegExp(
  [
    String.raw`\bkms\b|unalive (?:my ?self|me)|\bunalive\b|kill me now please|end my (?:own )?(?:life|suffering)`,
    String.raw`tired of (?:living|life|being alive|existing)|done with (?:life|living|everything)|can(?:'|’)?t keep (?:living|going)|what(?:'|’)?s the point (?:of|in) (?:living|life|going on|anything)|no point (?:in )?(?:living|going on|anything anymore|to any of it)`,
    String.raw`wish i (?:hadn(?:'|’)?t|didn(?:'|’)?t) (?:wake|woke) up|sleep (?:forever|and never wake up)|won(?:'|’)?t be (?:around|here) (?:much longer|tomorrow|anymore)|(?:this is )?my (?:last|final) (?:post|message|goodbye)`,
    String.raw`wrote (?:my|a) will|at peace with my decision|made (?:up )?my (?:mind|decision)|have a plan to|the pills are ready|stockpil\w+ (?:my |pills|meds)|sav(?:ed|ing) up (?:my |enough )?(?:pills|meds)|(?:a )?(?:rope|noose)\b|gun to my head|step in front of (?:a )?(?:train|bus|truck|car)|jump (?:in front of|from (?:the|a)|off)|slit (?:my )?wrists?`,
    String.raw`(?:said|says|told me|keeps saying|texted me|posted) (?:that )?(?:she|he|they) (?:wants?|wanted) to (?:die|kill (?:herself|himself|themselves)|end it|not be here)`,
    String.raw`od on purpose|overdose on purpose|how (?:many|much) .{0,40}(?:to die|would kill|to end it|to not wake up|is lethal|is fatal|to overdose|would it take)|for (?:a friend|my cousin|someone)[,:]? (?:how|what)(?:'|’)?s? .{0,30}(?:lethal|fatal|max|die)`,
    String.raw`i have a plan|have a plan (?:for )?tonight|pills (?:are )?(?:counted|lined up|ready)|counted out|lethal (?:amount|dose|quantity)|how much .{0,30}?(?:is|would be) (?:lethal|fatal|deadly)`,
    String.raw`(?:happier|better|easier) (?:off )?if i (?:was|were|wasn(?:'|’)?t|weren(?:'|’)?t) (?:gone|here|around|alive)|if i (?:was|were) gone|world (?:would be )?(?:better )?without me|without me in it`,
    String.raw`starv(?:e|ing) myself|punish(?:ing)? myself|scratch(?:ing)? myself until|hit(?:ting)? myself`,
    String.raw`suicid\w*`,
    String.raw`kill(?:ing)? (?:my ?self|themselves|himself|herself)`,
    String.raw`end(?:ing)? (?:my|it|his|her) (?:own )?life|end it all|ending it all|end things|take my (?:own )?life|take (?:his|her) own life`,
    String.raw`(?:want|wants|wanna|wanted|going|plan(?:ning)?) to (?:die|disappear forever|not exist|not wake up)|wanna die|wish i (?:was|were) dead|wish i could (?:die|disappear)`,
    String.raw`don(?:'|’)?t want to (?:live|be alive|be here anymore|wake up|exist)|no reason to (?:live|go on|keep going)|not worth living|life (?:isn(?:'|’)?t|is not) worth`,
    String.raw`better off (?:dead|without me|if i (?:was|were) gone)`,
    String.raw`(?:hurt|harm|cut|burn)(?:ing)? (?:my ?self|themselves|himself|herself)|self[- ]?harm\w*|self[- ]?injur\w*|cutting again|started cutting`,
    String.raw`overdose on purpose|lethal dose|fatal dose|how many .{0,40}(?:to die|would kill|to kill (?:me|myself|someone|a person)|is (?:fatal|lethal|deadly)|to overdose|to not wake up)|how much .{0,40}(?:to die|would kill|is (?:fatal|lethal))`,
    String.raw`jump(?:ing)? off (?:a|the) (?:bridge|roof|building)|hang(?:ing)? myself|(?:bought|have) a gun to`,
    String.raw`no quiero vivir|quiero morir(?:me)?|me quiero morir|matarme|suicidarme|hacerme daño`,
    String.raw`nobody would (?:miss|notice) me|no one would (?:miss|notice) me|would anyone (?:even )?(?:notice|care|miss)|to not wake up|never wake up again`,
    String.raw`dr[io]ve off (?:a|the) (?:\w+ )?(?:bridge|cliff|road)|tired of being a burden|i(?:'|’)?m a burden|gave (?:away )?my (?:dog|cat|things|stuff) (?:away )?to`,
    String.raw`(?:burn|cut|hit)(?:ing)? my (?:arm|arms|wrist|wrists|leg|legs|skin|thighs?) with|end it (?:tonight|today|now|soon|all)|(?:planning|plan|going|want) to end it`,
    String.raw`(?:whole|entire) bottle of|how many (?:of )?(?:my |the |these )?\w+ (?:would it take|does it take|would kill)|(?:don(?:'|’)?t|do not|can(?:'|’)?t) see the point (?:in|of) (?:living|continuing|going on|anything)|want (?:it|this|everything) (?:all )?to be over`,
    String.raw`better off if i (?:just )?(?:disappeared|was gone|were gone|wasn(?:'|’)?t here|died)|disappear(?:ed)? for good|thinking about hurting myself`,
    String.raw`can(?:'|’)?t go on|can(?:'|’)?t do this anymore|give up on (?:life|everything)|goodbye (?:everyone|forever|world)|final goodbye|(?:wrote|writing) (?:a|my) (?:suicide )?note`,
  ].join('|'),
  'i',
);

/** Hyperbole and idioms that use the same words. */
/** "Asking for a friend" about doses or lethal amounts is treated as self-harm. */
export const ASKING_FOR_A_FRIEND = /\b(?:asking for a friend|hypothetically)\b/i;
/** "For my cousin" only counts with an unmistakably lethal question. */
export const FOR_SOMEONE_ELSE = /\bfor (?:a|my) (?:friend|cousin|sister|brother|roommate|partner)\b/i;
export const LETHAL_TALK = /\b(?:lethal|fatal|deadly|to die|kill (?:someone|a person)|whole bottle|overdose)\b/i;
export const DOSE_TALK = /\b(?:lethal|fatal|deadly|to die|max(?:imum)? dose|how (?:many|much)|whole bottle|lethal|overdose|too many|pills|tylenol|ibuprofen|acetaminophen|xanax|sleeping pills)\b/i;

export const SELF_HARM_IDIOM =
  /\b(?:dying to (?:try|see|know|get|go|hear|read|meet|eat|visit|find out)|(?:want|wanna|wanted) to die (?:of|from) (?:embarrassment|laughter|laughing|cringe|shame)|died laughing|killing it|kill(?:ed)? (?:it|the game)|suicide (?:prevention|awareness|squad|doors?|hotline)|(?:walk|run|training) for suicide|suicide (?:prevention|awareness|walk|hotline|lifeline|crisis line|volunteer|project|research|resources|statistics|rates?|risk|survivors? of)|crisis (?:line|text line) volunteer|988)\b/gi;

export const QUESTION_START =
  /^(?:\s*@\S+\s+)*\s*(?:what|when|where|why|how|who|which|is|are|do|does|did|can|could|will|would|should|may|anyone|any(?:one|body) know|any idea|has anyone|have you|wondering|quick question|question)\b/i;
export const QUESTION_MARKERS = /\b(?:what do (?:i|we) do|what should (?:i|we) do|what we do|is this a|please (?:call|fax|email|e-mail|send|let me know|advise|contact|tell|help|don(?:'|’)?t|do not|move|reschedule|confirm)|can (?:someone|somebody|you|i)|could (?:someone|you)|who do (?:i|we) (?:talk|call|contact)|i was wondering|wondering if|does anyone know|can someone (?:tell|explain)|looking for (?:info|information)|i need to know|please advise|how do i|is it possible)\b/i;

/** Hyperbole about an annoyance is a complaint ("this heat is killing me", "heart attack every morning"). */
export const COMPLAINT_HYPERBOLE =
  /\b(?:is killing me|are killing me|gives? me a (?:heart attack|stroke|seizure)|give me a (?:heart attack|stroke|seizure)|heart stopped when|through the roof|i(?:'|’)?d kill for|drowning in|choking on my|waiting to happen|ate my card)\b/i;

export const COMPLAINT =
  /\b(?:still (?:haven(?:'|’)?t|hasn(?:'|’)?t|no|not|waiting)|been waiting|sent (?:me )?to collections|charged (?:me )?(?:for|twice|\$)|\$[\d,]+ (?:for (?:a|an|one)|a day|to park)|overpriced|price gouging|hidden fees|keep(?:s)? denying|denied (?:again|my)|mix-?up|wrong (?:name|record|bill|medication|dose|patient)|understaffed|short-?staffed|yelled|laughed at me|didn(?:'|’)?t listen|doesn(?:'|’)?t listen|barely looked|brushed (?:me )?off|insulting|condescending|gross|smelled|roaches|bugs in|loud|noisy|logs me out|keeps crashing|won(?:'|’)?t load|error (?:page|message)|(?:doesn(?:'|’)?t|does not|won(?:'|’)?t) work|voicemail|nobody picks up|no one picks up|transferred \d+ times|1 star|one star|zero stars|#fail|shame on|disgraceful|shameful|what a joke|unbelievable|cancell?ed (?:without|again|the day|my)|got cancell?ed|without notice|scratched my|(?:no one|nobody) (?:will )?(?:tell|told|explain|explained)|second time|third time|again\.|mess\b|nightmare|wait(?:ed|ing)? (?:for )?(?:over |almost |nearly |more than )?(?:\d+|two|three|four|five|six|seven|eight|several) (?:hours|hrs|weeks|months)|hours? in (?:the )?(?:er|waiting room)|long wait|still waiting|rude|disrespectful|unprofessional|dismissive|terrible|horrible|awful|worst|never again|never going back|unacceptable|ridiculous|disgusting|filthy|dirty|incompetent|ignored|no one (?:called|answered|helped|came|cares)|nobody (?:called|answered|helped|came|cares)|never called (?:me )?back|no call ?back|lost (?:my|our)|overcharged|billing (?:error|mistake|nightmare)|charged (?:me )?twice|surprise bill|complain(?:t|ing|ed)?|disappointed|disappointing|frustrat\w+|angry|furious|upset|shameful|ashamed|neglect\w*|mistreat\w*|misdiagnos\w+|cancel+ed (?:my|our) (?:appointment|surgery)|hung up|on hold for|nightmare|bad experience|poor (?:care|service|communication)|not happy|unhappy|do better|fix this|sue\b|lawyer|lawsuit|report(?:ing)? you|treated like|waste of|messed up|screwed up|joke\b|fed up|sick of|tired of|cold food|no parking|can(?:'|’)?t get (?:a|an) (?:appointment|answer|call)|nobody explained|left waiting|kept waiting|horrendous|appalling|atrocious|pathetic|useless|careless|inexcusable|embarrassing|scam)\b/i;

/** Praise is aimed at someone: the hospital, its people or its services. */
export const PRAISE_TARGET =
  /\b(?:you|your|team|staff|nurses?|doctors?|dr|drs|surgeon|rrmc|riverside|hospital|er|icu|nicu|clinic|unit|crew|department|center|pharmacy|app|portal|food|soup|parking|garage|service|care|interpreters?|volunteers?|chaplain|housekeeping|valet|they|them|pediatrician|cardiologist|therapist|pt team|whoever|ward|tour|educators?|consultant|everyone|people|play area|drive-thru|guy|lady|helped|angels?|heroes?|saint|lifesaver)\b/i;

export const PRAISE =
  /\b(?:saint|magic(?:al)?|gem|rock ?stars?|10\/10|slaps|lowkey fire|goat|so (?:kind|gentle|patient|helpful|quick|fast|sweet|good|caring|nice)|quick and kind|seen in \d+ min|in and out|painless|made (?:me|us) feel|actually listens|explains everything|deserves a raise|can(?:'|’)?t thank|forever grateful|never forget|treated (?:him|her|me|us|them) like family|went out of (?:his|her|their) way|get my life back|saved my sanity|little things matter|makes? (?:her|his|my) (?:whole )?day|remembered my|blessing|lifesaver|much better|finally!|prouder|best people|love every|thank(?:s| you)|grateful|gratitude|amazing|wonderful|excellent|fantastic|outstanding|incredible|phenomenal|superb|awesome|kind(?:ness)?|compassion(?:ate)?|caring|great (?:care|job|team|staff|experience|work)|best (?:hospital|nurses?|doctors?|care|team|staff|experience)|shout ?-?out|kudos|heroes|hero|angels?|saved (?:my|his|her|our) (?:life|lives)|love (?:this|you|the|our|my|how)|appreciate|above and beyond|so helpful|highly recommend|recommend|5 stars|five stars|bless(?:ed)? you|god bless|proud|beautiful|lovely|impressed|smooth|so nice|so good|the best)\b/i;

export const MISINFORMATION =
  /\b(?:vaccines? (?:cause|causes|caused|give you|gave) (?:autism|infertility|cancer|death|sids|aids|covid|turbo)|causes? autism|microchips?|5g (?:causes|spreads|towers)|plandemic|scamdemic|(?:covid|the virus|pandemic) (?:is|was) (?:a )?(?:hoax|fake|made up|just (?:a|the) (?:flu|cold))|hoax|ivermectin (?:cures|works|is the cure|treats)|hydroxychloroquine (?:cures|works)|drink(?:ing)? bleach|\bmms\b|chlorine dioxide|cure(?:s|d)? (?:cancer|diabetes|autism|covid) (?:naturally|with|by)|(?:natural|secret) cure|big pharma (?:is hiding|doesn(?:'|’)?t want|hides|won(?:'|’)?t tell)|they don(?:'|’)?t want you to know|doctors won(?:'|’)?t tell you|masks? (?:cause|causes|don(?:'|’)?t work|are useless|reduce oxygen)|natural immunity is better|vaccine (?:shedding|kills|is poison|injuries are being hidden)|shedding|poison(?:ous)? (?:vaccine|jab)|the jab (?:kills|is)|clot shot|death shot|fluoride (?:is )?(?:poison|mind control|a neurotoxin)|chemtrails|mrna (?:changes|alters|rewrites) (?:your )?dna|changes? your dna|turbo cancer|died suddenly|depopulation|essential oils? (?:cure|cures|kill|kills)|raw milk (?:cures|prevents)|colloidal silver|germ theory is|vitamin c cures|lemon water cures|alkaline (?:diet|water) cures|sunscreen causes|don(?:'|’)?t need (?:vaccines|chemo)|chemo is poison|graphene|mammograms? (?:cause|causes)|cure (?:a |an |your )?\w+ with (?:just )?|no need (?:to see|for) (?:a )?doctors?|no doctors? needed|don(?:'|’)?t want you to know|bleach (?:in water|kills|cures)|diluted bleach|masks? make you|own co2|makes? (?:girls |women |men |you |people |kids )?infertile|big pharma scam|can be (?:reversed|cured) (?:with|by)|chemo kills|apricot seeds|don(?:'|’)?t need antibiotics|apple cider vinegar|measles is harmless|no need for (?:the )?(?:mmr|vaccines?|shots)|5g towers?|sunscreen causes)\b/i;

/** "Vaccines do NOT cause autism", "Is it true the MMR causes autism?": corrections and honest questions. */
export const MISINFORMATION_COUNTER = /\b(?:do(?:es)? not|don(?:'|’)?t|doesn(?:'|’)?t|never|cannot|can(?:'|’)?t) (?:cause|give you|cure)\b|\b(?:myth|fact:|debunk\w*|is it true|is that true|is this true|want a straight answer)\b/i;

export const SPAM =
  /\b(?:click (?:here|the link|my link)|link in (?:my )?bio|free (?:money|followers|iphone|gift ?card|bitcoin|crypto)|earn \$|make \$\s?\d|\$\d[\d,]* (?:a|per) (?:day|week)|work from home|crypto|bitcoin|btc|forex|nft|investment opportunity|passive income|dm (?:me )?(?:for|to)|promo code|discount code|buy (?:followers|likes)|cheap (?:meds|viagra|pills|rx)|viagra|cialis|onlyfans|giveaway|you(?:'ve| have) won|congratulations you|claim your (?:prize|reward)|limited (?:time )?offer|check (?:out )?my (?:profile|page|bio|channel)|follow (?:me|back|for follow)|f4f|sugar daddy|casino|betting tips|payday loan|whatsapp|telegram|guaranteed results|lose \d+ ?(?:lbs|pounds|kg)|weight loss (?:secret|pill)|hot singles|100% free|act now|visit my store|action required|verify your (?:identity|account)|account (?:has been |is )?(?:suspended|locked)|update your (?:direct deposit|payment|password|billing)|dm (?:me|us)(?: now)?|for only \$|buy (?:\d+k? )?(?:real )?followers|paid promotion|collab|presale|selected for|bit\.ly|secret (?:tea|pill|trick)|melts? \d+ ?lbs|turn \$\d+|follow4follow|like4like)\b/i;

export const LINK = /https?:\/\/|www\.|\b[\w-]+\.(?:com|net|io|xyz|biz|ru|top|click|link)\b/i;
