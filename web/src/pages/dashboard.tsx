/**
 * The landing page: the seven-rules scorecard (a score per rule, or "not enough data yet" with what
 * is missing) and the mastery check of the primary channel. One request, plain markup.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get } from '../api.ts';
import { Link } from '../router.tsx';
import type { FigureValue, Mastery, RuleScore, ScorecardResponse } from '../types.ts';
import { Notice, PageTitle } from '../ui.tsx';

export const RULE_TITLES: Record<RuleScore['rule'], { title: string; means: string }> = {
  listen: { title: 'Listen', means: 'Hear what your audience asks before you speak' },
  quality: { title: 'Quality', means: 'People talking back, and coming back' },
  focus: { title: 'Focus', means: 'Posts on your few content pillars' },
  consistency: { title: 'Consistency', means: 'Posting on plan, week after week' },
  value: { title: 'Value', means: 'Mostly useful, rarely promotional' },
  acknowledgment: { title: 'Acknowledgment', means: 'Every message answered, in time' },
  patience: { title: 'Patience', means: 'Judge the trend, not a single week' },
};

const CHECK_TITLES: Record<Mastery['checks'][number]['name'], string> = {
  on_plan_8_weeks: 'On plan for 8 weeks in a row',
  responses_within_target: 'Responses within the target (90% or more)',
  engaged_audience_not_falling: 'Engaged audience not falling',
};

/** "postsLast90Days" → "Posts last 90 days". */
export function figureLabel(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Shares and rates (0–1) read as percentages; everything else as given. */
export function figureValue(key: string, value: FigureValue): string {
  if (value === null) return '–';
  if (typeof value === 'number' && /(Share|Rate|share|rate)$/.test(key) && value >= 0 && value <= 1) return `${Math.round(value * 100)}%`;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value;
}

export function DashboardPage(): JSX.Element {
  const [data, setData] = useState<ScorecardResponse | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<ScorecardResponse>('/api/scorecard')
      .then(setData)
      .catch((err) => setError(errorText(err)));
  }, []);

  return (
    <div class="dashboard">
      <PageTitle title="Dashboard">Dashboard</PageTitle>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {!data && !error ? <p aria-live="polite">Loading the scorecard…</p> : null}
      {data ? (
        <>
          <p class="lead">
            {data.scorecard.overall !== undefined ? (
              <>
                Overall: <strong class="overall">{data.scorecard.overall}</strong> out of 100, the mean of the rules that have a score.
              </>
            ) : (
              'An overall score appears once at least four of the seven rules have enough data.'
            )}
          </p>
          <MasteryCard mastery={data.mastery} />
          <h2 id="rules-title">The seven rules</h2>
          <ul class="rules" aria-labelledby="rules-title">
            {data.scorecard.rules.map((r) => (
              <RuleCard key={r.rule} rule={r} />
            ))}
          </ul>
          <p class="hint">
            How each score is computed: <code>docs/scorecard.md</code> in the Bedside sources. Trends over time are on the <Link href="/analytics">analytics page</Link>.
          </p>
        </>
      ) : null}
    </div>
  );
}

function RuleCard({ rule }: { rule: RuleScore }): JSX.Element {
  const { title, means } = RULE_TITLES[rule.rule];
  const id = `rule-${rule.rule}`;
  const figures = Object.entries(rule.figures);
  const band = rule.score === null ? 'none' : rule.score >= 70 ? 'good' : rule.score >= 40 ? 'fair' : 'poor';
  return (
    <li class={`card rule rule-${band}`} aria-labelledby={id}>
      <div class="rule-head">
        <h3 id={id}>{title}</h3>
        {rule.score === null ? (
          <p class="score score-none">Not enough data yet</p>
        ) : (
          <p class="score">
            <strong>{rule.score}</strong>
            <span class="muted"> / 100</span>
          </p>
        )}
      </div>
      <p class="hint">{means}</p>
      {rule.score !== null ? (
        <meter min={0} max={100} low={40} high={70} optimum={100} value={rule.score} aria-label={`${title} score`}>
          {rule.score} of 100
        </meter>
      ) : null}
      {rule.missing ? (
        <p class="missing">
          <strong>Missing:</strong> {rule.missing}.
        </p>
      ) : (
        <p>{rule.explanation}</p>
      )}
      <p class="next">
        <strong>Next:</strong> {rule.nextAction}
      </p>
      {figures.length > 0 ? (
        <details>
          <summary>Figures ({figures.length})</summary>
          <dl class="figures">
            {figures.map(([k, v]) => (
              <div key={k}>
                <dt>{figureLabel(k)}</dt>
                <dd>{figureValue(k, v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </li>
  );
}

function MasteryCard({ mastery }: { mastery: Mastery | null }): JSX.Element {
  return (
    <section class="card mastery" aria-labelledby="mastery-title">
      <h2 id="mastery-title">Start small: master one channel first</h2>
      {mastery === null ? (
        <p>
          No channel yet. <Link href="/setup/channel">Connect one channel</Link> to start.
        </p>
      ) : (
        <>
          <ul class="checks">
            {mastery.checks.map((c) => (
              <li key={c.name} class={c.passed ? 'check-met' : 'check-open'}>
                <span class="check-mark" aria-hidden="true">
                  {c.passed ? '✓' : '○'}
                </span>{' '}
                <strong>{CHECK_TITLES[c.name]}</strong>: {c.passed ? 'met' : 'not yet'} <span class="muted">({c.detail})</span>
              </li>
            ))}
          </ul>
          <p class={mastery.mastered ? 'guard-ok' : ''}>{mastery.message}</p>
          <p class="hint">A second channel unlocks when all three checks are met (the owner can unlock it earlier; that is recorded in the audit log).</p>
        </>
      )}
    </section>
  );
}
