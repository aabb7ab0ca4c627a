import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { findMove } from '../../../shared/sop-moves.js';
import { call, field } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';

type Props = { caseId: string; step: string; status: string; actions: string[]; supervisor: string | null };

const lines = (v: FormDataEntryValue | null) => String(v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** Reads a step form's fields into the shape its schema expects. */
function formData(step: string, f: FormData): Record<string, unknown> {
  const s = (k: string) => String(f.get(k) ?? '');
  switch (step) {
    case 'initial_assessment':
      return { immediateSafety: s('immediateSafety'), findings: s('findings'), riskLevel: s('riskLevel'), emergencyPlacementNeeded: f.get('emergencyPlacementNeeded') === 'on' };
    case 'comprehensive_assessment':
      return { safety: s('safety'), health: s('health'), education: s('education'), family: s('family'), psychosocial: s('psychosocial'), strengths: s('strengths'), needs: lines(f.get('needs')) };
    case 'case_plan': {
      const needs = f.getAll('need').map(String);
      return { goals: needs.map((need, i) => ({ need, goal: String(f.getAll('goal')[i] ?? ''), actions: [{ action: String(f.getAll('action')[i] ?? ''), responsible: String(f.getAll('responsible')[i] ?? ''), due: String(f.getAll('due')[i] ?? '') }] })) };
    }
    case 'implementation':
      return { note: s('note') };
    case 'follow_up':
      return { kind: s('kind'), date: s('date'), notes: s('notes'), progress: s('progress') };
    case 'closure':
      return { reason: s('reason'), outcome: s('outcome') };
    case 'post_closure':
      return { date: s('date'), notes: s('notes') };
    default:
      return {};
  }
}

function Select({ name, label, options, prefix }: { name: string; label: string; options: string[]; prefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>{options.map((o) => <option key={o} value={o}>{t(`${prefix}.${o}`)}</option>)}</select>
    </div>
  );
}

function TextArea({ name, label, error }: { name: string; label: string; error?: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <textarea id={`f-${name}`} name={name} rows={3} aria-invalid={Boolean(error)} />
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}

function StepFields({ step, errors }: { step: string; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`web.sop.fields.${k}`);
  const e = (k: string) => errors[`data.${k}`];
  const today = new Date().toISOString().slice(0, 10);
  const [goals, setGoals] = useState(1);
  switch (step) {
    case 'initial_assessment':
      return (<>
        <Select name="immediateSafety" label={L('immediateSafety')} options={['safe', 'at_risk', 'in_danger']} prefix="web.sop.safety" />
        <TextArea name="findings" label={L('findings')} error={e('findings')} />
        <Select name="riskLevel" label={L('riskLevel')} options={['high', 'medium', 'low']} prefix="web.cases.riskLevels" />
        <label className="check"><input type="checkbox" name="emergencyPlacementNeeded" /> {L('emergencyPlacementNeeded')}</label>
      </>);
    case 'comprehensive_assessment':
      return (<>
        {['safety', 'health', 'education', 'family', 'psychosocial', 'strengths'].map((k) => <TextArea key={k} name={k} label={L(k)} error={e(k)} />)}
        <TextArea name="needs" label={L('needs')} error={e('needs')} />
      </>);
    case 'case_plan':
      return (<>
        {Array.from({ length: goals }, (_, i) => (
          <fieldset key={i}>
            <legend>{L('goal')} {i + 1}</legend>
            <Field label={L('need')} name="need" />
            <Field label={L('goal')} name="goal" />
            <Field label={L('action')} name="action" />
            <Field label={L('responsible')} name="responsible" />
            <Field label={L('due')} name="due" type="date" min={today} />
          </fieldset>
        ))}
        {errors['data.goals'] ? <p className="field-error" role="alert">{errors['data.goals']}</p> : null}
        <button type="button" onClick={() => setGoals(goals + 1)}>{t('web.sop.addGoal')}</button>
      </>);
    case 'implementation':
      return <TextArea name="note" label={L('note')} />;
    case 'follow_up':
      return (<>
        <Select name="kind" label={L('kind')} options={['visit', 'review', 'case_conference']} prefix="web.sop.followUpKinds" />
        <Field label={L('date')} name="date" type="date" defaultValue={today} error={e('date')} />
        <TextArea name="notes" label={L('notes')} error={e('notes')} />
        <Select name="progress" label={L('progress')} options={['on_track', 'some_progress', 'no_progress', 'worse']} prefix="web.sop.progress" />
      </>);
    case 'closure':
      return (<>
        <Select name="reason" label={L('closureReason')} options={['goals_met', 'transferred', 'reached_18', 'moved_away', 'death', 'no_longer_needed', 'other']} prefix="web.sop.closureReasons" />
        <TextArea name="outcome" label={L('outcome')} error={e('outcome')} />
      </>);
    case 'post_closure':
      return (<>
        <Field label={L('date')} name="date" type="date" defaultValue={today} error={e('date')} />
        <TextArea name="notes" label={L('notes')} error={e('notes')} />
      </>);
    default:
      return null;
  }
}

/** What the reader may do next on the case, as the server listed it: a step form, a decision, reopening. */
export function StepPanel({ caseId, step, status, actions, supervisor }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const { error, run: attempt, reset } = useAction();
  const buttons = actions.filter((a) => a.startsWith('submit:') || a.startsWith('decide:') || a === 'reopen');
  // A plan or closure waiting for a decision the reader cannot take: say whose it is.
  const waiting = status === 'open' && (step === 'plan_approval' || step === 'closure') && !buttons.some((a) => a.startsWith('decide:'));
  if (buttons.length === 0 && !waiting) return null;
  const run = (fn: () => Promise<unknown>) =>
    attempt(async () => {
      await fn();
      setOpen(null);
      await qc.invalidateQueries({ queryKey: ['case', caseId] });
    });
  const submitStep = (target: string) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const skipReason = String(f.get('skipReason') ?? '').trim();
    void run(() => call('POST /api/v1/cases/:id/steps/:step', { params: { id: caseId, step: target }, body: { data: formData(target, f), ...(skipReason ? { skipReason } : {}) } }));
  };
  const decide = (what: 'plan' | 'closure', decision: 'approve' | 'return') => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(() => call(what === 'plan' ? 'POST /api/v1/cases/:id/plan-decision' : 'POST /api/v1/cases/:id/closure-decision', { params: { id: caseId }, body: { decision, comment: field(new FormData(e.currentTarget), 'comment') } }));
  };
  let form: ReactNode = null;
  if (open?.startsWith('submit:')) {
    const target = open.slice(7);
    const move = findMove(step, target);
    form = (
      <form onSubmit={submitStep(target)} noValidate>
        <h3>{t(`web.cases.steps.${target}`)}</h3>
        <StepFields step={target} errors={error?.fields ?? {}} />
        {move?.needsReason ? (
          <>
            <p className="hint">{t('web.sop.skipWarning', { steps: (move.skip ?? []).map((s) => t(`web.cases.steps.${s}`)).join(', ') })}</p>
            <TextArea name="skipReason" label={t('web.sop.skipReason')} error={error?.fields.skipReason} />
          </>
        ) : null}
        <button type="submit" className="primary">{t('web.common.save')}</button>
      </form>
    );
  } else if (open === 'decide:plan' || open === 'decide:closure') {
    const what = open === 'decide:plan' ? 'plan' : 'closure';
    form = (
      <div>
        <form onSubmit={decide(what, 'approve')} noValidate>
          <TextArea name="comment" label={t('web.sop.comment')} />
          <button type="submit" className="primary">{t('web.sop.approve')}</button>
        </form>
        <form onSubmit={decide(what, 'return')} noValidate>
          <TextArea name="comment" label={t('web.sop.returnComment')} />
          <button type="submit">{t('web.sop.return')}</button>
        </form>
      </div>
    );
  } else if (open === 'reopen') {
    form = (
      <form onSubmit={(e) => { e.preventDefault(); void run(() => call('POST /api/v1/cases/:id/reopen', { params: { id: caseId }, body: { reason: field(new FormData(e.currentTarget), 'reason') } })); }} noValidate>
        <TextArea name="reason" label={t('web.sop.reopenReason')} error={error?.fields.reason} />
        <button type="submit" className="primary">{t('web.sop.reopen')}</button>
      </form>
    );
  }
  return (
    <section className="card" aria-labelledby="next-title">
      <h2 id="next-title">{t('web.sop.next')}</h2>
      {waiting ? <p className="hint" role="status">{t(step === 'plan_approval' ? 'web.sop.waitingPlan' : 'web.sop.waitingClosure', { who: supervisor ?? t('web.sop.aSupervisor') })}</p> : null}
      <div className="toolbar wrap">
        {buttons.map((a) => (
          <button key={a} type="button" aria-pressed={open === a} onClick={() => { setOpen(open === a ? null : a); reset(); }}>
            {a.startsWith('submit:') ? t(`web.cases.steps.${a.slice(7)}`) : t(`web.sop.actions.${a.replace(':', '_')}`)}
          </button>
        ))}
      </div>
      <ErrorBanner message={error?.message} />
      {form}
    </section>
  );
}
