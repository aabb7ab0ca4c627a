import type { CaseDetail } from '../../../../shared/cases.js';
import { formatDate, formatNumber, translate, type Lang } from '../../../../shared/i18n/index.js';
import type { Taxonomies } from '../../people/taxonomies.js';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The case file as one printable HTML page in the reader's language (Bangla digits and
 * dates for Bangla), marked confidential, with no scripts and nothing loaded from outside.
 */
export function printableCaseFile(c: CaseDetail, lang: Lang, taxonomies: Taxonomies, printedBy: string): string {
  const t = (k: string, p: Record<string, unknown> = {}) => translate(lang, k, p);
  const d = (v: string, time = false) => formatDate(lang, v, 'Asia/Dhaka', time);
  const label = (list: Array<{ code: string; label: Record<string, string> }>, code: string) => list.find((i) => i.code === code)?.label[lang] ?? code;
  const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`;
  const steps = c.steps.map((s) => `<li><strong>${esc(t(`web.cases.steps.${s.step}`))}</strong> · ${esc(d(s.recordedAt, true))} · ${esc(s.recordedBy)}
    ${s.skipReason ? `<br>${esc(t('web.sop.skipped'))}: ${esc(s.skipped.map((x) => t(`web.cases.steps.${x}`)).join(', '))}. ${esc(s.skipReason)}` : ''}
    ${s.decision ? `<br>${esc(t('web.sop.decided'))}: ${esc(t(`web.sop.${s.decision}`))} · ${esc(s.decidedBy)} ${esc(s.decisionComment ?? '')}` : ''}
    <pre>${esc(JSON.stringify(s.data, null, 2))}</pre></li>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(c.caseNumber)}</title>
<style>
  body { font-family: 'Noto Sans Bengali', 'Noto Sans', sans-serif; margin: 2rem; color: #111; }
  .confidential { border: 2px solid #b3261e; color: #b3261e; padding: .4rem .8rem; font-weight: 700; display: inline-block; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { text-align: left; border-bottom: 1px solid #ccc; padding: .3rem; vertical-align: top; }
  th { width: 30%; color: #444; } pre { white-space: pre-wrap; font-size: .85rem; background: #f6f6f6; padding: .4rem; }
  @media print { body { margin: 1cm; } }
</style></head><body>
<p class="confidential">${esc(t('print.confidential'))}</p>
<h1>${esc(t('print.title'))}: ${esc(c.caseNumber)}</h1>
<h2>${esc(t('web.cases.child'))}</h2><table>
${row(t('web.cases.names'), c.child.names.join(' / '))}
${row(t('web.cases.sex'), t(`web.cases.sexes.${c.child.sex}`))}
${row(t('web.cases.ageLabel'), c.child.ageYears === null ? '—' : formatNumber(lang, c.child.ageYears))}
${row(t('web.cases.place'), `${c.place.name ?? ''}${c.child.addressDetail ? `, ${c.child.addressDetail}` : ''}`)}
${row(t('web.cases.disabilities'), c.child.disabilities.map((x) => label(taxonomies.disabilities, x)).join(', ') || '—')}
${row(t('web.cases.vulnerable'), c.child.vulnerableGroups.map((x) => label(taxonomies.vulnerableGroups, x)).join(', ') || '—')}
</table>
<h2>${esc(t('web.cases.case'))}</h2><table>
${row(t('web.cases.concerns'), c.concerns.map((x) => label(taxonomies.concerns, x)).join(', '))}
${row(t('web.cases.risk'), t(`web.cases.riskLevels.${c.riskLevel}`))}
${row(t('web.cases.status'), `${t(`web.cases.statuses.${c.status}`)} · ${t(`web.cases.steps.${c.step}`)}`)}
${row(t('web.cases.source'), t(`web.cases.sources.${c.source}`))}
${row(t('web.cases.reportedOn'), d(c.reportedOn))}
${row(t('web.cases.organisation'), c.organisation.name)}
${row(t('web.cases.caseworker'), c.caseworker?.name ?? '—')}
${row(t('web.cases.supervisor'), c.supervisor?.name ?? '—')}
${c.summary ? row(t('web.cases.summary'), c.summary) : ''}
</table>
<h2>${esc(t('web.sop.history'))}</h2><ol>${steps}</ol>
<h2>${esc(t('web.cases.timeline'))}</h2><ol>${c.timeline.map((e) => `<li>${esc(d(e.at, true))} · ${esc(t(`web.cases.events.${e.kind}`))}${e.actor ? ` · ${esc(e.actor)}` : ''}</li>`).join('')}</ol>
<p><small>${esc(t('print.footer', { who: printedBy, when: d(new Date().toISOString(), true) }))}</small></p>
</body></html>`;
}
