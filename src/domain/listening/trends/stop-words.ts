/**
 * Words too common to say what the audience cares about: a standard English stop-word list
 * (articles, pronouns, auxiliaries, prepositions, contractions with and without the apostrophe)
 * plus filler that dominates social posts ("rt", "lol", "thanks", "today"). Content words that
 * form useful pairs ("wait time", "flu shot") are deliberately not here.
 */
const ENGLISH = `
a about above after again against all am an and any are aren't arent as at be because been before
being below between both but by can can't cannot cant could couldn't couldnt did didn't didnt do does
doesn't doesnt doing don't dont down during each few for from further had hadn't hadnt has hasn't
hasnt have haven't havent having he he'd he'll he's hed hes her here here's heres hers herself him
himself his how how's hows i i'd i'll i'm i've id ill im ive if in into is isn't isnt it it's its
itself let's lets me more most mustn't mustnt my myself no nor not of off on once only or other
ought our ours ourselves out over own same shan't shant she she'd she'll she's shes should
shouldn't shouldnt so some such than that that's thats the their theirs them themselves then there
there's theres these they they'd they'll they're they've theyd theyll theyre theyve this those
through to too under until up very was wasn't wasnt we we'd we'll we're we've wed were weren't
werent weve what what's whats when when's whens where where's wheres which while who who's whos
whom why why's whys will with won't wont would wouldn't wouldnt you you'd you'll you're you've youd
youll youre youve your yours yourself yourselves also just may might must shall us yet ever every
another either neither whether upon within without across along among around onto per via
`;

const SOCIAL = `
rt amp lol lmao omg wtf smh tbh imo fyi btw idk ik ikr u ur r n y ya yall y'all pls plz please
thanks thank thx ty yes yeah yep yup nope ok okay oh hey hi hello like just get got gets getting
gonna wanna gotta really know think one two also today tonight tomorrow yesterday go going goes
went see saw want make made much many lot lots still even well way thing things something anything
nothing anyone someone everyone anybody somebody everybody new good great day days now back
post posts follow following retweet repost reposted link bio check via said say says
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${SOCIAL}`.split(/\s+/).filter(Boolean));
