import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage } from './analyze.ts';
import { triageMessage } from './triage.ts';
import { testProfile } from './test-profile.ts';

const profile = testProfile();
const mention = (text: string) => analyzeMessage({ text, kind: 'mention' }, profile);

test("'this heat is killing me' is not an emergency", () => {
  const a = mention('this heat is killing me. why is there no shade in the parking lot');
  assert.equal(a.urgent, false);
  assert.ok(a.intents.includes('complaint'));
});

test("'dying to try the new menu' and 'heart attack on a plate' are not emergencies", () => {
  assert.equal(mention('dying to try the new cafeteria menu 😋').urgent, false);
  assert.equal(mention('Heart attack on a plate: the triple bacon burger 😂').urgent, false);
  assert.equal(mention('your hold music is going to give me a seizure').urgent, false);
});

test('stroke signs happening now are an urgent emergency with a 911 playbook and the on-call contact', () => {
  const a = mention('HELP my wife’s face is drooping on one side and she cant talk right');
  assert.equal(a.urgent, true);
  assert.ok(a.intents.includes('emergency'));
  assert.match(a.playbook?.replyTemplate ?? '', /911/);
  assert.equal(a.playbook?.escalateTo?.name, 'Jordan Lee');
  assert.ok(a.playbook?.steps.some((s) => /evidence/i.test(s)));
});

test('learning the signs of a stroke is not an emergency', () => {
  assert.equal(mention('What are the warning signs of a stroke? Want to be prepared.').urgent, false);
});

test("a lethal-dose question 'asking for a friend' is self-harm with a 988 playbook", () => {
  const a = mention("what's the max dose of tylenol someone could take, asking for a friend");
  assert.equal(a.urgent, true);
  assert.ok(a.intents.includes('self_harm'));
  assert.match(a.playbook?.replyTemplate ?? '', /988/);
});

test('passive suicidal wording is self-harm; a remembrance walk is not', () => {
  assert.equal(mention("I don't want to be here anymore. Everyone would be better off without me.").urgent, true);
  assert.equal(mention('Walked in the suicide prevention walk for my brother today.').urgent, false);
});

test('a side effect after a named drug is an adverse event with all four elements', () => {
  const a = mention('lisinopril gave me this dry hacking cough that won’t quit');
  assert.ok(a.intents.includes('adverse_event'));
  assert.deepEqual(a.adverseEvent, { patient: true, reporter: true, product: true, event: true });
});

test('an unnamed pill gives an adverse event without the product element; "no side effects" is none', () => {
  const a = mention('The new blood pressure pill my doctor put me on makes me so dizzy I almost fell');
  assert.equal(a.adverseEvent?.product, false);
  assert.equal(mention('Got my flu shot today, zero side effects!').adverseEvent, null);
});

test('an acute drug reaction is both an emergency and an adverse event', () => {
  const a = mention('My husband just took his first dose of amoxicillin and now his lips are swelling fast');
  assert.ok(a.intents.includes('emergency') && a.intents.includes('adverse_event'));
});

test('misinformation is flagged, debunking and honest questions are not', () => {
  assert.ok(mention('Vaccines cause autism. Do your own research.').intents.includes('misinformation'));
  assert.ok(!mention('Reminder: vaccines do NOT cause autism.').intents.includes('misinformation'));
  assert.ok(!mention('Is it true the MMR vaccine causes autism?').intents.includes('misinformation'));
});

test('spam, questions and praise are told apart', () => {
  assert.deepEqual(mention('Buy 10K real followers for your hospital page! Cheap, fast 👉 boost.co').intents, ['spam']);
  assert.deepEqual(mention('Does Riverside accept Medicaid for dental?').intents, ['question']);
  assert.ok(mention('Thank you to the NICU nurses, you were angels').intents.includes('praise'));
});

test('drafts carry no intents and are never urgent', () => {
  const a = analyzeMessage({ text: 'If you are having chest pain, call 911 right away.', kind: 'draft' }, profile);
  assert.deepEqual(a.intents, []);
  assert.equal(a.urgent, false);
});

test('a high place named as the end is self-harm; the room going grey on standing is an emergency; flyers passed out and a past attempt told as recovery are neither', () => {
  assert.ok(mention("If they send the bill to collections again I am done. I'll go stand on top of the water tower and that's it, you can bill my estate.").intents.includes('self_harm'));
  assert.ok(mention('sharp pain low on one side since this afternoon and when I stand up the room goes grey').intents.includes('emergency'));
  assert.equal(mention('Passed out 400 flyers for the 5K this morning. My feet are dead. Worth it!').urgent, false);
  assert.equal(mention("Five years ago I tried to end my life. Today I defended my thesis. To the nurses who sat with me that week: I made it.").urgent, false);
});

test('pills counted out "to make it all stop" is self-harm; a belly hard as a board is an emergency; writing a will as a new parent is neither', () => {
  assert.ok(mention("I'm so tired. I've been counting out my husband's old pain pills, and I think forty would be enough to make it all stop.").intents.includes('self_harm'));
  assert.ok(mention("the day after my colonoscopy my belly is swelling up and it's hard as a board, fever of 102 and shaking").intents.includes('emergency'));
  assert.equal(mention("Wrote my will today. New dad, first truly grown-up thing I've done. Picked my sister as guardian.").urgent, false);
});

test('pain boring through to the back with vomiting is an emergency; laughing too hard, a conditional "kms", a CPR-class "if ever" and a history of self-harm are not urgent', () => {
  assert.ok(mention("a pain high in my stomach that goes straight through to my back, thrown up eight or nine times, can't keep even sips of water down").intents.includes('emergency'));
  assert.equal(mention("the therapy goat in a tiny sweater?? I literally can't breathe from laughing").urgent, false);
  assert.equal(mention('gonna kms if the Lot B gate arm jams on me one more time. third time this week').urgent, false);
  assert.equal(mention('Is the infant CPR class on the 14th still open? I want to know what to do if my baby is ever not breathing.').urgent, false);
  assert.equal(mention('Is there a support group for parents of teens with a history of self-harm? Our daughter is doing much better.').urgent, false);
});

test('black tarry stool is an emergency; an overdose-awareness vigil for a brother, hold music "one more time… kms" and an ice machine "having a seizure" are not', () => {
  assert.ok(mention('since the new anticoagulant my stool is black and sticky like tar, and today I nearly went down from the dizziness').intents.includes('emergency'));
  assert.equal(mention('Walking in the overdose awareness vigil tonight for my brother Danny. Wear purple if you can.').urgent, false);
  assert.equal(mention("if I have to sit through your hold music one more time I'm gonna kms 🙃 fix the phone tree pls").urgent, false);
  assert.equal(mention("The ice machine on 4 West sounds like it's having a seizure every ten minutes.").urgent, false);
});

test('a chest pain that "turned out to be" a strain last week, a past attempt told as recovery and "unalive the printer" are not urgent; the same words now are', () => {
  assert.equal(mention('ER visit for chest pain last week turned out to be reflux. Kind staff, quick answers.').urgent, false);
  assert.equal(mention('Two years ago I tried to kill myself. Today I ran my first 10k. Please keep talking to people.').urgent, false);
  assert.equal(mention("if the 3rd floor printer jams again I'm going to unalive that printer").urgent, false);
  assert.equal(mention('this commute is going to be the end of me').urgent, false);
  assert.equal(mention('I have chest pain right now and my left arm is numb').urgent, true);
  assert.equal(mention('I want to unalive myself tonight').urgent, true);
});

test('a reaction in an animal is no adverse event; the same reaction in the writer is', () => {
  assert.equal(mention('Our dog got a lump at the spot after his rabies vaccine, vet is not worried').intents.includes('adverse_event'), false);
  assert.ok(mention('I got a hard lump at the spot after my Shingrix vaccine and it hurts to lift my arm').intents.includes('adverse_event'));
});

test('a question about who 988 is for, "unalive whatever setting" and a vending machine "seizure" beside the MRI are not urgent nor adverse events', () => {
  const line = mention('Is the crisis line only for people thinking about suicide, or can I text it during a bad panic attack?');
  assert.equal(line.urgent, false);
  assert.equal(mention('someone please unalive whatever setting makes the app log me out every 5 minutes').urgent, false);
  assert.equal(mention('The soda machine by Radiology had a full-on seizure and ate my dollar. Who do I ask for a refund?').intents.includes('adverse_event'), false);
});

test('a farewell told through cancelled care or an insurance payout is self-harm; a calm switch of doctors, Spanish traffic and grief for someone lost to suicide are not', () => {
  assert.equal(mention("thanks for everything, 3 West. I've cancelled my appointments, I won't be needing any of it. look after each other").urgent, true);
  assert.equal(mention("does the life insurance still pay out if it's... you know. he can't know I asked").urgent, true);
  assert.equal(mention('At peace with my decision to move my care to the clinic closer to home. Thanks, Dr. Ibe!').urgent, false);
  assert.equal(mention('ya no aguanto más la fila del estacionamiento, ¿hay otra entrada?').urgent, false);
  assert.equal(mention('Running the memorial 5K for my cousin, who we lost to suicide in 2019. Join our team!').urgent, false);
});

test('chest pain that "was reflux in the end" is no emergency, unless the writer sets now against then; a pet emergency goes to a vet', () => {
  assert.equal(mention('my dad had chest pain Saturday night and waited 4 hours in your ER. It was reflux in the end.').urgent, false);
  assert.equal(mention('I have crushing chest pain. It was reflux last time but this is different').urgent, true);
  assert.equal(mention('our cat is having a seizure rn, is there an emergency vet open in Millbrook tonight??').urgent, false);
  assert.equal(mention('our dog bit the neighbour kid and his arm is gushing, we pressed a towel on it').urgent, true);
});

test('a swallowed coin battery, saved-up pills with letters written, and a self-directed "figure it out on my own" are urgent', () => {
  assert.equal(mention('my 2yo swallowed a coin battery from the TV remote 20 min ago, he seems totally fine, wait for morning?').urgent, true);
  assert.equal(mention("I stopped the pills they gave me and I've been saving them up instead. My notes to my kids are written.").urgent, true);
  assert.equal(mention("I'm not terminal, I'm just done. If the law won't help me I'll handle it myself.").urgent, true);
});

test('"career suicide", "not gonna make it through … without coffee", an unresponsive app, a drill and a pod poison control called harmless are not urgent', () => {
  assert.equal(mention('Skipping the holiday potluck would be career suicide in this unit lol').urgent, false);
  assert.equal(mention("Won't make it through this night shift without the vending machine mochas. Restock please!").urgent, false);
  assert.equal(mention('The check-in kiosk in the lobby has been unresponsive all morning.').urgent, false);
  assert.ok(!triageMessage('Some emergency alarm went off in the parking garage around noon. Just a drill, right?').intents.includes('emergency'));
  assert.equal(mention('My toddler chewed a laundry pod but it did not burst. Poison control said he is fine, just watch him.').urgent, false);
});

test('harm after acupuncture or a plasma donation is an adverse event; a drug that is not working is not', () => {
  assert.ok(mention('Had acupuncture on my shoulder this morning and now there is a sharp pain when I breathe in').intents.includes('adverse_event'));
  assert.ok(mention('Since I donated plasma on Monday my arm has a burning pain down to my fingers').intents.includes('adverse_event'));
  assert.equal(mention('Two months on escitalopram and it just is not working, I feel no different. Should I ask to switch?').intents.includes('adverse_event'), false);
});

test('a call that "took 47 minutes", an awning that collapsed with nobody hurt, "can\'t breathe 😂", a kid "passed out" asleep and recovery milestones are not urgent; a goodbye among complaints is', () => {
  assert.equal(mention('The pre-op call took 47 minutes on hold. Truly the highlight of my week.').urgent, false);
  assert.equal(mention('The awning over the bus stop collapsed in the wind. Nobody hurt, it is roped off.').urgent, false);
  assert.equal(mention('the gift shop sells a mug that says "I survived 4 West" I cant breathe 😂😂').urgent, false);
  assert.equal(mention('He passed out in the stroller on the way home from his shots, snoring like a trucker.').urgent, false);
  assert.equal(triageMessage('8 years since my overdose this week. Sober, married, and grateful to the ER staff.').urgent, false);
  assert.equal(triageMessage('Two years free from self-harm today and I wanted to say thank you to the teen clinic.').urgent, false);
  assert.equal(triageMessage('if the parking machine eats my ticket one more time I swear kms').urgent, false);
  assert.equal(mention('I have given my books away and paid what I owe. By the time your next letter comes I won\'t be around to read it.').urgent, true);
  assert.equal(mention('I took 40 of my pills an hour ago').urgent, true);
});

test('lips puffing up on a new antibiotic is an adverse event though the antihistamine "is not helping"; a bowel-prep-free insulin pump failure and a numb arm after a blood drive are too; feeling "exactly the same" on a drug is not', () => {
  assert.ok(mention('started bactrim yesterday and now my lips are puffing up, took a benadryl and it is not helping').intents.includes('adverse_event'));
  assert.ok(mention('my omnipod failed overnight and my sugar was in the 400s by breakfast').intents.includes('adverse_event'));
  assert.ok(mention('My hand has been tingling since I donated at the church blood drive on Sunday').intents.includes('adverse_event'));
  assert.equal(mention('Six weeks on lexapro and I feel exactly the same. Worth raising the dose?').intents.includes('adverse_event'), false);
});

test('"The shot they gave me" is no shooting, night sweats "through the sheets" and a stuffy nose are no emergency, "what to do when a baby is choking" asked for a class is education; an LVAD alarm with confusion is an adverse event of the pump', () => {
  assert.equal(mention('The shot they gave me for my knee made my cheeks flush for two days').urgent, false);
  assert.equal(mention('This new pill has me sweating through the sheets every night. Normal?').urgent, false);
  assert.equal(triageMessage('I can\'t breathe through my nose at all since the cold started').urgent, false);
  assert.equal(mention('Does the infant CPR class cover what to do when a baby is choking? Want to be ready in case he ever needs it').urgent, false);
  assert.equal(mention('he\'s been shot in the leg outside the store').urgent, true);
  const lvad = mention("mom's LVAD is alarming low flow and she's grey and confused, we're driving in");
  assert.ok(lvad.urgent && lvad.intents.includes('adverse_event'));
  assert.equal(mention('Got pregnant with my Nexplanon still in. How does that happen?').intents.includes('adverse_event'), false);
});

test('a 10-month-old is no awareness month, rigors are acute, a DNR "so nobody brings me back" is self-harm; ending it with a gym and a mock code on a mannequin are not; pills taken to die are no adverse event', () => {
  assert.equal(triageMessage("on hold 35 min while my 10 month old's ribs suck in with every breath and he's grunting").urgent, true);
  assert.equal(triageMessage('had a cortisone shot yesterday and now the knee is hot and I am shaking with chills, 102.8').urgent, true);
  assert.equal(triageMessage("I'm healthy and 34. How do I get a DNR so that nobody brings me back next time?").urgent, true);
  assert.equal(triageMessage('Finally going to end it with my gym membership and walk the trail instead').urgent, false);
  assert.equal(triageMessage('We ran a mock code with a collapsed mannequin in the supply closet. Chaos, the good kind').urgent, false);
  const pills = triageMessage('took the whole bottle of my sleeping pills 20 min ago because i am done. now my lips are going numb');
  assert.ok(pills.urgent && !pills.intents.includes('adverse_event'));
  assert.ok(mention("my mom's new spinal cord stimulator keeps zapping her and won't switch off").intents.includes('adverse_event'));
});

test('"what do early seizures look like", a TV episode, a past attempt "at 19", a kiosk "seizure" and a long nap are not urgent; a bolus app and a named vaccine heard of are products', () => {
  assert.equal(triageMessage('What do early seizures look like in toddlers? My nephew has epilepsy and I babysit soon').urgent, false);
  assert.equal(triageMessage("That episode where the chief surgeon overdoses in the on-call room... why would the writers do that").urgent, false);
  assert.equal(triageMessage('At 19 I tried to kill myself. Tonight, at 24, I graduated as a peer support specialist.').urgent, false);
  assert.equal(triageMessage('The pay kiosk in Lot B is having a full-on seizure, screen flashing and beeping').urgent, false);
  assert.equal(triageMessage('passed out on the couch for 4 hours after my first post-op PT session, best nap of my life').urgent, false);
  assert.ok(triageMessage('The bolus app told me to take 14 units for soup and now I am shaking and my meter says 41').intents.includes('adverse_event'));
  assert.ok(triageMessage('People at the VFW swear Prevnar wiped them out for days after they got it').intents.includes('adverse_event'));
});

test('a game controller "unresponsive", wheezing at a comeback 😂, "don\'t want to OD" in a dose question, a cleared exposure and traffic that "makes me want to kill myself" are not urgent; delirium seen as bugs that aren\'t there is', () => {
  assert.equal(triageMessage('bro I lost 9 rounds in a row, my controller is unresponsive from all the sweat').urgent, false);
  assert.equal(triageMessage("I'm wheezing at this 9th inning comeback 😂😂").urgent, false);
  assert.equal(triageMessage('how much acetaminophen can I take in a day for a toothache? dont want to OD on it by mistake').urgent, false);
  assert.equal(triageMessage('she chewed a laundry pod, poison control said wipe her mouth out and she will be fine, she is totally normal and playing').urgent, false);
  assert.equal(triageMessage('The wait at the pharmacy drive-thru makes me want to kill myself lol. Can you add a window?').urgent, false);
  assert.equal(triageMessage('took Benadryl at 10pm and my legs won\'t stop moving, anyone else get that?').urgent, false);
  assert.equal(triageMessage('Grandpa started a new antibiotic Monday and tonight he keeps seeing spiders on the ceiling that aren\'t there and doesn\'t know us').urgent, true);
  assert.equal(triageMessage('am I hallucinating or did parking go up to $14?').urgent, false);
});

test('an allergy on the chart "since I was a kid", "drug seeking" and shaking with joy at good news after surgery are not adverse events', () => {
  assert.equal(triageMessage('Do you test for amoxicillin allergy? My chart says allergic since I was little and nobody knows why').intents.includes('adverse_event'), false);
  assert.equal(triageMessage('5 years sober and your urgent care still treats me as drug seeking every time I have a migraine').intents.includes('adverse_event'), false);
  assert.equal(triageMessage("I'm shaking and I can't stop crying, Dad is out of surgery and the tumor is gone!!").intents.includes('adverse_event'), false);
  assert.ok(triageMessage('Since starting lisinopril I have had a dry cough that keeps me up at night').intents.includes('adverse_event'));
});

test('"false alarm", calling 911 on a coworker, "explain what anaphylaxis means", a boss fight "kms 💀", "end it all. (I\'m not", and an attempt dated "the winter of my sophomore year" are not urgent; stockpiling her pain meds is', () => {
  assert.equal(triageMessage("False alarm! The 'hives' on his arm were marker from art class. No swelling at all").urgent, false);
  assert.equal(triageMessage("If my roommate eats my leftovers one more time I'm calling 911 on her").urgent, false);
  assert.equal(triageMessage('Can someone explain what a seizure aura actually means? My neurologist mentioned it').urgent, false);
  assert.equal(triageMessage('lost to the raid boss 30 times tonight kms 💀').urgent, false);
  assert.equal(triageMessage("The parking meter ate my card. I'm going to end it all. (I'm not. Please fix the meter.)").urgent, false);
  assert.equal(triageMessage("I'm going to end it all. (I'm not kidding.)").urgent, true);
  assert.equal(triageMessage('I tried to kill myself the spring of my junior year. Today I started nursing school.').urgent, false);
  assert.equal(triageMessage("my brother has been stockpiling his sleeping pills and gave away his guitar").urgent, true);
});

test('missed dialysis, a myth pushed with hearsay, "as blocked as before" and an appetite "wiped out" by Wegovy are not adverse events; "the booster gave me a rash" beside a myth still is', () => {
  assert.equal(triageMessage("Dad missed two dialysis sessions in the storm and now his legs are weak and tingling").intents.includes('adverse_event'), false);
  const myth = triageMessage('Why does nobody admit the flu shot gives people the flu? Everyone at work got sick right after');
  assert.ok(myth.intents.includes('misinformation') && !myth.intents.includes('adverse_event'));
  assert.ok(triageMessage('the covid booster gave me a rash all over and everyone knows vaccines cause autism').intents.includes('adverse_event'));
  assert.equal(triageMessage('Took 2 Sudafed and my nose is exactly as stuffy as before').intents.includes('adverse_event'), false);
  assert.equal(triageMessage('Wegovy wiped out my appetite, is that normal?').intents.includes('adverse_event'), false);
});

test('dementia wandering out in the cold, pre-eclampsia signs late in a long message about a pregnancy and a plan "for the anniversary" after losing one\'s unit are urgent; joy, a flatlined wifi, a bill that makes one "collapse 🙃", a stable admitted father, "goodbye forever to my appendix" are not', () => {
  assert.equal(triageMessage("Grandpa has dementia and wandered off from the house around 2am, it's 15 degrees out and he's in pajamas").urgent, true);
  assert.equal(triageMessage("She's 35 weeks pregnant. Anyway, about parking for the tour next week, is Lot C open? Also she has a bad headache and says she's seeing sparkly zigzag lights").urgent, true);
  assert.equal(triageMessage("4 years tomorrow since I lost my squad. I have it all planned out for the anniversary. thanks for always being decent to me").urgent, true);
  assert.equal(triageMessage('my heart is pounding and my hands are shaking, SHE SAID YES!!!').urgent, false);
  assert.equal(triageMessage('the lobby printer is on life support. not breathing. flatlined.').urgent, false);
  assert.equal(triageMessage("$1,900 for three stitches?? somebody call an ambulance, I'm collapsing 🙃").urgent, false);
  assert.equal(triageMessage("Mom had a heart attack last night. She's stable now in the cardiac unit. Where do I park overnight?").urgent, false);
  assert.equal(triageMessage('goodbye forever to my gallbladder 👋 thanks to the surgery team').urgent, false);
  assert.equal(triageMessage('Sat in your ER with chest pain for 6 hours last week. Ended up being a pulled muscle. Six hours.').urgent, false);
});

test('a TV surgeon\'s reaction is no adverse event; a CBD tincture that made me dizzy is; Tylenol that "hasn\'t touched" a headache is no harm', () => {
  assert.equal(triageMessage("that episode where the surgeon has an allergic reaction mid-operation, my mom was yelling at the TV").intents.includes('adverse_event'), false);
  assert.ok(triageMessage('The CBD tincture my doctor suggested for nausea made me so dizzy I could not stand up').intents.includes('adverse_event'));
  assert.equal(triageMessage("my headache is pounding and tylenol hasn't touched it").intents.includes('adverse_event'), false);
});

test('the signs of pre-eclampsia taught across sentences are not an emergency', () => {
  assert.equal(triageMessage('Pregnant? Learn the warning signs. Seeing flashing lights or a swollen face can mean pre-eclampsia.').urgent, false);
});

test('a button battery swallowed, told in Spanish, is urgent; tests that came back normal and an elevator that has one "about to kms" are not', () => {
  assert.equal(triageMessage('mi hija se tragó una pila redonda del control, she seems fine pero vamos?').urgent, true);
  assert.equal(triageMessage('Had chest pain Tuesday, went to urgent care, EKG and labs came back normal, just a strained muscle. Thank you!').urgent, false);
  assert.equal(triageMessage("garage elevator is broken AGAIN and i'm about to kms, 4 flights with a stroller").urgent, false);
});

test('a safety needle that did not retract, psilocybin taken as medicine, and a paradoxical Benadryl reaction are adverse events; "not even a sore arm" is none', () => {
  assert.ok(triageMessage("The safety needles didn't retract and I got stuck with a used one, now the PEP is wrecking my stomach").intents.includes('adverse_event'));
  assert.ok(triageMessage('Since my psilocybin session for depression I get visual trails every evening').intents.includes('adverse_event'));
  assert.ok(triageMessage('my roommate took Benadryl to sleep and he was bouncing off the walls for hours, is that a thing?').intents.includes('adverse_event'));
  assert.equal(triageMessage('Got my flu shot this morning, not even a sore arm!').intents.includes('adverse_event'), false);
});

test('driving with eyes shut "if it happens it happens" and a farewell to next year\'s run are self-harm; a goodbye letter to the night shift, "die of old age" on hold, "kms, the portal logged me out", legs that can\'t be felt after spin, a blocked nostril and a cleared soap lick are not', () => {
  assert.equal(triageMessage("I've been driving home after nights with my eyes shut on the long straight bits. If it happens it happens.").urgent, true);
  assert.equal(triageMessage("love that you host this walk every year. I won't be at next year's. thank you to everyone who tried with me").urgent, true);
  assert.equal(triageMessage("I won't be at next year's gala because we're moving to Denver, but good luck!").urgent, false);
  assert.equal(triageMessage('Wrote my goodbye letter to the night shift today. Retiring after 28 years!').urgent, false);
  assert.equal(triageMessage("this hold music is so bad i'm going to die of old age before anyone picks up").urgent, false);
  assert.equal(triageMessage('kms, the portal logged me out halfway through my message').urgent, false);
  assert.equal(triageMessage("that spin instructor is brutal, can't feel my legs lol").urgent, false);
  assert.equal(triageMessage("sinus infection, can't breathe out of either nostril. walk-ins today?").urgent, false);
  assert.equal(triageMessage('Poison control said the little lick of dish soap my daughter got is harmless, she is fine').urgent, false);
});

test('a shunt "acting up" is a device event; a side effect read about in the news is not; "as stuffed up as day one" is lack of effect', () => {
  assert.ok(triageMessage("My son's shunt is acting up, vomiting since 5am and so hard to wake").intents.includes('adverse_event'));
  assert.equal(triageMessage('Saw a news story saying Ozempic can make people lose their eyesight. I just started it, is that real?').intents.includes('adverse_event'), false);
  assert.equal(triageMessage("Two weeks of Flonase and I'm exactly as stuffed up as day one").intents.includes('adverse_event'), false);
});

test('a will to cook that "collapsed", "ready to end it all (the wait, I mean)", shaking when the tumor is gone and hives gone by morning are not urgent; colored contacts are a product', () => {
  assert.equal(triageMessage('My will to cook has totally collapsed tonight. Is the cafeteria open late?').urgent, false);
  assert.equal(triageMessage("the line at the pharmacy is so long I'm ready to end it all (the wait, I mean)").urgent, false);
  assert.equal(triageMessage("My hands won't stop shaking. They just told us the tumor is gone!").urgent, false);
  assert.equal(triageMessage('My son broke out in hives all over after the new antibiotic. Gone by morning but yikes').urgent, false);
  assert.ok(triageMessage('Wore colored contacts from the costume shop and now my eye is red and swollen, do I need to be seen?').intents.includes('adverse_event'));
});

test('a kiosk that is "unresponsive", "not breathing a word", blood from a stone, an OD on cookies, a toy-phone 911 call, a stated absence of thoughts of self-harm and "6 weeks ago … zero pain" are not urgent; the same words in earnest are', () => {
  assert.equal(triageMessage('The check-in terminal on level 2 is unresponsive again, had to queue at the desk').urgent, false);
  assert.equal(triageMessage("We're not breathing a word about the baby shower for Dr. Ames, keep it quiet!").urgent, false);
  assert.equal(triageMessage('Getting a refund from your pharmacy is like getting blood out of a turnip').urgent, false);
  assert.equal(triageMessage("the cafeteria's snickerdoodles are back, I'm going to OD on cookies this week").urgent, false);
  assert.equal(triageMessage('my 3yo called 911 on her play phone because the dog took her sock').urgent, false);
  assert.equal(triageMessage("Three weeks postpartum and crying every day. I'm not having any thoughts of harming myself or the baby, just exhausted. Is that normal?").urgent, false);
  assert.equal(triageMessage('Hip replacement 8 weeks ago and today I hiked a mile with zero pain. Thank you!').urgent, false);
  assert.equal(triageMessage('My grandpa is not breathing and his lips are blue').urgent, true);
  assert.equal(triageMessage("no thoughts of hurting myself, I just don't want to wake up tomorrow").urgent, true);
  assert.equal(triageMessage("I'm 34 weeks and have a pounding headache and swelling in my face").urgent, true);
});

test('a question about how fast a reaction comes on is education; needing help "when" it happens is no call for help now', () => {
  assert.equal(triageMessage('Scout leader here: how quickly does anaphylaxis typically set in after a peanut exposure, and how long before we need more help after the EpiPen?').urgent, false);
  assert.equal(triageMessage('How fast does anaphylaxis come on? my son just ate a cashew and his lips are swelling, help').urgent, true);
});

test('a product that "does nothing" for what it was taken for is no adverse event; a harm in another sentence still is', () => {
  assert.equal(triageMessage('This naproxen does absolutely nothing for my back anymore. What else can I try?').intents.includes('adverse_event'), false);
  assert.equal(triageMessage("Advil hasn't touched this migraine at all, third day now").intents.includes('adverse_event'), false);
  assert.ok(triageMessage("Zoloft isn't helping my mood. Since I started it I've had tremors in both hands.").intents.includes('adverse_event'));
});

test('a pet\'s seizure, "kms" before a raid boss, a past attempt told years on, and weather that "makes me want to die" are not urgent; a person in the same sentence still is', () => {
  assert.equal(triageMessage('Our beagle had a seizure last night and freaked the heck out of us. The vet has him on meds now.').urgent, false);
  assert.equal(triageMessage("My dog jumped on grandma and now she can't breathe").urgent, true);
  assert.equal(triageMessage('kms this raid boss one-shots us every single time').urgent, false);
  assert.equal(triageMessage('Six years ago I was admitted to your hospital after I tried to kill myself. Today I got married. Thank you.').urgent, false);
  assert.equal(triageMessage('this humidity makes me want to die, is the garage elevator fixed yet').urgent, false);
});

test('a standing allergy stated, a monitor beeping with no symptoms at all are no adverse event; a pump fault with a sugar that climbed, an oxygen concentrator failing, an allergy given anyway are', () => {
  assert.equal(triageMessage("I'm allergic to penicillin. Should I bring that up at my pre-op visit?").intents.includes('adverse_event'), false);
  assert.equal(triageMessage('His pacemaker monitor was beeping overnight but he has no symptoms at all. Call in the morning?').intents.includes('adverse_event'), false);
  assert.ok(triageMessage('My insulin pump kept giving occlusion alarms and my sugar shot up to 380 overnight').intents.includes('adverse_event'));
  assert.ok(triageMessage("I'm allergic to sulfa and they gave it to me anyway, now I have hives everywhere").intents.includes('adverse_event'));
});

test('"I\'m not suicidal", a sunset from the top level of a garage, lyrics in quotes, a husband home now, a scare that was costochondritis and a child fine this morning are not urgent; goodbye letters written for the kids are', () => {
  assert.equal(triageMessage("Is this intrusive thoughts? I'm not suicidal at all, I just keep picturing it and hate it. Does behavioral health see people for that?").intents.includes('self_harm'), false);
  assert.equal(triageMessage('Caught the sunrise from the top floor of the parking structure before my shift. Gorgeous.').urgent, false);
  assert.equal(triageMessage('the guy next to me in the waiting room keeps singing "I\'m dying inside without you" and honestly what a song').urgent, false);
  assert.equal(triageMessage("Last month my dad had a heart attack in your lobby and your team saved him. He's home now and grumpy about salt.").urgent, false);
  assert.equal(triageMessage('Update: the chest pain turned out to be costochondritis. Thanks urgent care!').urgent, false);
  assert.equal(triageMessage("I've written letters for my kids and they're in the drawer. I won't be needing my appointment next week.").urgent, true);
});

test('studying for a pharmacology exam is no adverse event; the Spanish autism myth and "the flu shot is what gives people the flu" are misinformation', () => {
  assert.equal(triageMessage('Studying for my pharm exam: how does an acetaminophen overdose damage the liver?').intents.includes('adverse_event'), false);
  assert.ok(triageMessage('Las vacunas del sarampión causan autismo, no vacunen a sus hijos').intents.includes('misinformation'));
  assert.ok(triageMessage('The flu shot is what actually gives people the flu, everyone knows it').intents.includes('misinformation'));
});

test('swallowed coin batteries and magnets are red flags (they never matched while a backspace stood for \\b); one magnet alone, "so done … done with midterms", doors "having a seizure", a past attempt "the year I turned 20" and a pod poison control cleared are not', () => {
  assert.equal(triageMessage('my daughter swallowed a lithium coin battery from the key fob').urgent, true);
  assert.equal(triageMessage('he swallowed three of the little magnets from his sister\'s kit').urgent, true);
  assert.equal(triageMessage('My son swallowed one of the fridge magnets, just the one, no other metal. Do we need an x-ray?').urgent, false);
  assert.equal(triageMessage("I'm so done. Done with finals, done with the parking garage, done with this weather.").urgent, false);
  assert.equal(triageMessage("I'm so done. Done with everything, done with life.").urgent, true);
  assert.equal(triageMessage('the sliding doors in the ER lobby are having a seizure again, open close open close').urgent, false);
  assert.equal(triageMessage('The year I turned 17, I tried to kill myself. Today I graduated nursing school.').urgent, false);
  assert.equal(triageMessage("My toddler licked a laundry pod, poison control walked us through it and said she'd be fine. 3 hours on she's totally normal.").urgent, false);
});

test('pills taken because "I just want it all to end" are self-harm and no adverse event; Viagra named in a crisis is no spam; staff training and expected side effects are no event; "he was just asleep" and "completely himself since" settle the scare', () => {
  const pills = triageMessage("swallowed the rest of my mom's pills an hour ago because I just want it all to end. feel so heavy now");
  assert.deepEqual([pills.intents.includes('self_harm'), pills.intents.includes('adverse_event')], [true, false]);
  assert.equal(triageMessage('He took a Viagra at dinner and then his nitro tablet, now he is pale and sweaty and the cuff reads 70/40').intents.includes('spam'), false);
  assert.ok(triageMessage('Cheap Viagra online, no prescription needed').intents.includes('spam'));
  const training = triageMessage('Do your ER nurses get annual training on anaphylaxis from contrast dye?');
  assert.deepEqual([training.urgent, training.intents.includes('adverse_event')], [false, false]);
  assert.equal(triageMessage('What side effects should we expect from amoxicillin? My son starts it tomorrow.').intents.includes('adverse_event'), false);
  assert.equal(triageMessage("Grandpa was slumped in his recliner and wouldn't answer me. He was just asleep with his hearing aids out.").urgent, false);
  assert.equal(triageMessage("Grandpa is slumped in his recliner and won't answer me").urgent, true);
  assert.equal(triageMessage('My 2 yo went under in the bath for a second last night, coughed once, and has been completely himself since. Anything to watch for?').urgent, false);
});

test('a relative with dementia gone from home is urgent; new staff asking for advice, "one more time … unalive myself lol" about a machine, a scare that was marker and "can\'t breathe … 😂" are not; supplies given away for no use "after this week" and pills taken so as not to wake up are self-harm, not an adverse event', () => {
  assert.equal(triageMessage('My grandma has dementia and took off in her car around noon, it is freezing out and she has no coat').urgent, true);
  assert.equal(triageMessage('Last spring my dad with dementia wandered off. Thankfully he\'s home now. Does your memory clinic run caregiver classes?').urgent, false);
  assert.equal(triageMessage('New nursing assistant here. Any advice for the first time I find a patient unresponsive on my rounds?').urgent, false);
  assert.equal(triageMessage('if the parking kiosk rejects my card one more time I am going to unalive myself lol').urgent, false);
  assert.equal(triageMessage('False alarm everyone, the bruise on her leg was blue marker from art class').urgent, false);
  assert.equal(triageMessage('the respiratory therapist did a duck impression and I still can\'t breathe 😂').urgent, false);
  const giveaway = triageMessage("free to a good home: my CPAP and all the supplies, I won't have any use for them after this weekend");
  assert.equal(giveaway.intents.includes('self_harm'), true);
  const pills = triageMessage('My brother took like 30 of his sleeping pills because he "didn\'t want to wake up" and now he is really hard to rouse');
  assert.deepEqual([pills.urgent, pills.intents.includes('self_harm'), pills.intents.includes('adverse_event')], [true, true, false]);
});

test('the height of the wall on a garage\'s top deck asked about is self-harm; a side effect asked about before the shot, a drug that "felt like nothing" and a fluoride myth are no adverse event; a rash after phototherapy is one with its product', () => {
  assert.equal(triageMessage('quick one, is the top deck of the Elm St parking garage unlocked at night? also is the railing up there only chest high').intents.includes('self_harm'), true);
  assert.equal(triageMessage('Do people get a sore arm after the shingles vaccine? I haven\'t gotten it yet, booked for Friday').intents.includes('adverse_event'), false);
  assert.equal(triageMessage('Does the flu shot give everyone a sore arm? My mom got hers Tuesday and now she has a sore arm and chills').intents.includes('adverse_event'), true);
  assert.equal(triageMessage('Second week on the new ADHD pill and I feel nothing so far. Should I ask for a higher dose?').intents.includes('adverse_event'), false);
  const myth = triageMessage('Fluoride lowers kids\' IQ and rots the brain. Refuse it at the dentist.');
  assert.deepEqual([myth.intents.includes('misinformation'), myth.intents.includes('adverse_event')], [true, false]);
  const bili = triageMessage('My daughter had phototherapy for jaundice and now her skin is peeling and she has a rash on her back');
  assert.deepEqual([bili.intents.includes('adverse_event'), bili.adverseEvent?.product], [true, true]);
});

test('sight getting worse by the hour is an emergency; passing out asleep after a shift and bleeding out every round of a game are not; a failed exam is no device failure; a hernia repair is a product', () => {
  assert.equal(triageMessage('Cataract surgery Monday and since this morning the vision in that eye is getting darker by the hour, it aches too').urgent, true);
  assert.equal(triageMessage('passed out on the couch after my first double on 3 West, slept 11 hours, worth it').urgent, false);
  assert.equal(triageMessage('our healer keeps bleeding out twice a round in ranked, send medics lol').urgent, false);
  const finals = triageMessage('failed three exams this week and my anxiety meds are the only thing getting me through');
  assert.equal(finals.intents.includes('adverse_event'), false);
  const hernia = triageMessage('Had my hernia repair last week and now I have a hard, hot lump at the incision and a fever');
  assert.deepEqual([hernia.intents.includes('adverse_event'), hernia.adverseEvent?.product], [true, true]);
});

test('a product said not to work, taken for a harm told before it, is no adverse event; harm told after it may be the product\'s', () => {
  assert.equal(triageMessage('My back has been in spasms since Sunday and I can barely stand. Took three ibuprofen, nothing.').intents.includes('adverse_event'), false);
  assert.equal(triageMessage('Lexapro does nothing for my anxiety. But since starting it I get dizzy every afternoon.').intents.includes('adverse_event'), true);
});

test('pauses in a baby\'s breathing and a hand gone white and numb within the hour are emergencies; worrying about overdosing a liver and "again I\'ll end it all lol" about a machine are not urgent', () => {
  assert.equal(triageMessage('our 6 week old has these pauses in her breathing tonight, like 15 seconds, and looks dusky around the lips').urgent, true);
  assert.equal(triageMessage('Had the cath through my groin this morning and my left foot has gone pale and cold over the last hour').urgent, true);
  assert.equal(triageMessage('My fingers turn white in the cold every winter, is that Raynaud\'s?').urgent, false);
  assert.equal(triageMessage('How much ibuprofen is too much? My mom takes it daily and I\'m scared of overdosing her kidneys by accident.').urgent, false);
  assert.equal(triageMessage('if the pharmacy app logs me out again i\'m gonna end it all lmao').urgent, false);
});

test('a swollen, hot calf and breathlessness told in two sentences are an emergency; dying of embarrassment in Spanish and "kms" over a refund are not urgent', () => {
  assert.equal(triageMessage('Flew home from my sister\'s wedding on Sunday. My right calf got puffy and warm yesterday. Today I get out of breath just climbing the stairs.').urgent, true);
  assert.equal(triageMessage('My calf is sore from leg day. I got winded on the stairs too, need more cardio lol').urgent, false);
  assert.equal(triageMessage('casi me muero de risa when the nurse told that joke 😂').urgent, false);
  assert.equal(triageMessage('me voy a morir de vergüenza, I called my surgeon mom by accident').urgent, false);
  assert.equal(triageMessage('the vending machine took my last $5 again. gonna kms. where do i ask for a refund').urgent, false);
  assert.equal(triageMessage('ya no puedo más, me quiero morir').urgent, true);
});

test('a swollen calf is a leg, not an animal; drugs by common brand and generic names are products', () => {
  const clot = triageMessage('Two weeks after my hip replacement my left calf is swollen, red and hot and I get winded on the stairs');
  assert.deepEqual([clot.urgent, clot.intents.includes('adverse_event')], [true, true]);
  const rash = triageMessage('Started Omnicef for my ear infection on Monday and now I have itchy hives all over my back');
  assert.equal(rash.adverseEvent?.product, true);
  assert.equal(triageMessage('Since my Prolia shot last month my jaw is swollen and a sore on my gum will not heal').intents.includes('adverse_event'), true);
  assert.equal(triageMessage('Our calf got a swollen neck after her vaccine, the vet is coming tomorrow').intents.includes('adverse_event'), false);
});

test('a fever in sickle cell disease is an emergency; keeping guns from oneself is self-harm; a frozen kiosk, pretend play and a nap in a chair are not urgent', () => {
  assert.equal(triageMessage('our daughter has sickle cell and she is running a temp of 101 tonight').urgent, true);
  assert.equal(triageMessage('Is there a sickle cell support group that meets on weekends?').urgent, false);
  assert.equal(triageMessage('can i put myself on the do not sell list for firearms? my head is not a good place right now').intents.includes('self_harm'), true);
  assert.equal(triageMessage("I don't trust myself around my rifle lately, can someone hold it for me").intents.includes('self_harm'), true);
  assert.equal(triageMessage('The check-in kiosk on 2 is stuck and will not wake up, had to wait at the desk').urgent, false);
  assert.equal(triageMessage('my son is playing doctor and told his stuffed dog he needs an ambulance for a splinter 😂').urgent, false);
  assert.equal(triageMessage('passed out in the waiting room chair at 2am and my own snoring woke me up lol').urgent, false);
});

test('an organ taken out and sedation are procedures; a -alol beta blocker is a named drug', () => {
  assert.equal(triageMessage('Had my appendix out on Friday and now the incision is red, swollen and leaking pus').adverseEvent?.product, true);
  assert.equal(triageMessage('Since starting labetalol my ankles are swollen and I feel dizzy every morning').adverseEvent?.product, true);
});

test('joint pain or tingling after a dive is an emergency; a goodbye that hands over the pets is self-harm; a tablet "seizure", a self-harm awareness class, a harpist\'s lyric, a scare that was shingles and an embarrassed "kms" are not urgent', () => {
  assert.equal(triageMessage('Finished three wreck dives yesterday afternoon. This morning my elbows are aching and my left hand is numb.').urgent, true);
  assert.equal(triageMessage('Anyone know a good dive shop near the hospital? My knees ache from the drive lol').urgent, false);
  assert.equal(triageMessage('Last message from my roommate: thanks everyone for putting up with me, feed my cat. She is not answering.').intents.includes('self_harm'), true);
  assert.equal(triageMessage('Thanks for putting up with me during my stay, the nurses were amazing').intents.includes('self_harm'), false);
  assert.equal(triageMessage('my kid\'s ipad literally had a stroke during her video visit, can we redo it?').urgent, false);
  assert.equal(triageMessage('Loved the self-harm prevention workshop your team gave our teachers.').urgent, false);
  assert.equal(triageMessage('The pianist in the lobby played "you take my breath away, I can\'t breathe without you" and I cried.').urgent, false);
  assert.equal(triageMessage('Last month I thought the chest pain was a heart attack. It turned out to be acid reflux, the ER staff were kind.').urgent, false);
  assert.equal(triageMessage('kms i just waved back at someone who was waving at the person behind me at the clinic').urgent, false);
  assert.equal(triageMessage('kms I just said goodbye to everyone, I am done').urgent, true);
});

test('a fall and "can\'t get up" stays an emergency, weak legs on the stairs do not; a scare a doctor called a pulled muscle, calm labour at term, asking whether an accidental overdose is easy and picking "not trying to hurt myself" are not urgent', () => {
  assert.equal(triageMessage('Grandpa slipped in the kitchen and can\'t get up, he says his hip hurts').urgent, true);
  assert.equal(triageMessage('my knees are so stiff lately I can\'t get up the steps to our apartment without the railing').urgent, false);
  assert.equal(triageMessage('I was sure it was my heart on Sunday, the ER doctor told me it was reflux. Thanks for the kindness!').urgent, false);
  assert.equal(triageMessage('41 weeks tomorrow and contractions started this afternoon, 8 minutes apart. Baby\'s moving and I feel fine, just excited').urgent, false);
  assert.equal(triageMessage('37 weeks and contractions with bright red gushing and I feel faint').urgent, true);
  assert.equal(triageMessage('is it hard to OD on ibuprofen if you take it with a cold medicine? want to get the timing right').urgent, false);
  assert.equal(triageMessage('I pull out my eyelashes when I am stressed. I\'m not meaning to hurt myself, can a therapist help with that?').urgent, false);
});

test('a last goodbye to an organ, "end it all and sell the car", a letter to a younger self who cut, days without self-harm and a gatekeeper course are not self-harm; a farewell to the family still is', () => {
  assert.equal(triageMessage('Last goodbye to my appendix this morning, the surgeons on 4 West were lovely').urgent, false);
  assert.equal(triageMessage('If the shuttle is late one more morning I will end it all and move to a cabin with no commute').urgent, false);
  assert.equal(triageMessage('Wrote a letter to my 15-year-old self, the girl who was cutting every night. She made it.').urgent, false);
  assert.equal(triageMessage('400 days without self-harm today and I wanted the clinic to know').urgent, false);
  assert.equal(triageMessage('Our QPR course taught us to ask people plainly whether they are thinking about suicide. Worth it.').urgent, false);
  assert.equal(triageMessage('Final goodbye to my family. I have the pills counted and I am ready').urgent, true);
});

test('a NICU baby coming home is not labour, a burning lubricant is not a fire, a course\'s "if someone… call 911 first?" and a PSA are not calls for help', () => {
  assert.equal(triageMessage('hands shaking, our preemie is coming home on Friday after 80 days!').urgent, false);
  assert.equal(triageMessage('the baby is coming, contractions 2 minutes apart and my water broke').urgent, true);
  assert.equal(triageMessage('tried a new warming gel and it felt like my skin was on fire for an hour').urgent, false);
  assert.equal(triageMessage('In my CPR class today: if someone is choking and goes limp, do you call 911 first or start compressions?').urgent, false);
  assert.equal(triageMessage('My dad is choking and went limp, do I call 911 first or start compressions?').urgent, true);
  assert.equal(triageMessage('PSA: a stroke doesn\'t always look like a drooping face, sometimes it is sudden dizziness. Pass it on.').urgent, false);
});

test('swelling after years on a drug is an adverse event; lube and kinesiology tape are products; a seizure disorder, seizure medicine and a fear of needles are not events', () => {
  const ae = (t: string) => triageMessage(t).intents.includes('adverse_event');
  assert.equal(ae('Six years on losartan with no problems, then this morning my lips are huge and my tongue feels thick'), true);
  assert.equal(ae('Used a new KY Jelly and now I am itchy and swollen down there'), true);
  assert.equal(ae('The kinesiology tape the PT put on my shoulder left a rash and blisters'), true);
  assert.equal(ae('I have had a seizure disorder for 20 years and your neuro clinic finally got my meds right'), false);
  assert.equal(ae('My son ate a cashew cookie, his lips are huge and he is wheezing, and he is scared of the needle'), false);
});
