import type { ResponsePlaybook } from './types.ts';
import { onCallContact, type OrgProfile } from './profile.ts';

/** What the team does with an urgent message: reply, private message, escalate, keep evidence. */
export function responsePlaybook(kind: 'emergency' | 'self_harm', profile: OrgProfile): ResponsePlaybook {
  const escalateTo = onCallContact(profile);
  const who = escalateTo ? escalateTo.name : 'the on-call manager';
  const common = [
    `Escalate now to ${who}${escalateTo?.phone ? ` (${escalateTo.phone})` : ''}; do not wait for business hours.`,
    'Keep evidence: do not delete or hide the message; record its link, author and time in the incident log.',
    'Reply publicly only with the template; move details to a private message; never repeat health details.',
  ];
  if (kind === 'self_harm') {
    return {
      kind,
      replyTemplate:
        "We're really glad you reached out. You're not alone. Please call or text 988 (Suicide & Crisis Lifeline) now, or call 911 if you are in immediate danger.",
      directMessageTemplate:
        "We care about you and want you to be safe. Please call or text 988 right now to talk with someone, any time, day or night. If you're in immediate danger, call 911.",
      escalateTo,
      steps: [...common, 'If a location or an imminent plan is stated, the on-call person contacts 911.'],
    };
  }
  return {
    kind,
    replyTemplate:
      'If this is a medical emergency, please call 911 or go to the nearest emergency department right away. We are sending you a private message.',
    directMessageTemplate:
      'Please call 911 now if someone has chest pain, trouble breathing, signs of a stroke, severe bleeding, an allergic reaction or an overdose. For poison emergencies call Poison Control at 1-800-222-1222.',
    escalateTo,
    steps: common,
  };
}
