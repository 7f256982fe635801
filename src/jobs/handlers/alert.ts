import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.ts';
import type { AppContext } from '../../operations/context.ts';
import { PermanentJobError, type JobQueue } from '../queue.ts';
import { appendAudit } from '../../storage/audit-log.ts';
import { AlertRejectedError, deliverAlert } from '../../operations/alerts.ts';
import { ALERT_KIND, type AlertJobPayload } from './alert-kind.ts';

/**
 * Sends urgent alerts. Each outcome is audited on the inbox item (sent with the receiver's status,
 * skipped with the reason, failed for good with the error), and logged without any message text.
 */
export async function registerAlerts(ctx: AppContext, queue: JobQueue, publicUrl?: string): Promise<void> {
  await queue.work<AlertJobPayload>(ALERT_KIND, async (job) => {
    const { workspaceId, itemId } = job.payload;
    // The second, overdue alert is told apart in the audit trail; the first keeps its old entry.
    const stage: Record<string, string> = job.payload.stage === 'overdue' ? { stage: 'overdue' } : {};
    const audit =
      (action: string, details: Record<string, string | number>) =>
      async (trx: Transaction<Database>): Promise<void> => {
        await appendAudit(trx, ctx.storage.engine, {
          workspaceId,
          actorType: 'system',
          actorId: null,
          action,
          entityType: 'inbox_item',
          entityId: itemId,
          details: { ...details, ...stage },
        });
      };
    let outcome;
    try {
      outcome = await deliverAlert(ctx, job.payload, publicUrl);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      ctx.logger.warn({ job: job.id, itemId, attempt: job.attempt, error }, 'urgent alert not delivered');
      if (err instanceof AlertRejectedError || job.lastAttempt) {
        await ctx.storage.db.transaction().execute(audit('inbox.alert_failed', { error, attempts: job.attempt }));
        if (err instanceof AlertRejectedError) throw new PermanentJobError(error);
      }
      throw err;
    }
    await job.finish(outcome.sent ? audit('inbox.alert_sent', { status: outcome.status }) : audit('inbox.alert_skipped', { reason: outcome.reason }));
    ctx.logger.info(
      {
        job: job.id,
        itemId,
        ...stage,
        ...(outcome.sent ? { status: outcome.status } : { skipped: outcome.reason }),
      },
      outcome.sent ? 'urgent alert sent' : 'urgent alert skipped',
    );
  });
}
