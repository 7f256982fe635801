/**
 * Common given names (US census-frequent plus frequent Hispanic, European, African, South and
 * East Asian names), written out by hand. Names that are also everyday English words are in
 * AMBIGUOUS_FIRST_NAMES and count only with a surname, a title or a cue word.
 */
const names = `
aaron abby abdul abigail abraham ada adam adrian adriana ahmed aidan aiden aisha alan albert alberto alejandro alex
alexa alexander alexandra alexis alfred alice alicia alison allison alma alvin alyssa amanda amelia amir amit amy ana
andre andrea andres andrew andy angela angelica angie anita ann anna anne annie anthony antonio arjun arthur ashley
aubrey audrey austin ava barbara beatriz becky ben benjamin bernard beth bethany betty beverly bianca billy blake
bobby bonnie brad bradley brandon brenda brendan brian brianna bridget brittany brooke bruce bryan caitlin caleb
cameron camila carl carla carlos carmen carolina caroline carolyn carrie casey cassandra catherine cathy cecilia
chad charles charlie charlotte chelsea cheryl chloe chris christian christina christine christopher cindy claire
clara claudia clayton cody colin connor courtney craig cristina cynthia dale dan daniel daniela danielle danny darius
darnell darren dave david deborah debra denise dennis derek devin diana diane diego dimitri dolores dominic don donald
donna doris dorothy doug douglas dylan eddie edgar eduardo edward eileen elaine eleanor elena eli elijah elizabeth
ella ellen emily emma enrique eric erica erik erin esther ethan eugene eva evan evelyn fatima felicia felipe fernando
fiona francesca francisco frank franklin fred gabriel gabriela gabrielle gary gavin gene george georgia gerald gina
gloria gordon greg gregory gwen hailey haley hannah harold harry hassan heather helen henry hector hugo ian irene
isaac isabel isabella isaiah ivan jackie jackson jacob jacqueline jaime jake james jamie jan jane janet janice jared
jasmine jason javier jay jean jeff jeffrey jennifer jenny jeremy jerome jerry jesse jessica jill jim jimmy jo joan
joanna joe joel john johnny jon jonathan jordan jorge jose joseph josh joshua joyce juan juanita judith judy julia
julian julie justin kaitlyn kara karen kari karl kate katherine kathleen kathryn kathy katie kayla keith kelly ken
kendra kenneth kevin kim kimberly kristen kristin kyle lamar lance larry laura lauren leah lee leon leonard leslie
liam linda lindsay lindsey lisa liz logan lori lorraine louis louise lucas lucia lucy luis luke lydia lynn madison
malik mandy manuel marcus margaret maria marie marilyn mario marisol marissa martha martin marvin mary mason matt
matthew megan melanie melissa mercedes mia michael michelle miguel mike mildred miranda mohamed mohammed molly monica
morgan muhammad nadia nancy naomi natalie nathan nathaniel neil nicholas nicole nina noah nora norma oliver olivia
omar oscar owen pablo pamela paola patricia patrick paul paula peggy peter philip phillip phyllis priya rachel rafael
rahul raj ralph ramon randy raul rebecca regina renee ricardo richard rick ricky rita rob robert roberta roberto robin
rodney roger ronald ronnie rosa rosemary ross roy russell ruth ryan sabrina sally sam samantha samuel sandra sanjay
sara sarah scott sean sergio seth shannon sharon shawn sheila shirley sofia sophia stacy stanley stephanie stephen
steve steven sue susan suzanne sylvia tamara tammy tanya tara taylor teresa terri terry thomas tiffany tim timothy tina
todd tom tommy tony tracy travis trevor troy tyler valerie vanessa veronica vicki victor victoria vincent virginia
walter wanda warren wayne wendy wesley whitney william willie xavier yolanda yusuf zachary zoe
mateo santiago sebastian valentina ximena lucia jimena guadalupe alejandra fernanda rocio pedro ignacio esteban
wei li ming jun hiroshi yuki kenji haruto sakura mei hana ji-woo min-jun seo-yeon priyanka deepak anil sunita lakshmi
kwame amara chidi ngozi oluwaseun ayodele fatou mamadou ibrahim yasmin layla leila omar karim tariq zainab
olga sergei dmitri natasha svetlana ivan katarzyna piotr agnieszka tomasz magdalena jan lars sven ingrid astrid
hans klaus jurgen greta francois jacques pierre amelie giulia giuseppe luca marco matteo chiara sofie anders
nils ed eddie ted fred ned gigi edna walter denise ethan liam jerome angela carla erik henrik mikkel freja pia anneke pieter joost
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(names.split(/\s+/).filter(Boolean));

/** Given names that are also common words ("Will", "May", "Grace"): need corroboration. */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(
  `will may june april august grace hope faith joy mark bill rose summer dawn art sunny ray jack pat rich guy chase
  hunter carol angel sky miles max patience brandy ginger amber crystal iris lily ivy holly ruby pearl daisy destiny
  harmony heaven autumn winter rocky dusty frank sandy penny candy cliff glen dean drew gene herb jewel lane norman
  page paige rob sage skip stormy violet wade woody`
    .split(/\s+/)
    .filter(Boolean),
);
