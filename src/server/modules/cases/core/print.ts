import type { BidView, CaseDetail, CaseNotes, FamilyMember } from '../../../../shared/cases.js';
import type { Consent, Referral } from '../../../../shared/referrals.js';
import { formatDate, formatNumber, translate, type Lang } from '../../../../shared/i18n/index.js';
import { stepRecord, type RecordGroup } from '../../../../shared/step-record.js';
import type { Taxonomies } from '../../people/taxonomies.js';

/** Everything the printed file holds: the case and each of its parts, read with the reader's access. */
export type CaseFileParts = {
  detail: CaseDetail;
  family: FamilyMember[];
  consents: Consent[];
  referrals: Referral[];
  bids: BidView[];
  notes: CaseNotes;
};

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
// Line breaks the writer typed are kept (findings, notes), without letting any markup through.
const text = (s: unknown) => esc(s).replace(/\n/g, '<br>');

/**
 * The whole case file as one printable HTML page in the reader's language (Bangla digits and
 * dates for Bangla): the child, the case, family, consent, referrals, best-interest
 * determinations, every saved form as a readable record, notes, files and the timeline.
 * Marked confidential, with no scripts and nothing loaded from outside.
 */
export function printableCaseFile(parts: CaseFileParts, lang: Lang, taxonomies: Taxonomies, printedBy: string): string {
  const { detail: c } = parts;
  const t = (k: string, p: Record<string, unknown> = {}) => translate(lang, k, p);
  const d = (v: string, time = false) => formatDate(lang, v, 'Asia/Dhaka', time);
  const label = (list: Array<{ code: string; label: Record<string, string> }>, code: string) => list.find((i) => i.code === code)?.label[lang] ?? code;
  // A care option the catalogue does not know (older data) is shown as it was stored.
  const care = (code: string) => (t(`web.bid.careOptions.${code}`) === `web.bid.careOptions.${code}` ? code : t(`web.bid.careOptions.${code}`));
  const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${text(v)}</td></tr>`;
  const table = (rows: string[]) => `<table>${rows.join('')}</table>`;
  const section = (title: string, body: string, empty = !body) => `<section><h2>${esc(title)}</h2>${empty ? `<p class="none">—</p>` : body}</section>`;
  const groups = (gs: RecordGroup[]) => gs.map((g) => `${g.title ? `<h4>${esc(g.title)}</h4>` : ''}${g.rows.length ? table(g.rows.map((r) => row(r.label, r.value))) : `<p class="none">${esc(t('web.sop.emptyRecord'))}</p>`}`).join('');

  const family = parts.family.map((m) => row(t(`web.family.relationships.${m.relationship}`),
    [m.name, m.phone, m.isCaregiver ? t('web.family.caregiver') : null, m.livesWithChild ? t('web.family.livesWith') : null, m.notes].filter(Boolean).join(' · ')));
  const consents = parts.consents.map((x) => row(t(`web.consent.purposes.${x.purpose}`),
    [`${t(`web.consent.givers.${x.givenBy}`)}${x.giverName ? ` (${x.giverName})` : ''}`, d(x.givenOn), x.childAssent ? t('web.consent.assent') : null,
      x.withdrawnAt ? `${t('web.consent.withdrawn')} ${d(x.withdrawnAt)}${x.withdrawalNote ? `: ${x.withdrawalNote}` : ''}` : null].filter(Boolean).join(' · ')));
  const referrals = parts.referrals.map((r) => `<li><strong>${esc(r.service.name)}</strong> · ${esc(r.provider.name)} · ${esc(t(`web.referrals.statuses.${r.status}`))} · ${esc(d(r.createdAt))}
    ${r.shared.reason ? `<br>${esc(t('web.referrals.reason'))}: ${text(r.shared.reason)}` : ''}
    ${r.responseReason ? `<br>${esc(t('web.referrals.declinedBecause'))}: ${text(r.responseReason)}` : ''}
    ${r.feedback ? `<br>${esc(t('web.referrals.feedback'))}: ${text(r.feedback)}` : ''}</li>`);
  const bids = parts.bids.map((b) => `<li><strong>${text(b.question)}</strong> · ${esc(d(b.submittedAt))}${b.submittedBy ? ` · ${esc(b.submittedBy)}` : ''}${table([
    ...b.options.map((o) => row(care(o.option), o.assessment)),
    row(t('web.bid.recommendation'), care(b.recommendation)),
    row(t('web.bid.childViews'), b.childViews),
    ...(b.familyViews ? [row(t('web.bid.familyViews'), b.familyViews)] : []),
    ...(b.decision ? [row(t('web.bid.decided'), `${care(b.decision)} · ${b.decisionDate ? d(b.decisionDate) : ''}${b.decisionNotes ? ` · ${b.decisionNotes}` : ''}`)] : [row(t('web.bid.decided'), t('web.bid.withBoard'))]),
  ])}</li>`);
  const steps = c.steps.map((s) => `<li><h3>${esc(t(`web.cases.steps.${s.step}`))} <small>${esc(d(s.recordedAt, true))}${s.recordedBy ? ` · ${esc(s.recordedBy)}` : ''}</small></h3>
    ${s.skipReason ? `<p>${esc(t('web.sop.skipped'))}: ${esc(s.skipped.map((x) => t(`web.cases.steps.${x}`)).join(', '))}. ${text(s.skipReason)}</p>` : ''}
    ${groups(stepRecord(s.step, s.data, { t, date: (v) => d(v) }))}
    ${s.decision ? `<p>${esc(t('web.sop.decided'))}: ${esc(t(`web.sop.${s.decision}`))}${s.decidedBy ? ` · ${esc(s.decidedBy)}` : ''}${s.decisionComment ? ` · ${text(s.decisionComment)}` : ''}</p>` : ''}</li>`);
  const notes = parts.notes.notes.map((n) => `<li><small>${esc(d(n.createdAt, true))}${n.author ? ` · ${esc(n.author)}` : ''}</small><br>${text(n.body)}</li>`);
  const files = parts.notes.attachments.map((f) => `<li>${esc(f.fileName)} <small>(${esc(formatNumber(lang, Math.ceil(f.sizeBytes / 1024)))} KB · ${esc(d(f.uploadedAt))}${f.uploadedBy ? ` · ${esc(f.uploadedBy)}` : ''})</small></li>`);

  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(c.caseNumber)}</title>
<style>
  body { font-family: 'Noto Sans Bengali', 'Noto Sans', sans-serif; margin: 2rem; color: #111; line-height: 1.4; }
  .confidential { border: 2px solid #b3261e; color: #b3261e; padding: .4rem .8rem; font-weight: 700; display: inline-block; }
  table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; } th, td { text-align: left; border-bottom: 1px solid #ccc; padding: .3rem; vertical-align: top; }
  th { width: 30%; color: #444; font-weight: 600; } h3 { font-size: 1rem; margin: .8rem 0 .2rem; } h4 { margin: .4rem 0 0; font-size: .95rem; }
  ol, ul { padding-left: 1.2rem; } li { margin-bottom: .4rem; } .none { color: #666; }
  section { break-inside: auto; } h2 { break-after: avoid; border-bottom: 2px solid #333; font-size: 1.15rem; margin-top: 1.4rem; }
  @media print { body { margin: 1cm; } }
</style></head><body>
<p class="confidential">${esc(t('print.confidential'))}</p>
<h1>${esc(t('print.title'))}: ${esc(c.caseNumber)}</h1>
${section(t('web.cases.child'), table([
    row(t('web.cases.names'), c.child.names.join(' / ')),
    row(t('web.cases.sex'), t(`web.cases.sexes.${c.child.sex}`)),
    row(t('web.cases.ageLabel'), c.child.ageYears === null ? '—' : `${formatNumber(lang, c.child.ageYears)}${c.child.dobEstimated ? ` (${t('web.cases.estimated')})` : ''}`),
    ...(c.child.dateOfBirth && !c.child.dobEstimated ? [row(t('web.cases.dateOfBirth'), d(c.child.dateOfBirth))] : []),
    row(t('web.cases.place'), `${c.place.name ?? ''}${c.child.addressDetail ? `, ${c.child.addressDetail}` : ''}`),
    row(t('web.cases.disabilities'), c.child.disabilities.map((x) => label(taxonomies.disabilities, x)).join(', ') || '—'),
    row(t('web.cases.vulnerable'), c.child.vulnerableGroups.map((x) => label(taxonomies.vulnerableGroups, x)).join(', ') || '—'),
  ]))}
${section(t('web.cases.case'), table([
    row(t('web.cases.concerns'), c.concerns.map((x) => label(taxonomies.concerns, x)).join(', ')),
    row(t('web.cases.risk'), t(`web.cases.riskLevels.${c.riskLevel}`)),
    row(t('web.cases.status'), `${t(`web.cases.statuses.${c.status}`)} · ${t(`web.cases.steps.${c.step}`)}`),
    row(t('web.cases.source'), t(`web.cases.sources.${c.source}`)),
    row(t('web.cases.reportedOn'), d(c.reportedOn)),
    row(t('web.cases.organisation'), c.organisation.name),
    row(t('web.cases.caseworker'), c.caseworker?.name ?? '—'),
    row(t('web.cases.supervisor'), c.supervisor?.name ?? '—'),
    ...(c.summary ? [row(t('web.cases.summary'), c.summary)] : []),
  ]))}
${section(t('web.family.title'), family.length ? table(family) : '')}
${section(t('web.consent.title'), consents.length ? table(consents) : '')}
${section(t('web.referrals.title'), referrals.length ? `<ol>${referrals.join('')}</ol>` : '')}
${section(t('web.bid.title'), bids.length ? `<ol>${bids.join('')}</ol>` : '')}
${section(t('web.sop.history'), steps.length ? `<ol>${steps.join('')}</ol>` : '')}
${section(t('web.notes.title'), notes.length || files.length ? `${notes.length ? `<ol>${notes.join('')}</ol>` : ''}${files.length ? `<h3>${esc(t('web.notes.files'))}</h3><ul>${files.join('')}</ul>` : ''}` : '')}
${section(t('web.cases.timeline'), `<ol>${c.timeline.map((e) => `<li>${esc(d(e.at, true))} · ${esc(t(`web.cases.events.${e.kind}`))}${e.actor ? ` · ${esc(e.actor)}` : ''}${typeof e.data.reason === 'string' ? ` · ${text(e.data.reason)}` : ''}</li>`).join('')}</ol>`)}
<p><small>${esc(t('print.footer', { who: printedBy, when: d(new Date().toISOString(), true) }))}</small></p>
</body></html>`;
}
