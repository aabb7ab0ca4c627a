import { useState, type FormEvent } from 'react';
import { useParams, Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, call, field, urlOf } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { hasPermission, useSession } from '../../session.js';
import { currentLang, date, num } from '../../i18n.js';
import { labelOf, useTaxonomies } from './useTaxonomies.js';
import { caseQuery } from './case-query.js';
import { StepPanel } from './StepPanel.js';
import { ConsentPanel, ReferralPanel } from './ConsentReferralPanels.js';
import { NotesPanel } from './NotesPanel.js';
import { TransferPanel } from './TransferPanel.js';
import { BidPanel } from './BidPanel.js';
import { FamilyPanel } from './FamilyPanel.js';
import { PlacementsPanel } from '../institutions/PlacementsPanel.js';
import { StepRecord } from './StepRecord.js';
import { Tabs, type TabItem } from '../../components/Tabs.js';
import type { CaseDetail } from '../../../shared/cases.js';

/** The case file. Opening it is audited; a case outside the reader's reach reads as "not found". */
export function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(caseQuery(id));
  // The open tab is written into the address (a reload or a shared link opens it) without a
  // navigation, which would read the case file again (and audit the read) on every tab.
  const [tab, setTab] = useState(() => new URLSearchParams(window.location.search).get('tab'));
  const selectTab = (next: string) => {
    setTab(next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${next === 'summary' ? '' : `?tab=${next}`}`);
  };
  if (q.error) {
    const status = q.error instanceof ApiError ? q.error.status : 0;
    const notFound = status === 404;
    // Only a request that got no answer is a connection problem; any other says what the server said.
    const title = notFound ? t('web.cases.notFound') : status === 403 ? t('web.errors.forbidden') : status === 0 ? t('web.errors.network') : t('web.errors.failed');
    return (
      <div className="page">
        <h1>{title}</h1>
        <p>{notFound ? t('web.cases.notFoundHint') : (q.error as Error).message}</p>
        {notFound ? <BreakGlass id={id} /> : null}
        <Link to="/cases">{t('web.cases.back')}</Link>
      </div>
    );
  }
  const c = q.data;
  if (!c) return <p>{t('web.common.loading')}</p>;
  const canWork = c.allowedActions.includes('work');
  const tabs: TabItem[] = [
    { id: 'summary', label: t('web.cases.tabs.summary'), render: () => <CaseSummary c={c} /> },
    { id: 'family', label: t('web.family.title'), render: () => <FamilyPanel caseId={c.id} canWork={canWork} /> },
    { id: 'consent', label: t('web.cases.tabs.consentReferrals'), render: () => (
      <div className="grid">
        <ConsentPanel caseId={c.id} canWork={canWork} />
        <ReferralPanel caseId={c.id} canWork={canWork} place={c.place.code} />
      </div>
    ) },
    { id: 'care', label: t('web.institutions.placements'), render: () => <PlacementsPanel caseId={c.id} open={c.status === 'open'} /> },
    { id: 'bid', label: t('web.cases.tabs.bid'), render: () => <BidPanel caseId={c.id} canWork={canWork} /> },
    { id: 'notes', label: t('web.notes.title'), render: () => <NotesPanel caseId={c.id} canWork={canWork} /> },
    { id: 'history', label: t('web.cases.tabs.history'), render: () => <CaseHistory c={c} /> },
    ...(canWork && c.status === 'open' ? [{ id: 'transfer', label: t('web.transfers.tab'), render: () => <TransferPanel caseId={c.id} /> }] : []),
  ];
  const active = tabs.some((x) => x.id === tab) ? tab! : 'summary';
  const latest = c.timeline[c.timeline.length - 1];
  return (
    <div className="page">
      <p className="toolbar"><Link to="/cases">{t('web.cases.back')}</Link> <a href={urlOf('GET /api/v1/cases/:id/print', { params: { id: c.id } })} target="_blank" rel="noopener">{t('web.export.print')}</a></p>
      <h1>{c.child.displayName} <small className="case-number">{c.caseNumber}</small></h1>
      <p className="meta">
        <span className={`badge-risk risk-${c.riskLevel}`}>{t(`web.cases.riskLevels.${c.riskLevel}`)}</span>
        {c.overdue ? <span className="badge-overdue">{t('web.cases.overdue')}</span> : null}
        {c.sensitive ? <span className="tag">{t('web.cases.sensitive')}</span> : null}
        {t(`web.cases.steps.${c.step}`)}
        {/* The initial-assessment deadline matters only until the assessment is recorded. */}
        {c.status === 'open' && c.step === 'registration' ? ` · ${t('web.cases.due', { when: date(c.initialAssessmentDue, true) })}` : null}
      </p>
      {/* The newest entry of the timeline, announced when a save adds one: the worker sees it landed without opening the history. */}
      {latest ? <p className="latest" role="status">{t('web.cases.latest')}: {t(`web.cases.events.${latest.kind}`)} · <small>{date(latest.at, true)}{latest.actor ? ` · ${latest.actor}` : ''}</small></p> : null}
      <StepPanel caseId={c.id} step={c.step} status={c.status} actions={c.allowedActions} supervisor={c.supervisor?.name ?? null} />
      <Tabs label={t('web.cases.tabs.label')} tabs={tabs} active={active} onSelect={selectTab} />
    </div>
  );
}

/** Who the child is and what the case is about: the first tab. */
function CaseSummary({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const tax = useTaxonomies();
  return (
    <div className="grid">
      <section className="card">
        <h2>{t('web.cases.child')}</h2>
        <dl className="facts">
          <dt>{t('web.cases.names')}</dt><dd>{c.child.names.join(' / ')} · <Link to="/people/$id" params={{ id: c.child.id }}>{t('web.cases.allRecordsOfChild')}</Link></dd>
          <dt>{t('web.cases.sex')}</dt><dd>{t(`web.cases.sexes.${c.child.sex}`)}</dd>
          <dt>{t('web.cases.ageLabel')}</dt><dd>{c.child.ageYears !== null ? num(c.child.ageYears) : '—'}{c.child.dobEstimated ? ` (${t('web.cases.estimated')})` : ''}</dd>
          {c.child.dateOfBirth && !c.child.dobEstimated ? (<><dt>{t('web.cases.dateOfBirth')}</dt><dd>{date(c.child.dateOfBirth)}</dd></>) : null}
          <dt>{t('web.cases.place')}</dt><dd>{c.place.name}{c.child.addressDetail ? `, ${c.child.addressDetail}` : ''}</dd>
          {c.child.disabilities.length ? (<><dt>{t('web.cases.disabilities')}</dt><dd>{c.child.disabilities.map((d) => labelOf(tax.data?.disabilities, d)).join(', ')}</dd></>) : null}
          {c.child.vulnerableGroups.length ? (<><dt>{t('web.cases.vulnerable')}</dt><dd>{c.child.vulnerableGroups.map((v) => labelOf(tax.data?.vulnerableGroups, v)).join(', ')}</dd></>) : null}
        </dl>
      </section>
      <section className="card">
        <h2>{t('web.cases.case')}</h2>
        <dl className="facts">
          <dt>{t('web.cases.concerns')}</dt><dd>{c.concerns.map((code) => labelOf(tax.data?.concerns, code)).join(', ')}</dd>
          <dt>{t('web.cases.source')}</dt><dd>{t(`web.cases.sources.${c.source}`)}</dd>
          <dt>{t('web.cases.reportedOn')}</dt><dd>{date(c.reportedOn)}</dd>
          <dt>{t('web.cases.organisation')}</dt><dd>{c.organisation.name}</dd>
          <dt>{t('web.cases.caseworker')}</dt><dd>{c.caseworker?.name ?? '—'}</dd>
          <dt>{t('web.cases.supervisor')}</dt><dd>{c.supervisor?.name ?? '—'}</dd>
        </dl>
        {c.summary ? <p className="summary">{c.summary}</p> : null}
      </section>
    </div>
  );
}

/** Every saved form, readable, newest first, then the timeline. */
function CaseHistory({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card">
        <h2>{t('web.sop.history')}</h2>
        {c.steps.length === 0 ? <p className="hint">{t('web.sop.noForms')}</p> : null}
        <ul className="plain steps">
          {c.steps.map((s, i) => (
            <li key={i}>
              <h3>{t(`web.cases.steps.${s.step}`)} <small>{date(s.recordedAt, true)}{s.recordedBy ? ` · ${s.recordedBy}` : ''}</small></h3>
              {s.skipped.length ? <p className="hint">{t('web.sop.skipped')}: {s.skipped.map((k) => t(`web.cases.steps.${k}`)).join(', ')}. {s.skipReason}</p> : null}
              <StepRecord step={s.step} data={s.data} />
              {s.decision ? <p className="hint">{t('web.sop.decided')}: {t(`web.sop.${s.decision === 'approve' ? 'approve' : 'return'}`)} · {s.decidedBy}{s.decisionComment ? ` · ${s.decisionComment}` : ''}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('web.cases.timeline')}</h2>
        <ol className="timeline">
          {c.timeline.map((e, i) => (
            <li key={i}><small>{date(e.at, true)}</small> {t(`web.cases.events.${e.kind}`)}{eventDetail(e.data)}{typeof e.data.outcome === 'string' && e.kind === 'reintegration_visit' ? ` · ${t(`web.institutions.outcomes.${e.data.outcome}`)}` : ''}{e.actor ? ` · ${e.actor}` : ''}{typeof e.data.reason === 'string' ? ` · ${e.data.reason}` : ''}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Emergency access, offered only to roles that may use it; the server decides whether the case is in their area. */
function BreakGlass({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const { error, run } = useAction();
  if (!hasPermission(session.data, 'cases.break_glass')) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await run(async () => {
      const detail = await call('POST /api/v1/cases/:id/break-glass', { params: { id }, body: { reason: field(new FormData(e.currentTarget), 'reason') } });
      qc.setQueryData(['case', id], detail);
      await qc.invalidateQueries({ queryKey: ['case', id] });
    });
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('web.cases.breakGlass.title')}</h2>
      <p className="hint">{t('web.cases.breakGlass.intro')}</p>
      <ErrorBanner message={error?.message} />
      <Field label={t('web.cases.breakGlass.reason')} name="reason" minLength={15} error={error?.fields.reason} />
      <button type="submit" className="primary">{t('web.cases.breakGlass.open')}</button>
    </form>
  );
}

/** What an event names beside its kind (the facility a child was admitted to), in the reader's language when it was stored in both. */
function eventDetail(data: Record<string, unknown>): string {
  const local = currentLang() !== 'en' && typeof data.detail_local === 'string' ? data.detail_local : null;
  const text = local ?? (typeof data.detail === 'string' ? data.detail : null);
  return text ? ` · ${text}` : '';
}
