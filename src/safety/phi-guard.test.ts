import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage } from './analyze.ts';
import { testProfile } from './test-profile.ts';
import { guardPhi } from './phi-guard.ts';
import { findIdentifiers } from './identifiers.ts';

const profile = testProfile();
const draft = (text: string, replyTo?: string) => analyzeMessage({ text, kind: 'draft', ...(replyTo ? { replyTo } : {}) }, profile);
const mention = (text: string) => analyzeMessage({ text, kind: 'mention' }, profile);

test("a reply naming the patient's procedure is blocked", () => {
  const a = draft('Glad your knee surgery went well, Tom!');
  assert.equal(a.phi.found, true);
  const status = a.findings.find((f) => f.rule === 'phi.patient-status');
  assert.equal(status?.severity, 'block');
  assert.match(status?.suggestion ?? '', /patient relations/i);
  assert.ok(a.phi.spans.some((s) => s.type === 'PERSON' && s.text === 'Tom'));
});

test('"your mother is stable in room 412" confirms a patient and is blocked', () => {
  const a = draft('Hi @mike_r, your mother is stable and resting in room 412.');
  assert.equal(a.phi.found, true);
  assert.ok(a.findings.some((f) => f.rule === 'phi.patient-status' && f.severity === 'block'));
});

test('a reply to a handle about their ER visit is PHI even without a name', () => {
  const a = draft("@jane_doe we're so sorry about your wait in our ER yesterday.", 'jane_doe');
  assert.equal(a.phi.found, true);
  assert.ok(a.phi.spans.some((s) => s.type === 'HANDLE'));
});

test("the hospital's own address, phone and public event date are not PHI", () => {
  const a = draft('Join us March 14 for our free Community Health Fair at 1200 Harbor View Drive! Call (555) 010-2000.');
  assert.equal(a.phi.found, false);
  assert.deepEqual(a.findings, []);
});

test('staff names in a thank-you post are not PHI', () => {
  assert.equal(draft('Staff spotlight: Nurse Priya Raman has welcomed 2,000 babies. Thank you, Priya!').phi.found, false);
  assert.equal(mention('Dr. Okafor is the best cardiologist in Oregon, period.').phi.found, false);
});

test('a generic empathetic redirect is allowed', () => {
  const a = draft("We're sorry to hear about your experience. Please call our patient relations team at (555) 010-2000.");
  assert.equal(a.phi.found, false);
});

test('a public figure becomes PHI when our post confirms their surgery here', () => {
  const a = draft('Wishing Mayor Pettibone a speedy recovery after her gallbladder surgery here this week!');
  assert.equal(a.phi.found, true);
});

test('an anonymous self-disclosure in a mention is not PHI', () => {
  assert.equal(mention('5 years cancer free today!!! Thank you Dr. Okafor and the team 🎉').phi.found, false);
});

test('a mention with a full name and DOB tied to an admission is PHI, as a warning', () => {
  const a = mention('@riversideregional my dad John Perez DOB 3/4/1941 was admitted Tuesday and no one will tell us anything.');
  assert.equal(a.phi.found, true);
  const types = a.phi.spans.map((s) => s.type);
  assert.ok(types.includes('PERSON') && types.includes('DATE'), types.join(','));
  assert.ok(a.findings.every((f) => f.severity !== 'block'));
});

test('an MRN is PHI wherever it appears', () => {
  assert.equal(mention('My name is Carla Mendes, MRN 00482913, still no biopsy results').phi.found, true);
});

test("'Patient Relations' is a department, not a sign of care: a handle beside it is not PHI", () => {
  assert.equal(draft("@sammy_k We're sorry about your experience. Please DM us so we can connect you with Patient Relations.", 'sammy_k').phi.found, false);
  assert.equal(draft("@sammy_k We're sorry about your experience during your stay. Please DM us.", 'sammy_k').phi.found, true);
});

test('in a mention a first name alone is not PHI; a full name is', () => {
  assert.equal(mention('My daughter Noor got her cast off today and the tech let her pick stickers for the other arm').phi.found, false);
  assert.equal(mention('My daughter Noor Haddad got her cast off today at Ortho, still waiting on the x-ray results').phi.found, true);
});

test("a name followed by a credential is staff; a general visiting-hours answer to a handle confirms no one's care", () => {
  assert.equal(draft('Happy retirement to Carol Haines, RN, after 32 years on our Family Birth Center team! The cake is in the break room.').phi.found, false);
  assert.equal(draft('@cara_m_b Visiting hours on inpatient units are 8am to 8pm, with two visitors at a time in the ICU.', 'cara_m_b').phi.found, false);
  assert.equal(draft('@cara_m_b Glad your time in the ICU is over, see you at follow-up!', 'cara_m_b').phi.found, true);
});

test('a Spanish reply confirming a relative was moved to a room is PHI', () => {
  const a = draft('Hola Sra. Beltrán, le confirmamos que su esposo fue trasladado a la habitación 308. Puede visitarlo hasta las 8 pm.');
  assert.equal(a.phi.found, true);
  assert.ok(a.findings.some((f) => f.rule === 'phi.patient-status'), JSON.stringify(a.findings.map((f) => f.rule)));
});

test('a handle in our reply is PHI only when the reply confirms care, not for a care word elsewhere in it', () => {
  assert.equal(draft("@coughingcarl Sorry you're feeling rough! If things get worse, our 24h nurse advice line is there day and night.", 'coughingcarl').phi.found, false);
  assert.equal(draft('@nurse_hopeful We would love to have you! Our ICU is hiring new grads, apply on our careers page.', 'nurse_hopeful').phi.found, false);
  assert.equal(draft('@coughingcarl Glad your ER visit went well and you are home!', 'coughingcarl').phi.found, true);
});

test("a post about a public figure's relative giving birth here confirms care", () => {
  const a = draft('Congratulations to Governor Elena Marsh, whose daughter welcomed twin boys at our Family Birth Center this morning!');
  assert.equal(a.phi.found, true);
  assert.ok(a.findings.some((f) => f.rule === 'phi.patient-status'));
});

test('"caring for Millbrook kids" and "questions about your bill? call…" confirm no one\'s care; "caring for Linda" does', () => {
  assert.equal(draft('Welcome Dr. Amara Osei, who has been caring for Millbrook families for 20 years!').phi.found, false);
  // The rule's part (the model may still weigh the words): no patient status is read into the invitation.
  assert.ok(!draft('Questions about your bill? Our billing team is at (555) 010-2000 ext. 4, weekdays 8 to 5.').findings.some((f) => f.rule === 'phi.patient-status'));
  assert.equal(draft('We were honored to be caring for Linda through her recovery.').phi.found, true);
});

test('a condition report about one person in our care confirms care; an animal in a vet\'s care, or a care word in our own event\'s name, does not', () => {
  assert.equal(draft('The driver injured in the Route 9 pileup this afternoon remains in critical condition in our trauma unit.').phi.found, true);
  assert.ok(!draft('Feel better soon, Pepper! Our facility cat is resting at Millbrook Animal Hospital after a dental cleaning.').findings.some((f) => f.rule === 'phi.patient-status'));
  const volunteer = analyzeMessage({ text: 'Count me in for the Cancer Survivors Picnic setup crew! Email me at jo.volunteers@example.com', kind: 'mention' }, profile);
  assert.ok(!volunteer.findings.some((f) => f.rule === 'phi.in-mention'));
});

test('a draft welcoming someone\'s new granddaughter, or thanking a gift for "your sister on the oncology floor", confirms care', () => {
  const status = (text: string) => draft(text).findings.some((f) => f.rule === 'phi.patient-status');
  assert.ok(status('Congratulations, Coach! The whole Family Birth Center is thrilled to have welcomed your new granddaughter this morning.'));
  assert.ok(status('Thank you @quiltmaker for the quilt for your sister on the oncology floor. She loves it'));
  assert.equal(status('Thank you for the kind words about our oncology nurses!'), false);
});

test('thanking a handle for "your report" of a broken gate confirms no care; "your pathology report" does (the rules, without the model)', () => {
  const ruled = (text: string) => guardPhi(text, 'draft', findIdentifiers(text), profile, 'kim_r').found;
  assert.equal(ruled('@kim_r thanks, your report of the broken gate arm in the garage is logged and facilities is on it.'), false);
  assert.equal(ruled('@kim_r your pathology report is ready, please call the clinic.'), true);
});

test("an invoice number in a note to a supplier's accounts payable is no patient's account; a patient's invoice is", () => {
  const ruled = (text: string) => guardPhi(text, 'draft', findIdentifiers(text), profile).found;
  assert.equal(ruled('@acme_linens Accounts payable has invoice INV-20931 for the October delivery and will pay it Friday.'), false);
  assert.equal(ruled('Your invoice INV-20931 for the MRI is ready in the portal.'), true);
});

test("a phishing email's sender IP, reported as a scam, is no one's PHI", () => {
  const text = "Got an email 'from Riverside' about my ER visit asking for my card, the header shows it came from 45.141.87.203. Pretty sure that's not you.";
  assert.equal(guardPhi(text, 'mention', findIdentifiers(text), profile).found, false);
});

test("a donor id given with an injury from the donation, an air ambulance's tail number on a relative's bill and a plate written in two groups are identifiers", () => {
  const types = (text: string) => findIdentifiers(text).map((s) => s.type);
  assert.ok(types('Gave plasma at your drive Saturday and my arm has been numb since. Donor ID PDX-55812 if it helps.').includes('OTHER_ID'));
  assert.ok(types("The bill for Dad's flight lists the helicopter as N552RH and says $41,000.").includes('VEHICLE_ID'));
  assert.ok(types("We're in the blue Civic, plate 7ABC 219, by the ER doors").includes('VEHICLE_ID'));
});

test('a pet named in a giveaway and a question opening with "Will" name no person', () => {
  const people = (text: string) => findIdentifiers(text).filter((s) => s.type === 'PERSON').map((s) => text.slice(s.start, s.end));
  assert.deepEqual(people('Free to a good home: a sleepy old beagle named Waffles, loves kids.'), []);
  assert.deepEqual(people('Will Riverside have the flu clinic open on Sunday?'), []);
  assert.deepEqual(people('My neighbor Will Dawson drove me home.'), ['Will Dawson']);
});

test('"Nana" is a kinship word, not a name', () => {
  const people = (text: string) => findIdentifiers(text).filter((s) => s.type === 'PERSON').map((s) => text.slice(s.start, s.end));
  assert.deepEqual(people('Happy birthday, Nana! Your cardiologist says you will outlive us all.'), []);
});

test("a newborn's security tag number and a prior authorization reference are identifiers", () => {
  const types = (text: string) => findIdentifiers(text).map((s) => s.type);
  assert.ok(types("Our daughter's infant security tag #KT-55120 keeps alarming in the birth center").includes('DEVICE_ID'));
  assert.ok(types('My prior auth reference PA-88213 for the MRI was approved last week').includes('OTHER_ID'));
});

test('a hashtag running a given and a family name together is a full name; a double given name alone is not', () => {
  const guard = (text: string) => guardPhi(text, 'mention', findIdentifiers(text), profile);
  assert.deepEqual(guard('Prayers for #TeamNoahBennett tonight, he had surgery today').spans.map((s) => s.text), ['NoahBennett']);
  // "MaryBeth" is shaped like two names run together, but it is one given name: in a mention it identifies no one.
  assert.equal(guard('my friend MaryBeth had surgery today, keep her in your thoughts').found, false);
  assert.deepEqual(guard('my friend MaryBeth Lopez had surgery today').spans.map((s) => s.text), ['MaryBeth Lopez']);
});

test('a Spanish mention tying a relative\'s phone, a national id or a home town to care is PHI by the rules; a private network address is no one\'s', () => {
  const ruled = (text: string) => guardPhi(text, 'mention', findIdentifiers(text), profile).found;
  assert.equal(ruled('Mi papá tiene consulta el lunes y no sabe usar el portal. Su celular es 555-014-2290, ¿lo pueden llamar?'), true);
  assert.equal(ruled('Para la factura de mi operación me pidieron mi CURP, es PELJ920714HDFRPN03, ¿está bien?'), true);
  assert.equal(ruled('The waiting room wifi gave my laptop 10.0.4.22 and then blocked me, is it down for everyone?'), false);
  assert.ok(findIdentifiers('my portal login came from 73.12.44.201, not me').some((s) => s.type === 'IP_ADDRESS'));
  assert.ok(findIdentifiers('mi tío no puede mover el brazo, estamos en la finca en Oak Hollow').some((s) => s.type === 'CITY'));
});

test('an endocrinology or urology office ties an identifier to care', () => {
  const guard = (text: string) => guardPhi(text, 'mention', findIdentifiers(text), profile);
  assert.equal(guard('Can the endocrinology office put my passport number X44120987 on the letter for my pump?').found, true);
  assert.equal(guard('Can the front desk put my passport number X44120987 on the letter for my trip?').found, false);
});
