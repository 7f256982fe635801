/**
 * Generalisation figures for the statistical layer without touching the holdout: k-fold
 * cross-validation over train+dev (each fold's model, thresholds included, is trained on the other
 * folds only), and train→dev / dev→train. The engine's rules are shared by every fold; they were
 * written on dev, so folds holding dev messages flatter the rules a little.
 */
import { analyzeWithModel } from '../src/safety/analyze.ts';
import type { OrgProfile } from '../src/safety/index.ts';
import { prepareExamples, trainSafetyModel, foldOf, type TrainingExample } from '../src/safety/model/training.ts';
import type { LinearModel } from '../src/safety/model/index.ts';
import { scoreHealthcare, type HealthcareRecord, type HealthcareScores } from './healthcare.ts';

export const CV_FOLDS = 5;

export function crossValidate(records: HealthcareRecord[], profile: OrgProfile, folds = CV_FOLDS): HealthcareScores {
  const examples = prepareExamples(records, profile);
  const modelOf = new Map<string, LinearModel>();
  for (let k = 0; k < folds; k++) {
    const training = examples.filter((e) => foldOf(e.message.id, folds) !== k);
    const { model } = trainSafetyModel(reFolded(training));
    for (const e of examples) if (foldOf(e.message.id, folds) === k) modelOf.set(e.message.id, model);
  }
  return scoreHealthcare(records, profile, false, (r, p) => analyzeWithModel({ text: r.text, kind: r.kind }, p, modelOf.get(r.id)!), false);
}

/** Trains on one set and scores the other (thresholds from folds of the training set only). */
export function trainThenScore(training: HealthcareRecord[], test: HealthcareRecord[], profile: OrgProfile): HealthcareScores {
  const { model } = trainSafetyModel(prepareExamples(training, profile));
  return scoreHealthcare(test, profile, false, (r, p) => analyzeWithModel({ text: r.text, kind: r.kind }, p, model), false);
}

/** Inner folds must not line up with the outer ones (same hash): salt the ids. */
function reFolded(examples: TrainingExample[]): TrainingExample[] {
  return examples.map((e) => ({ ...e, message: { ...e.message, id: `inner:${e.message.id}` } }));
}
