/**
 * A worker thread of the analysis pool (analysis-pool.ts): runs the safety engine on the chunks it
 * is sent and answers with what ingestion stores of each result. The profile comes once per workspace profile, under a number, and is kept here.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeMessage, type MessageInput, type OrgProfile } from '../safety/index.ts';
import { ingestAnalysis } from '../operations/ingest-analysis.ts';
import { claimFront } from './shared-claims.ts';

export type WorkerRequest =
  | { type: 'profile'; profileId: number; profile: OrgProfile }
  // `claims`: the chunk's shared claim cell (shared-claims.ts); the thread waiting for the chunk may take messages from its back.
  | { type: 'analyze'; chunkId: number; profileId: number; inputs: MessageInput[]; claims: Int32Array };

const profiles = new Map<number, OrgProfile>();

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'profile') {
    profiles.set(request.profileId, request.profile);
    return;
  }
  const profile = profiles.get(request.profileId);
  // Only what is stored crosses back: the main thread reads every result it is sent. The results
  // are the chunk's first messages, up to where the main thread's claims from the back began.
  const results = [];
  for (let i = claimFront(request.claims); i >= 0; i = claimFront(request.claims)) {
    const input = request.inputs[i]!;
    results.push(ingestAnalysis(analyzeMessage(input, profile), input.text));
  }
  parentPort!.postMessage({ chunkId: request.chunkId, results });
});
