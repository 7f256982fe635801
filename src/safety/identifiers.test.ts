import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findIdentifiers } from './identifiers.ts';
import { passesLuhn, isPlausibleSsn } from './validators.ts';

const types = (text: string): string[] => findIdentifiers(text).map((s) => `${s.type}:${s.text}`);

test('a Luhn-valid card number is a card, a Luhn-invalid one is not', () => {
  assert.ok(passesLuhn('4111111111111111'));
  assert.ok(!passesLuhn('4111111111111112'));
  assert.deepEqual(types('card 4111 1111 1111 1111 please'), ['CREDIT_CARD:4111 1111 1111 1111']);
  assert.ok(!types('ref 4111 1111 1111 1112').some((t) => t.startsWith('CREDIT_CARD')));
});

test('SSNs follow the SSA issuance rules', () => {
  assert.ok(isPlausibleSsn('512', '44', '8890'));
  assert.ok(!isPlausibleSsn('666', '44', '8890'));
  assert.ok(!isPlausibleSsn('912', '44', '8890'));
  assert.ok(!isPlausibleSsn('512', '00', '8890'));
  assert.deepEqual(types('SSN 512-44-8890'), ['US_SSN:512-44-8890']);
  assert.deepEqual(types('code 666-44-8890'), []);
});

test('typed spans for the common HIPAA identifiers', () => {
  const found = types(
    'My dad John Perez (DOB 3/4/1941, MRN 00482913) is 94. Call 555-0147 or jperez@example.com. Member ID XJK448201937, plate 7KRM224.',
  );
  for (const expected of [
    'PERSON:John Perez',
    'DATE:3/4/1941',
    'MEDICAL_RECORD_NUMBER:00482913',
    'AGE_OVER_89:is 94',
    'PHONE_NUMBER:555-0147',
    'EMAIL_ADDRESS:jperez@example.com',
    'HEALTH_PLAN_ID:XJK448201937',
    'VEHICLE_ID:7KRM224',
  ]) {
    assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
  }
});

test('a street address with city, state and ZIP is one address, with the ZIP also typed', () => {
  const found = types('We moved to 482 Alder Street, Millbrook, OR 97304 last year');
  assert.ok(found.includes('STREET_ADDRESS:482 Alder Street, Millbrook, OR 97304'), found.join(', '));
  assert.ok(found.includes('ZIP_CODE:97304'), found.join(', '));
});

test('spans point at the text they name', () => {
  const text = 'Hi, I am Denise Harlow, email denise.harlow88@gmail.com, IP 73.22.148.9';
  for (const s of findIdentifiers(text)) assert.equal(text.slice(s.start, s.end), s.text);
});

test("a plan's own name labels its member id; a fundraiser link without a scheme is a URL; 'Baby' is not part of a name", () => {
  assert.ok(types('Does OHP cover the classes? My OHP ID is 0FH22831M.').includes('HEALTH_PLAN_ID:0FH22831M'));
  assert.ok(types('My Aetna member id: W2291847 if that helps').includes('HEALTH_PLAN_ID:W2291847'));
  assert.ok(types("for my sister's treatment: gofund.example/help-ines-quintero. Anything helps").includes('URL:gofund.example/help-ines-quintero'));
  assert.ok(types('Baby Mateo Quispe is 19 days old').includes('PERSON:Mateo Quispe'));
  // A ratio or a dose is no link.
  assert.deepEqual(types('rated 4.5/5, take 2.5mg/day'), []);
});

test('the last four of an SSN, labelled, are an SSN; a temperature of 100.8 is no age', () => {
  assert.ok(types('the clerk asked me to say the last four of my SSN (6621) out loud').includes('US_SSN:6621'));
  assert.ok(types('verify with SSN ending in 4417').includes('US_SSN:4417'));
  assert.deepEqual(types('3 wk old is 100.8 rectal and will not latch').filter((t) => t.startsWith('AGE_OVER_89')), []);
  assert.ok(types('my grandmother is 94 and had surgery').includes('AGE_OVER_89:is 94'));
});

test('labelled ids in their other written forms: an SSN after a comma, a spaced member id, Spanish labels, a grievance case; an applicant id is no ZIP, a fever no age', () => {
  assert.ok(types('asked for my full SSN, 987-65-4327, and printed it').includes('US_SSN:987-65-4327'));
  assert.ok(types('Does Riverside take Moda? My member ID is XJH 882 104 77').includes('HEALTH_PLAN_ID:XJH 882 104 77'));
  assert.ok(types('Mi número de miembro es OR7788201 y necesito cita').includes('HEALTH_PLAN_ID:OR7788201'));
  assert.ok(types('Following up on Patient Relations case PR-22-0917 about my mom').includes('OTHER_ID:PR-22-0917'));
  assert.deepEqual(types('Applied for the job (applicant ID 20459-A) a month ago').filter((t) => t.startsWith('ZIP_CODE')), []);
  assert.deepEqual(types("arm is hot and swollen and I'm 102 with the shakes").filter((t) => t.startsWith('AGE_OVER_89')), []);
  assert.ok(types("I'm 102 and still walk to the market").includes("AGE_OVER_89:I'm 102"));
});

test('a full stop ends a name ("in April. Could"); a writer introducing a full name, or "our daughter", is a strong cue', () => {
  assert.deepEqual(types('planning an assembly in April. Could someone come speak?').filter((t) => t.startsWith('PERSON')), []);
  assert.ok(types("I'm Terrence Boyle, I had my gallbladder out Tuesday").includes('PERSON:Terrence Boyle'));
  assert.ok(types('Our daughter Juniper Rae Castillo arrived 6/2 at 4:12am').includes('PERSON:Juniper Rae Castillo'));
  assert.ok(types('Thanks to Janka M. Szász for the tour').includes('PERSON:Janka M. Szász'));
});

test('a disabled-parking placard, a MedicAlert id and a prescription number are labelled ids; a Spanish relative names a person', () => {
  assert.ok(types('even though my disabled placard #P4417720 was on the mirror').includes('OTHER_ID:P4417720'));
  assert.ok(types("My son's MedicAlert bracelet (ID 4418-297) says he has epilepsy").includes('OTHER_ID:4418-297'));
  assert.ok(types("the pharmacy filled my dad's metoprolol at double his dose (Rx 6620418)").includes('OTHER_ID:6620418'));
  assert.ok(types('Mi hija de 15, Valeria Ochoa, se tomó las pastillas').includes('PERSON:Valeria Ochoa'));
});

test('the last four of an SSN may come a clause later and spaced out; an insurance group number is the employer plan\'s, not a member id; all caps words are no names', () => {
  assert.ok(types('the kiosk asks for the last four of my social and then rejects 7 3 0 2 every time').includes('US_SSN:7 3 0 2'));
  assert.deepEqual(types('Is group number 88120 from my card in network for a sleep study?').filter((t) => t.startsWith('HEALTH_PLAN_ID')), []);
  assert.ok(types('Is member ID QKR4471902 in network for a sleep study?').includes('HEALTH_PLAN_ID:QKR4471902'));
  assert.deepEqual(types('MY SON IS 4 AND HE JUST FELL OFF THE SLIDE, WHERE DO WE GO').filter((t) => t.startsWith('PERSON')), []);
  assert.ok(types('my son Jo is 4').includes('PERSON:Jo'));
});

test('"is at 170, my hands are shaking" is a pulse, not an address; a passport number asked for billing is an id', () => {
  assert.deepEqual(types("my pulse is at 148, I'm sweating and my vision is blurry. I'm 29").filter((t) => t.startsWith('STREET_ADDRESS')), []);
  assert.ok(types('she lives at 22 Birch Hollow. Call me').includes('STREET_ADDRESS:22 Birch Hollow'));
  assert.ok(types('the front desk asked for my passport number to open the account, it is XR7730195').includes('OTHER_ID:XR7730195'));
});

test('a ZIP after a comma, a wristband number, an SSN last four a long clause later and "my social is …" are found', () => {
  assert.ok(types('the bill went to my old ZIP, 97418, even though I updated it').includes('ZIP_CODE:97418'));
  assert.ok(types("billing said to read them the number on my mom's wristband, which is 55-201-937").includes('MEDICAL_RECORD_NUMBER:55-201-937'));
  assert.ok(types("the app needs the last 4 of my SSN to connect my son's chart to mine and keeps saying 4471 is wrong").includes('US_SSN:4471'));
  assert.ok(types('I mailed the form and my social is 912-30-5518, on the second page').includes('US_SSN:912-30-5518'));
});

test('"is at 2 and we\'re in the car" is a time, not an address; a nurse\'s own licence number is a licence', () => {
  assert.deepEqual(types("his appointment is at 2 and we're sitting in the car").filter((t) => t.startsWith('STREET_ADDRESS')), []);
  assert.ok(types("I'm an RN myself (Oregon license 095512347RN) and I was a patient in your ER").includes('LICENSE_NUMBER:095512347RN'));
  assert.ok(types('my car is the one with license plate 7KQM442').every((t) => !t.startsWith('LICENSE_NUMBER')));
});

test('a name in capitals after "name is" is a name; other words in capitals are not', () => {
  assert.ok(types("SHE WON'T EAT. HER NAME IS ISLA MARIE FENWICK, WE'RE AT THE MAIN ENTRANCE").includes('PERSON:ISLA MARIE FENWICK'));
  assert.deepEqual(types('THE NAME IS ON THE FORM AND THE LINE IS LONG').filter((t) => t.startsWith('PERSON')), []);
});

test('GPS coordinates are a place; a personal blog address is a URL; an SSN last four a sentence later and a relative named after "my little brother" are found', () => {
  assert.ok(types('no street address out here, coordinates are 44.6127, -122.9874. Please hurry').includes('STREET_ADDRESS:44.6127, -122.9874'));
  assert.deepEqual(types('the dose went from 0.125, 0.250 to 0.5 mg').filter((t) => t.startsWith('STREET_ADDRESS')), []);
  assert.ok(types('my whole chemo story is at tessa-fights.blogspot.com now').includes('URL:tessa-fights.blogspot.com'));
  assert.ok(types('She asked for the last 4 of my SSN out loud in front of the whole waiting room. It is 6624, so now everyone knows.').includes('US_SSN:6624'));
  assert.ok(types('my little brother Tobias Wrenfield (17) texted me goodbye').includes('PERSON:Tobias Wrenfield'));
});

test('a student named after "one of my students," is a name; a home DNA kit id is an id', () => {
  assert.ok(types('One of my students, Kaylee Brandt, wrote about where her dad keeps his gun').includes('PERSON:Kaylee Brandt'));
  assert.ok(types('A home DNA kit (GenePath kit ID GP-55X-10293) flagged a variant').includes('OTHER_ID:GP-55X-10293'));
});

test('a local number without area code and a NICU parent pass are found; a treating doctor\'s licence is not the patient\'s', () => {
  assert.ok(types('please have billing call me back about my ER bill, this is my 4th try. 555-0192 after 5pm').includes('PHONE_NUMBER:555-0192'));
  assert.ok(types("NICU parent pass N-2281 didn't open the garage gate again").includes('OTHER_ID:N-2281'));
  assert.ok(types('The ER doc who saw my wife Friday, license MD40982 on his badge, was rude').every((t) => !t.startsWith('LICENSE_NUMBER')));
  assert.ok(types("I'm an RN myself (Oregon license 095512347RN) and was a patient in your ER").includes('LICENSE_NUMBER:095512347RN'));
});

test('a reading of 100 or more in blood-pressure or sugar talk is no age', () => {
  assert.deepEqual(types('the bp cuff in the lobby reads high, mine was 121 at the pharmacy').filter((t) => t.startsWith('AGE_OVER_89')), []);
  assert.ok(types('my great-aunt was 101 when she moved into assisted living').includes('AGE_OVER_89:was 101'));
});

test('an age in parentheses after a relative is an age over 89', () => {
  assert.ok(types('mi abuela (91) está confundida desde anoche').includes('AGE_OVER_89:abuela (91)'));
  assert.deepEqual(types('see pages (94) to (97) of the guide').filter((t) => t.startsWith('AGE_OVER_89')), []);
});

test('a ham radio call sign is a licence number; "at 93 I" is an age over 89', () => {
  assert.ok(types("my dad's call sign KE7QMV, his net buddies ask about him").includes('LICENSE_NUMBER:KE7QMV'));
  assert.ok(types('At 93 I just finished cardiac rehab').includes('AGE_OVER_89:At 93'));
  assert.deepEqual(types('the pool is at 94 in the summer').filter((t) => t.startsWith('AGE_OVER_89')), []);
});

test('a rental scooter number is a vehicle id; a registry card number is another id', () => {
  assert.ok(types('I was riding scooter #ZP4-0917 when I fell').includes('VEHICLE_ID:ZP4-0917'));
  assert.ok(types('my OMMP card for the clinic: Card # OMMP-220-58813').includes('OTHER_ID:OMMP-220-58813'));
});

test('a name in brackets after a relative, a Spanish self-introduction and "my SSN\'s last 4 digits" are found', () => {
  assert.ok(types('Grandma (Edith Solberg) was found on the floor').includes('PERSON:Edith Solberg'));
  assert.ok(types('Mi nombre es Graciela Portillo Vega y tuve a mi bebé aquí').includes('PERSON:Graciela Portillo Vega'));
  assert.ok(types("they asked for my SSN's last 4 digits, 2817, about the ER bill").includes('US_SSN:2817'));
});

test('an encounter (FIN) number is an account, an EIN in brackets a tax id, and a nurse-writer keeps her own licence; a treating nurse\'s is hers', () => {
  assert.ok(types('Urgent care FIN 400219875 billed me twice').includes('ACCOUNT_NUMBER:400219875'));
  assert.ok(types('I put my EIN (12-3456789) on the assistance form').includes('OTHER_ID:12-3456789'));
  assert.ok(types("I'm a nurse myself (RN license 123456789RN) and my discharge was a mess").includes('LICENSE_NUMBER:123456789RN'));
  assert.deepEqual(types('The nurse gave me her license 123456789RN'), []);
});

test('a lost-and-found or valet claim ticket is nobody\'s account; an insurance claim number still is', () => {
  assert.deepEqual(types('Lost and found claim 884213 for the blue scarf left in the lobby'), []);
  assert.deepEqual(types('The valet desk gave me claim number 55120 for the car'), []);
  assert.ok(types('My insurance claim number 7730019 for the ER visit was denied').includes('ACCOUNT_NUMBER:7730019'));
});

test('a Known Traveler Number is an OTHER_ID, a crypto wallet a bill was paid from an ACCOUNT_NUMBER, and a rank alone is no name', () => {
  assert.ok(types('please add my known traveler number 77120934 to the CPAP letter').includes('OTHER_ID:77120934'));
  assert.ok(types('sent the copay from my wallet 0x9b21Ac04eF77d3B10c2E for the urgent care bill').includes('ACCOUNT_NUMBER:0x9b21Ac04eF77d3B10c2E'));
  assert.deepEqual(types('my wallet was stolen in the lobby'), []);
  assert.deepEqual(types('Thank you for everything, Captain. Fair winds.').filter((t) => t.startsWith('PERSON')), []);
  assert.ok(types('Get well soon Coach Maria Delgado').includes('PERSON:Maria Delgado'));
});

test("a plate after its state's code is the plate, not the code and half the plate; digits are counted inside the match", () => {
  assert.deepEqual(types('Security moved your truck (plate OR 7KD-442) from the bay'), ['VEHICLE_ID:7KD-442']);
  assert.deepEqual(types('plate OR 7KD 219 in lot B'), ['VEHICLE_ID:7KD 219']);
  assert.deepEqual(types('plate 8KRT 512 by the door'), ['VEHICLE_ID:8KRT 512']);
  assert.deepEqual(types('the plate was AB CD then'), []);
});

test('a record number read out digit by digit after its label is a medical record number', () => {
  assert.ok(types('the last five of my MRN are 7 2 0 1 9, can you resend the records?').includes('MEDICAL_RECORD_NUMBER:7 2 0 1 9'));
});

test('a study participant id and a bite or police report number are other ids; a room number may stand in brackets', () => {
  assert.ok(types('My subject ID is KX-2291-04 in the migraine trial').includes('OTHER_ID:KX-2291-04'));
  assert.ok(types('police report # 25-110873 for the crash, the ER asked for it').includes('OTHER_ID:25-110873'));
  assert.ok(types("my aunt's room (512B) has no hot water").includes('ROOM:room (512B)'));
  assert.deepEqual(types('Read the report on the new wing'), []);
});

test('a Canadian SIN, a records-request number, an age over 89 in words and a full name run together in a hashtag are found; a phone number after "call" is no licence', () => {
  assert.ok(types('billing took my SIN 402-118-995 for the ER visit').includes('OTHER_ID:402-118-995'));
  assert.deepEqual(types('sin 3 pastillas hoy'), []);
  assert.ok(types('records request #RR-20931 is still pending').includes('OTHER_ID:RR-20931'));
  assert.ok(types('my great-aunt is in her mid-nineties and still sharp').includes('AGE_OVER_89:in her mid-nineties'));
  assert.ok(types('Prayers for #TeamNoahBennett tonight').includes('PERSON:NoahBennett'));
  assert.equal(types('Go #TeamRiverside and #AvaStrong!').some((t) => t.startsWith('PERSON')), false);
  assert.ok(!types('driver license found, says Mia Lopez, call 555-201-3344').some((t) => t.startsWith('LICENSE_NUMBER')));
});

test('a fixed-day holiday is a date; a pilot certificate is a licence', () => {
  assert.ok(types('my mom was admitted on New Year\'s Eve with pneumonia').includes("DATE:New Year's Eve"));
  assert.deepEqual(types('my scan lit up like the Fourth of July'), []);
  assert.ok(types('FAA pilot certificate 4410932 for my medical').includes('LICENSE_NUMBER:4410932'));
});

test('a town after words that put someone there is a city; states, flights, institutions and a friend\'s house are not', () => {
  assert.ok(types('my nana lives way out in Quail Ridge and the PT visits stopped').includes('CITY:Quail Ridge'));
  assert.ok(types('we drove an hour in from Silver Lake for his MRI').includes('CITY:Silver Lake'));
  assert.ok(types('mi papá vive solo en Orchard Bend').includes('CITY:Orchard Bend'));
  assert.ok(types('does the van come out to Piney Flats?').includes('CITY:Piney Flats'));
  for (const text of ['we moved here from Ohio last spring', 'flew in from Lisbon on Friday', 'got transferred from Mercy General overnight', "he came back from Maya's party with a rash", 'the new clinic in Millbrook opens Monday']) {
    assert.ok(!types(text).some((t) => t.startsWith('CITY')), text);
  }
});

test('a holiday with its year is a date; a clinician\'s badge licence is not the patient\'s', () => {
  assert.ok(types('my ER trip on Easter 2023 still shows as unpaid').includes('DATE:Easter 2023'));
  assert.ok(types('since Labor Day, 2025 I have been on the waitlist').includes('DATE:Labor Day, 2025'));
  assert.deepEqual(types('the phlebotomist, whose badge said license PB-55103, was so rough').filter((t) => t.startsWith('LICENSE')), []);
});
