import type { AppContext } from '../../operations/context.ts';
import { registerSessionCleanup } from './session-cleanup.ts';
import { registerPublish } from './publish.ts';
import { registerIngest } from './ingest.ts';
import { registerMetrics } from './metrics.ts';
import { registerAlerts } from './alert.ts';

/** Every job kind this process works on. Later issues add publishing, ingestion, metrics. */
export async function registerJobHandlers(ctx: AppContext): Promise<void> {
  await registerSessionCleanup(ctx, ctx.queue);
  await registerPublish(ctx, ctx.queue);
  await registerIngest(ctx, ctx.queue);
  await registerMetrics(ctx, ctx.queue);
  await registerAlerts(ctx, ctx.queue, ctx.publicUrl);
}
