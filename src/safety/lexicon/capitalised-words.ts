/**
 * Words that are capitalised in social posts without being anyone's name: sentence openers,
 * places of care, departments, events, calendar words. A capitalised run made of these is not a
 * person; a run that merely touches one is cut at it.
 */
const words = `
a an the this that these those there here it its i im i'm we our us you your yours he she they them his her their my me
and or but if so then when while where what who whom why how which whose because since after before during until
yes no not please thanks thank hi hello hey hola buenos buenas dear good great happy merry congrats congratulations welcome
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
january february march april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec
captain lieutenant sergeant corporal deputy sheriff coach traveler traveller number
hospital hospitals health healthcare medical medicine center centre clinic clinics care urgent emergency department dept
er icu nicu picu ed or unit ward room floor wing tower building campus pavilion institute foundation university
college school system network group associates partners team staff services service program programs office
heart cancer stroke trauma surgery surgical orthopedic orthopedics cardiology oncology pediatrics pediatric
neurology radiology imaging lab labs laboratory pharmacy maternity birthing women's children's childrens womens
family primary behavioral mental rehab rehabilitation therapy physical occupational sports wellness nutrition
diabetes kidney liver lung breast brain spine vascular wound sleep pain palliative hospice home memorial general regional
community saint st mount mt county city state national american association society awareness month week day year
annual fair festival walk run gala drive event events webinar class classes seminar series workshop
covid covid-19 flu influenza rsv vaccine vaccines vaccination booster shot shots mpox measles
north south east west northern southern eastern western new old great upper lower central
street avenue road boulevard drive lane way court place parkway highway suite apt
facebook twitter instagram tiktok youtube linkedin bluesky mastodon google apple microsoft amazon
covid19 usa us uk america english spanish christmas easter thanksgiving halloween hanukkah ramadan diwali
god jesus lord mom mum dad mother father grandma grandpa nana nanna papa grammy gramps granny mimi meemaw pawpaw poppa abuela abuelo abuelita abuelito baby babe hubby nurse doctor dr mr mrs ms miss mx prof professor
patient patients visitor visitors volunteer volunteers member members
q a faq re fw fwd ps pm am
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah
vermont virginia washington wisconsin wyoming canada dc portland seattle boston chicago
eyes face arm arms balance speech time physician year month
relations financial billing admissions registration scheduling records resources communications affairs experience
governor mayor senator representative chief director manager president coordinator supervisor chair
`;

export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
