/**
 * The labelled healthcare sets under eval/healthcare, by role. One list for the trainer
 * (train.ts) and the evaluation (eval/run.ts) so a set joins both at once.
 */

/** Sets the shipped model is trained on (the dev sets were each read blind first; README.md). */
export const TRAINING_SETS = [
  'train', 'train2', 'train3', 'train4', 'train5', 'train6', 'train7',
  'dev', 'dev2', 'dev3', 'dev5', 'dev6', 'dev8', 'dev9', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev23', 'dev24', 'dev27', 'dev28', 'dev31', 'dev32', 'dev36', 'dev39', 'dev40', 'dev43', 'dev47', 'dev49', 'dev50', 'dev52', 'dev54', 'dev56', 'dev59', 'dev60', 'dev63', 'dev64',
] as const;

/** Held-out sets: never trained on, only ever scored in aggregate. */
export const HELD_OUT_SETS = ['holdout', 'holdout-4', 'holdout-7', 'holdout-10', 'holdout-22', 'holdout-25', 'holdout-26', 'holdout-29', 'holdout-30', 'holdout-33', 'holdout-34', 'holdout-35', 'holdout-37', 'holdout-38', 'holdout-41', 'holdout-42', 'holdout-44', 'holdout-45', 'holdout-46', 'holdout-48', 'holdout-51', 'holdout-53', 'holdout-55', 'holdout-57', 'holdout-58', 'holdout-61', 'holdout-62', 'holdout-65'] as const;

export type TrainingSet = (typeof TRAINING_SETS)[number];
export type HeldOutSet = (typeof HELD_OUT_SETS)[number];
