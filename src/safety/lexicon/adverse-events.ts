/** Products and events of the four reportable adverse-event elements (patient, reporter, product, event). */

/** More drugs by name (generic, brand): a named drug is the reportable "product" element. */
const MORE_DRUGS =
  'sulfa(?: drugs?)?|orajel|anbesol|benzocaine|androgel|testosterone(?: gel| cream| shots?| injections?)?|spironolactone|hctz|hydrochlorothiazide|furosemide|lasix|amiodarone|digoxin|allopurinol|colchicine|finasteride|tamsulosin|flomax|sildenafil|melatonin|ondansetron|zofran|reglan|metoclopramide|phenergan|promethazine|diclofenac|meloxicam|celebrex|topiramate|topamax|keppra|levetiracetam|depakote|valproate|tegretol|trazodone|mirtazapine|remeron|buspirone|hydroxyzine|vyvanse|concerta|strattera|suboxone|buprenorphine|methadone|naltrexone|vivitrol|chantix|varenicline|paxlovid|tamiflu|macrobid|nitrofurantoin|flagyl|diflucan|hrt|hormone (?:therapy|pills?|replacement)|estrogen|testosterone|progesterone|clomid|saxenda|victoza|rybelsus|glipizide|januvia|lantus|humalog|novolog|tresiba' +
  '|tinctures?|cbd(?: oil| gummies| tincture)?|medical (?:marijuana|cannabis)|psilocybin|ketamine|esketamine|spravato|(?<!(?:scared|afraid|terrified|freaking out|freaked out|panicking|nervous|fear|phobia) (?:of|about) (?:the |his |her |my |a )?)(?:safety |retractable |insulin )?needles?|syringes?|lancets?|haloperidol|haldol|afrin|oxymetazoline|decongestant spray|nasal spray|latanoprost|digitalis|ashwagandha|kratom|turmeric|berberine|st\\.? john(?:\'|’)?s wort|green tea extract|supplements?';

/**
 * Commonly prescribed and over-the-counter drugs, brand and generic, that neither list above nor the
 * generic-name endings in SUSPECT_PRODUCT catch (d-set misses: Omnicef, Rogaine, Prolia, donepezil,
 * zolpidem, oxybutynin, carboplatin). Plain words only: they are joined into the pattern as they are.
 * Left out: names that are also everyday words (Alli, Actos in Spanish, Plan B); sports supplements
 * (creatine, pre-workout: h32, h49) and ivermectin, mostly a horse paste misused (h15).
 */
const COMMON_DRUGS = [
  // heart, blood pressure, blood thinners, cholesterol
  'norvasc', 'zestril', 'prinivil', 'cozaar', 'diovan', 'benicar', 'toprol', 'lopressor', 'coreg', 'carvedilol', 'diltiazem', 'cardizem', 'verapamil', 'hydralazine', 'isosorbide', 'nitroglycerin', 'clonidine', 'entresto', 'brilinta', 'effient', 'lovenox', 'zetia', 'ezetimibe', 'fenofibrate', 'repatha', 'niacin',
  // diabetes, thyroid, weight
  'glucophage', 'glucotrol', 'glyburide', 'glimepiride', 'amaryl', 'pioglitazone', 'byetta', 'phentermine', 'contrave', 'qsymia', 'orlistat', 'armour thyroid', 'methimazole',
  // pain, muscle, nerves
  'neurontin', 'flexeril', 'cyclobenzaprine', 'robaxin', 'methocarbamol', 'tizanidine', 'baclofen', 'ultram', 'norco', 'dilaudid', 'hydromorphone', 'toradol', 'ketorolac', 'excedrin', 'midol', 'voltaren', 'indomethacin', 'fioricet',
  // brain, mood, sleep, memory, attention
  'zolpidem', 'lunesta', 'eszopiclone', 'restoril', 'temazepam', 'aricept', 'donepezil', 'namenda', 'memantine', 'celexa', 'citalopram', 'pristiq', 'trintellix', 'elavil', 'amitriptyline', 'nortriptyline', 'doxepin', 'risperdal', 'risperidone', 'zyprexa', 'olanzapine', 'quetiapine', 'latuda', 'vraylar', 'rexulti', 'geodon', 'clozapine', 'focalin', 'dexedrine', 'intuniv', 'guanfacine', 'qelbree', 'dilantin', 'phenytoin', 'carbamazepine', 'trileptal', 'oxcarbazepine', 'zonisamide', 'propranolol',
  // stomach, bladder, allergy, cold
  'nexium', 'prilosec', 'protonix', 'pepcid', 'famotidine', 'imodium', 'loperamide', 'miralax', 'dulcolax', 'senna', 'pepto', 'mucinex', 'robitussin', 'delsym', 'dextromethorphan', 'allegra', 'xyzal', 'singulair', 'detrol', 'ditropan', 'oxybutynin', 'vesicare', 'myrbetriq',
  // lungs, skin, eyes
  'advair', 'symbicort', 'spiriva', 'ventolin', 'proair', 'trelegy', 'rogaine', 'retin-a', 'tretinoin', 'hydroquinone', 'neosporin', 'lotrimin', 'monistat', 'xiidra', 'restasis',
  // antibiotics and antivirals
  'omnicef', 'cefdinir', 'ceftriaxone', 'rocephin', 'minocycline', 'tetracycline', 'valtrex', 'plaquenil', 'hydroxychloroquine',
  // hormones, bones, reproductive
  'prolia', 'fosamax', 'boniva', 'reclast', 'evista', 'forteo', 'premarin', 'estrace', 'provera', 'prometrium', 'nuvaring', 'xulane', 'viagra', 'cialis', 'tadalafil', 'proscar', 'avodart', 'tamoxifen', 'letrozole', 'anastrozole', 'arimidex', 'lupron',
  // cancer, immune, injections
  'carboplatin', 'cisplatin', 'oxaliplatin', 'taxol', 'paclitaxel', 'docetaxel', 'cytoxan', 'herceptin', 'avastin', 'opdivo', 'dupixent', 'otezla', 'stelara', 'skyrizi', 'cosentyx', 'taltz', 'tremfya', 'rinvoq', 'xeljanz', 'remicade', 'entyvio', 'ocrevus', 'tysabri', 'copaxone', 'aimovig', 'emgality', 'ajovy', 'nurtec', 'ubrelvy', 'imitrex', 'xolair', 'nucala', 'eylea', 'lucentis', 'dexamethasone', 'medrol', 'prednisolone', 'hydrocortisone',
  // supplements
  'fish oil', 'biotin', 'elderberry', 'echinacea', 'ginkgo', 'valerian', 'kava', 'yohimbe', 'garcinia', 'red yeast rice', 'saw palmetto',
].join('|');

/** Drugs by what they are for, not by name: a product for the model, not the reportable element. */
const DRUG_CLASSES = 'adhd (?:med|meds|medicine|medication)|cholesterol (?:pill|med|meds|medicine)|blood pressure (?:pill|med|meds|medicine)|sleeping pills?|sleep aid|the pill';

export const SUSPECT_PRODUCT = new RegExp(
  String.raw`\b(?:` +
    [
      // drugs (generic and brand) and drug classes
      'ibuprofen|advil|motrin|tylenol|acetaminophen|paracetamol|aspirin|naproxen|aleve|metformin|lisinopril|losartan|amlodipine|atorvastatin|lipitor|simvastatin|rosuvastatin|crestor|statins?',
      'amoxicillin|augmentin|azithromycin|z-?pak|cipro(?:floxacin)?|levaquin|doxycycline|penicillin|cephalexin|keflex|bactrim|clindamycin|antibiotics?',
      'insulin|ozempic|wegovy|semaglutide|mounjaro|zepbound|tirzepatide|trulicity|jardiance|farxiga|humira|enbrel|keytruda|prednisone|steroids?|cortisone|methotrexate',
      'oxycodone|hydrocodone|vicodin|percocet|morphine|fentanyl|tramadol|codeine|gabapentin|lyrica|opioids?|painkillers?|pain meds|muscle relaxers?',
      'zoloft|sertraline|prozac|fluoxetine|lexapro|escitalopram|wellbutrin|bupropion|effexor|cymbalta|paxil|antidepressants?|ssris?|adderall|ritalin|xanax|ativan|klonopin|ambien|seroquel|abilify|lithium|lamictal|lamotrigine',
      'birth control|depo(?:-provera)?|nexplanon|warfarin|coumadin|eliquis|xarelto|plavix|blood thinners?|heparin|levothyroxine|synthroid|accutane|isotretinoin|albuterol|inhaler|contrast(?: dye)?|anesthesia|anaesthesia|epidural|chemo(?:therapy)?|radiation|immunotherapy|iron infusion|infusion|antihistamine|benadryl|zyrtec|claritin|flonase|sudafed|nyquil|dayquil|\\w+(?:mab|pril|sartan|statin|olol|azole|cillin|mycin|floxacin|prazole|tidine|triptan|gliptin|gliflozin|glutide|vir|prost|lukast|azepam|zolam|setron|dronate|peridol|platin|xaban|parin|tinib|dipine|oxetine|triptyline|alol|floxacino|cilina|micina|prazol|profeno|formina)',
      MORE_DRUGS,
      COMMON_DRUGS,
      // vaccines, also as hashtags are written (#flushot, #CovidVaccine)
      'vaccines?|vacunas?|vaccinations?|vaccinated|boosters?|flu shots?|flushots?|flu jabs?|covid ?(?:vaccines?|shots?|boosters?|jabs?)|covidvax|shingles (?:vaccine|shot)|tetanus shot|covid shot|mmr|tdap|dtap|hpv|gardasil|shingrix|prevnar|pneumovax|arexvy|abrysvo|fluzone|flublok|comirnaty|spikevax|pfizer|moderna|novavax|j&j|johnson|rsv vaccine|pneumonia (?:vaccine|shots?)|tetanus',
      // devices
      'pacemaker|defibrillator|icd|lvad|(?:vp |vp-|brain )?shunt|heart pump|(?:bolus|dosing|insulin|dose) (?:app|calculator)|(?:spinal cord |nerve |neuro)?stimulator|hospital bed|bed rails?|side rails?|insulin pump|pump|cgm|dexcom|libre|omnipod|t:slim|tandem|minimed|glucose monitor|hip implant|knee implant|implants?|stents?|catheter|port|iud|mirena|paragard|kyleena|skyla|liletta|breast implants?|cpap|bipap|hearing aids?|mesh|hernia mesh|replacement joint|prosthe\\w+|ventilator|oxygen concentrator|concentrator|nebuli[sz]er|feeding (?:pump|tube)|trach(?:eostomy)? tube|glucose monitor|heart monitor|mask',
      // procedures
      'surgery|procedure|operation|gallbladder (?:removal|surgery)|(?:gallbladder|appendix|tonsils|adenoids|spleen|thyroid|uterus|ovary|ovaries|wisdom teeth) (?:out|removed|taken out)|(?:iv |conscious |twilight |deep )sedation|cholecystectomy|appendectomy|tonsillectomy|mastectomy|lumpectomy|vasectomy|gastric (?:bypass|sleeve)|bariatric surgery|colonoscopy|endoscopy|mri|phototherapy|hernia repair|(?:knee|shoulder|hip|ankle|wrist) scope|arthroscop\\w+|(?:compression|support) stockings|tampons?|invisalign|(?:clear )?aligners|bili ?(?:lights?|blankets?)|ct scan|biopsy|lasik|transfusion|dialysis|c-section|knee replacement|hip replacement|ablation|cath(?:eterization)?|angioplasty|nerve block|spinal tap|lumbar puncture|filler|botox|acupuncture|chiropractic|chiropractor|(?:neck|spinal|back) adjustment|adjusted my (?:neck|back|spine)|(?:donated|donating|donate) (?:plasma|blood)|(?:donated|donating|gave blood)\\b[^.!?]{0,30}\\b(?:blood|plasma) (?:drive|bank|center|centre)|(?:plasma|blood) donation|laser hair removal|kinesiology tape|kt tape|(?:personal )?lubricants?|k-?y (?:jelly|warming|ultragel|liquid|lubricant)|astroglide',
      // devices and procedures outside the clinic that are still regulated (h16, h17): lenses, dental and cosmetic work
      'contact lens(?:es)?|(?:colou?red|cat-eye|decorative|halloween|costume|cosmetic|novelty) contacts|contacts solution|lens solution|root canal|tooth extraction|wisdom teeth (?:removal|extraction|out)|dental implants?|microneedling|chemical peel|lip filler|cryotherapy|cortisone shot|steroid shot|steroid injection',
    ].join('|') +
    String.raw`)\b`,
  'i',
);

export const ADVERSE_EVENT = new RegExp(
  String.raw`\b(?:` +
    [
      'adverse (?:event|reaction)|allergic reaction|puff(?:y|ing|ed) up|tongue (?:feels |is |got )?(?:thick|swollen|fat)|black(?:ing|ed) out|priapism|(?:still )?(?:hasn(?:\'|’)?t|won(?:\'|’)?t|wont) go(?:ne)? down|reacted|sick|cough|coughing|allergic|rash|hives|itch(?:y|ing)|welts|swelling|swollen|fever|chills|dizz(?:y|iness)|lightheaded|vertigo|nausea|nauseous|vomit(?:ing|ed)?|throwing up|threw up|headaches?|migraines?|faint(?:ed|ing)?|passed out|palpitations|racing heart|heart (?:racing|pounding)|irregular heartbeat|chest pain|short(?:ness)? of breath|can(?:\'|’)?t breathe',
      'numb(?:ness)?|tingling|(?:tongue|lips?|face|eyelids?|throat)\\b[^.!?]{0,30}\\b(?:are|is|got|look|looks|went) (?:huge|puffed|ballooned|blown up|twice (?:its|their|the normal) size)|blurr?(?:y|ed) vision|vision (?:loss|problems)|bleeding|bruis(?:ing|es)|infection|infected|pus|oozing|sore arm|arm (?:is )?(?:sore|swollen|hurts)|insomnia|can(?:\'|’)?t sleep|hair (?:loss|falling out)|seizures?(?![- ](?:disorders?|free|meds?|medications?))|hallucinat\\w+|mood swings|suicidal thoughts|diarrh(?:ea|oea)|constipat\\w+|stomach (?:pain|cramps|issues)|cramping',
      'liver (?:damage|problems|failure)|kidney (?:damage|problems|failure)|blood clots?|clot|anaphyla\\w+|paralys\\w+|bell(?:\'|’)?s palsy|tinnitus|ringing in (?:my|his|her) ears|lost (?:my |his |her )?(?:taste|smell|hearing)|muscle (?:pain|aches|weakness)|joint pain|body aches|fatigue|exhausted|weakness|tremors?|shaking(?!,? (?:and (?:i )?(?:can(?:\'|’)?t stop |keep )?(?:crying|sobbing|smiling|laughing)|with (?:joy|relief|excitement|happiness|happy tears)))|twitching|burning|shortness of breath|low blood sugar|high blood pressure|spiked|crashed|weight gain|heavy periods|missed period|irregular periods',
      'acting up|occlusion (?:errors?|alarms?)|(?:sugars?|glucose|bgs?|numbers) (?:climbed|spiked|shot up|went up|skyrocketed|rose|hit|dropped|crashed|plummeted|tanked)|visual (?:trails|disturbances|changes)|flickering|flashbacks|bouncing off the walls|wired|jittery|agitated|(?:didn(?:\'|’)?t|did not|failed to|won(?:\'|’)?t) (?:retract|deploy|lock)|got stuck with|needle ?sticks?|clicking|grinding|shocking|shocked|zapping|won(?:\'|’)?t (?:switch|turn|shut) (?:it )?off|skin tear|bruised?|wedged|alarm|sores|bloated|crampy|cramps|hit by a truck|wiped out(?! (?:my|his|her|their|the) (?:appetite|cravings|hunger|acne|pain|headaches?|migraines?|allergies))|wiped (?:me|him|her|them|us) out|knocked me out|vision (?:got )?blurr\\w+|blurrier|coming out in clumps|muscle pain|can(?:\'|’)?t keep (?:\\w+ )?down|throwing up|black stool|stool is black|burns|red and oozing|oozing|worse|malfunction(?:ed|ing)?|stopped working|broke|broken|failed(?! (?:(?:my|two|three|the|a|an|his|her|both|all|every|\\d+) )?(?:finals?|exams?|tests?|class(?:es)?|courses?|midterms?|quiz(?:zes)?|drug tests?|driving tests?|interviews?|boards|nclex|semester|subjects?)\\b)|failure|shocked (?:me|him|her)|misfired|dislodged|migrated|perforat\\w+|leaking|defective|beeping|error code|wrong dose|overdosed',
    ].join('|') +
    String.raw`)\b`,
  'i',
);

/** Unnamed products: enough for an adverse event, not for the reportable "product" element. */
export const GENERIC_PRODUCT =
  /\b(?:pills?|medications?|meds|medicine|drugs?(?![- ](?:seek\w*|test\w*|screen\w*|dealers?|addict\w*|use|abuse|free)\b)|prescription|(?:the |her |his |my |a )?shots?|jabs?|injections?|dose|tablets?|capsules?|the device|treatment|new (?:\w+ ){0,2}(?:pill|med|medication|drug)|procedure|surgery)\b/i;

/** Side effects someone is having, not side effects asked about or denied. */
export const SIDE_EFFECTS_EXPERIENCED =
  /\b(?:having|getting|got|had|experiencing|suffering|dealing with|gave me|giving me|causing) (?:\w+ ){0,2}(?:side[- ]?effects?|reactions?)\b/i;
/** Read or heard about, not happened: "saw a news story saying Ozempic can…" (h19). */
export const READ_ABOUT = /\b(?:saw|read|heard about|seen|watched) (?:a |an |the |this |that )?(?:news )?(?:story|article|report|headline|post|video|tiktok|segment)\b/i;

/** A TV show or a film: what happens to its characters is nobody's adverse event. */
export const FICTION = /\b(?:(?:that|this|last night(?:'|’)s|tonight(?:'|’)s) episode|season finale|the writers|yelling at the tv|on (?:the )?tv show)\b/i;

/** The harm came from missing the treatment, not from it ("missed Friday's dialysis", "ran out of insulin"). */
export const MISSED_TREATMENT =
  /\b(?:missed (?:\w+ ){0,3}(?:sessions?|dialysis|doses?|treatments?|infusions?|shots?)|(?:he|she|i|they|we) missed (?:\w+ ){0,2}(?:friday|monday|tuesday|wednesday|thursday|saturday|sunday|today|yesterday)|(?:ran|run|running) out of (?:his |her |my |their )?(?:\w+ )?(?:meds|medication|insulin|pills|inhaler)|(?:couldn(?:'|’)?t|could not|can(?:'|’)?t|didn(?:'|’)?t) (?:get|afford|refill) (?:his |her |my |their )?(?:\w+ )?(?:meds|medication|insulin|refill|dialysis))\b/i;

export const NO_HARM = /\b(?:(?:no|zero|without|never had any|didn(?:'|’)?t have any|barely any) (?:side[- ]?effects?|reactions?|problems|issues)|no symptoms(?: at all| whatsoever)?|not (?:even )?(?:a|one) (?:sore arm|headache|fever|side effect|reaction|twinge))\b(?![^.!?]{0,20}[.!?]?[^.!?]{0,40}\b(?:until|but now|suddenly|woke up|this morning)\b)/i;

/** Hearsay: an event reported about unidentified people. */
export const AE_HEARSAY = /\b(?:people|folks|everyone|a lot of (?:people|folks)|heard (?:from|that)|my friends?|someone i know|others)\b/i;

/** Time or cause linking the product to the event. */
export const CAUSAL_LINK =
  /\s=\s|\b(?:and now|now (?:i|my|he|she|his|her|i'm|it|the)|has me|have me|makes? me|made (?:me|him|her)|making (?:me|him|her|folks|people)|keeps|kept (?:giving|throwing|beeping|alarming|failing|shocking|jamming)|turned|broke out|developed|after|since(?! (?:i|he|she|we) was (?:a |little|young|born|\d)|birth|childhood)|from|caused|causing|gave (?:me|him|her|them)|due to|because of|started (?:taking|on)|ever since(?! (?:i|he|she|we) was (?:a |little|young|born|\d)|birth|childhood)|following|post-?op|reaction to|side effects? (?:of|from)|took|taking|been on|(?:days?|weeks?|months?|years?) (?:now )?on|then (?:this morning|today|tonight|last night|yesterday|suddenly)|started|switched to|got (?:my|the|his|her|a)|had (?:my|the|his|her|a)|on (?:the|my)|when i|days? later|hours? later|next day|within|the day after|right after)\b/i;

/** An identifiable patient: the writer, a relative, a named or aged person. */
export const AE_PATIENT =
  /\b(?:patient of mine|my patient|i|i'm|im|i've|me|my|myself|mine|mom|mum|mother|dad|father|son|daughter|husband|wife|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|baby|child|kid|toddler|partner|boyfriend|girlfriend|he|she|him|her|his|\d{1,3}[- ]?(?:yo|y\/o|year[- ]old|years old|month[- ]old))\b/i;

/** The drug is not working: no adverse event by itself (h10), however worried the writer is. */
export const LACK_OF_EFFECT =
  /\b(?:like (?:i|she|he|we|they) (?:took|had|swallowed|popped) a (?:breath mint|tic ?tac|sugar pill|placebo|piece of candy|vitamin)|feel (?:no|not any) different|(?:did|does|do|is doing|are doing) (?:absolutely |literally )?nothing|\b(?:took|taken|tried|popped)\b[^.!?]{0,30}?(?:,|;| and| but)\s*(?:still )?(?:nothing|no relief|zero relief|no change|no difference)(?= *(?:[.!?]|$))|(?:felt|feel|feeling) (?:absolutely |literally )?nothing(?= *(?:[.!?,;]|$|yet\b|so far\b|at all\b))|wore off (?:in|after|early|too soon|way)|(?:got|am|i(?:'|’)?m|became|ended up) pregnant (?:with|on|while on|while using|despite) (?:my |the |an? )?|feel (?:exactly |pretty much |basically |just )?the same|no different|(?:isn(?:'|’)?t|is not|not|hasn(?:'|’)?t|has not|didn(?:'|’)?t|doesn(?:'|’)?t|never) (?:really |even )?(?:helping|helped|working|worked|done (?:anything|a thing|much))|(?:just )?not working|haven(?:'|’)?t (?:budged|changed|improved)|(?:hasn(?:'|’)?t|didn(?:'|’)?t|doesn(?:'|’)?t|won(?:'|’)?t) (?:even )?touch(?:ed)?\b(?! (?:me|him|her|them|anyone|anything)\b)|(?:exactly |just |still )?as (?:bad|blocked|stuffy|stuffed up|congested|sore|itchy|painful|high|stiff) as (?:before|ever|day one|when i started)|no (?:change|difference|improvement|relief) (?:at all|yet|in|since|whatsoever)|stopped working)\b/i;

/** "I'm allergic to sulfa drugs.": a standing allergy stated, no event told (d39). */
export const KNOWN_ALLERGY = /\b(?:i(?:'|’)?m|i am|(?:he|she)(?:'|’)?s|(?:he|she) is|we(?:'|’)?re|they(?:'|’)?re) (?:\w+ )?allergic to\b/i;

/** Studying pharmacology or nursing: a question for an exam, nobody's event (d40). */
export const STUDYING = /\b(?:studying for|study(?:ing)? (?:guide|group)|for (?:my|our|the) (?:pharm(?:acology)?|nursing|med school|anatomy|physiology|patho(?:physiology)?|bio(?:logy)?|chem(?:istry)?|tox(?:icology)?) (?:final|exam|midterm|class|test|quiz)|nclex|usmle|board exam|(?:yearly|annual|staff|mandatory|required|ongoing|regular) training (?:on|in|about|for)|in-?services? (?:on|about))\b/i;

/** Pills taken on purpose, all at once: harm from an intentional ingestion is no adverse event (t2). */
export const INTENTIONAL_INGESTION =
  /\b(?:took|swallowed|ate|downed|taken)\b[^.!?]{0,30}\b(?:whole bottle|all (?:of )?(?:my|the|his|her|their)|a handful|a bunch|every (?:pill|one|last)|(?:about |like |around |over |maybe )?(?:[1-9]\d|a dozen|dozens of|twenty|thirty|forty|fifty) (?!(?:min(?:ute)?s?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|years?|mg|mcg|ml|units?|percent)\b)[\w-]+)\b/i;

/** The one who had the reaction is an animal (an adverse event is about people, h8). Not "calf": in a health message it is a leg's (d56). */
export const ANIMAL_SUBJECT =
  /\b(?:(?:my|our|the|his|her|their) (?:[\w-]+ ){0,3}?(?:dog|dogs|cat|cats|puppy|pup|kitten|horse|horses|pony|mare|gelding|foal|cow|goat|sheep|pig|pet|pets|parrot|rabbit|bunny|ferret|hamster|lab|beagle|retriever|terrier|poodle|shepherd)\b(?![- ](?:sitter|walker|bite|scratch|hair|dander|allerg\w*))|animal hospital|veterinar(?:y|ian)|vet (?:clinic|says|said|thinks|is|was)|vet(?:'|’)s)/i;
/** A vet or an animal hospital in view: the animal's care, not a person's. */
export const VET_CARE =
  /\b(?:vets?|vet(?:'|’)s|veterinar(?:y|ian)|animal (?:er|hospital|emergency|clinic|poison)|emergency vet|pet (?:er|emergency|poison))\b/i;
/** A person in the message besides the writer's pets: a relative or the writer as the one affected. */
export const HUMAN_PATIENT =
  /\b(?:i(?:'|’)?m|i(?:'|’)?ve|i (?:got|had|have|feel|felt|was|am|broke|developed|started)|(?<!out of )me|myself|(?:my|our|his|her) (?:son|daughter|kid|kids|child|baby|mom|mum|mother|dad|father|wife|husband|partner|grandma|grandpa|sister|brother|friend|toddler|boy|girl))\b/i;

/** An identifiable reporter: someone speaking in the first person (the account holder). */
export const AE_REPORTER = /\b(?:i|i'm|im|i've|i'd|me|my|we|our|us)\b/i;

/**
 * A broader product vocabulary for the statistical layer: more drugs (generic, brand, class),
 * vaccines, devices and procedures than the rule needs, from general pharmacology knowledge.
 */
export const ANY_PRODUCT = new RegExp(
  String.raw`\b(?:` +
    [
      SUSPECT_PRODUCT.source.slice(5, -3),
      DRUG_CLASSES,
      'patch(?:es)?|nicotine (?:patch|gum)|cream|ointment|eye ?drops|drops|gel|lotion|spray|advair|symbicort|fluticasone|montelukast|singulair|tamoxifen|letrozole|anastrozole|lupron|capecitabine|xeloda|lovenox|enoxaparin|aimovig|emgality|ajovy|dupixent|xolair|stelara|skyrizi|rinvoq|xeljanz|otezla|rituxan|herceptin|opdivo|biologics?',
      'lvad|nebuli[sz]er|cannula|picc(?: line)?|central line|g-?tube|feeding tube|brace|cast|splint|contact lens(?:es)?|retainer|dentures?|crown|filling|root canal|extraction|wisdom teeth|braces|cold cap|sensor|adhesive|monitor|tens unit',
      'vasectomy|tubal|hysterectomy|laser|cataract|ivf|egg retrieval|iui|gastric (?:sleeve|bypass)|bariatric|lipo(?:suction)?|tummy tuck|steroid (?:shot|injection)|cortisone shot|injections?|infusions?|stitches|sutures|anesthetic|sedation|iv\\b|\\w+(?:ectomy|otomy|ostomy|plasty|oscopy|scopy)',
    ].join('|') +
    String.raw`)\b`,
  'i',
);

/** Harms people report after a product, in lay words: broader than ADVERSE_EVENT, for the model. */
export const HARM_WORDS =
  /\b(?:can(?:'|’)?t (?:sleep|eat|walk|keep (?:\w+ )?down|lift|get my shoes on)|insomnia|wide awake|nightmares|vivid dreams|clench\w*|grinding|not eating|lost (?:\d+|way too much|so much) (?:lbs|pounds|weight)|dizz\w*|foggy|brain fog|fog|fatigue|exhausted|knock(?:s|ed)? (?:me|them|him|her) out|joint pain|aches?|achy|stain|permanent|cramps?|swell\w*|swollen|purple|bruis\w*|lump|hoarse|white patches|thrush|bled|bleed\w*|blood|floaters|raw|weeping|lose words|c\.? ?diff|labs? (?:are|were|came back) off|kidney (?:numbers|function)|crooked|saggy|sore(?:ness)?|red(?:ness)?|hot|pus|hot flashes|blisters?|infected|infection|skips? beats|palpitations|tingl\w*|gushing|alarm\w*|pass(?:ed|ing)? out|clots?|headaches?|migraines?|dolor|sangrado|leak\w*|lymph nodes|(?:blood )?sugars? (?:\w+ )?(?:high|spiked|into the|stuck|[34]00)|welts?|crying|mood|outbursts|angry|rage|irritable|hair (?:loss|thinning|falling)|lost my hair|lows|hiccups|kink\w*|rash\w*|hives|itch\w*|nause\w*|vomit\w*|threw up|throwing up|diarrh\w*|constipat\w*|dry mouth|metallic taste|acne|weight gain|gained \d+|libido|numb\w*|neuropathy|tremors?|shak\w*|seizures?|anxi\w*|depress\w*|panic|heart (?:racing|pounding)|chest pain|short(?:ness)? of breath|cough\w*|fever|chills|body aches|blurr\w*|ringing|burn\w*|peeling|scar\w*|pain(?:ful)?|hurts?|hurt so|side effects?|reaction|allergic|worse|wrong dose|malfunction\w*|stopped working|broke|defective|overdos\w*)\b/i;
