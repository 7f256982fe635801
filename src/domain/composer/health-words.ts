/**
 * Words the hashtag check may split a run-together tag into (#hearthealth → Heart Health). Lowercase;
 * a plural with a trailing "s" is accepted for each. Small on purpose: a tag it cannot split gets no
 * suggestion rather than a wrong one.
 */
export const HEALTH_WORDS: readonly string[] = [
  // health and care
  'health', 'healthy', 'healthcare', 'care', 'wellness', 'wellbeing', 'well', 'being', 'medicine', 'medical', 'med',
  'hospital', 'clinic', 'patient', 'nurse', 'nursing', 'doctor', 'physician', 'surgeon', 'surgery', 'pharmacy',
  'pharmacist', 'therapy', 'therapist', 'staff', 'team', 'volunteer', 'caregiver', 'giver', 'midwife', 'paramedic',
  'hero', 'heroes', 'research', 'science', 'trial', 'student', 'resident', 'intern', 'worker', 'employee',
  // body and conditions
  'heart', 'brain', 'lung', 'kidney', 'liver', 'skin', 'bone', 'joint', 'eye', 'ear', 'blood', 'organ', 'body', 'mind',
  'mental', 'cancer', 'breast', 'prostate', 'colon', 'cervical', 'stroke', 'diabetes', 'asthma', 'allergy', 'flu',
  'covid', 'vaccine', 'vaccination', 'vaccinate', 'shot', 'immunization', 'screening', 'checkup', 'test', 'testing',
  'pain', 'injury', 'trauma', 'obesity', 'alzheimers', 'dementia', 'autism', 'addiction', 'opioid', 'suicide',
  'depression', 'anxiety', 'pressure', 'cholesterol', 'sugar', 'hearing', 'vision', 'dental', 'oral', 'sleep',
  'nutrition', 'fitness', 'exercise', 'diet', 'food', 'water', 'sun', 'safety', 'hygiene', 'hand', 'wash',
  // specialties and places
  'cardio', 'cardiology', 'oncology', 'pediatric', 'pediatrics', 'maternity', 'maternal', 'neonatal', 'emergency',
  'icu', 'nicu', 'ems', 'cpr', 'aed', 'rsv', 'er', 'rehab', 'hospice', 'palliative', 'primary', 'urgent', 'rural',
  'public', 'community', 'global', 'school', 'campus', 'center', 'unit', 'ward', 'lab',
  // people and life
  'baby', 'babies', 'child', 'children', 'kid', 'teen', 'mom', 'dad', 'mother', 'father', 'parent', 'family',
  'families', 'women', 'womens', 'men', 'mens', 'senior', 'veteran', 'birth', 'born', 'newborn', 'pregnancy',
  'breastfeeding', 'feeding', 'donor', 'donate', 'donation', 'survivor', 'life', 'lives', 'living', 'live',
  // campaigns
  'awareness', 'month', 'week', 'day', 'year', 'national', 'world', 'international', 'prevention', 'prevent',
  'early', 'detection', 'recovery', 'support', 'thank', 'thanks', 'you', 'appreciation', 'proud', 'pride', 'hope',
  'love', 'strong', 'together', 'save', 'saving', 'quit', 'stop', 'smoking', 'walk', 'run', 'race', 'cure', 'fight',
  'wear', 'red', 'pink', 'go', 'get', 'stay', 'home', 'safe', 'first', 'aid', 'new', 'free', 'check', 'up', 'now',
  'ask', 'know', 'your', 'our', 'my', 'the', 'of', 'and', 'for', 'in', 'to', 'is', 'we', 'all', 'one', 'matters',
];
