import { translate } from '../../../../shared/i18n/index.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import type { Caseload } from './queries.js';

export const DAILY_DIGEST_JOB = 'cases.daily-digest';

/** One morning email: what is late or waiting in the reader's caseload, in their language. */
export function digestMail(d: { email: string; lang: 'en' | 'bn'; name: string; load: Caseload }, publicUrl: string): Mail {
  const l = d.load;
  return {
    to: d.email,
    subject: translate(d.lang, 'mail.digest.subject', { count: l.overdueInitialAssessment + l.plansAwaitingApproval + l.closuresAwaitingApproval }),
    text: translate(d.lang, 'mail.digest.body', {
      name: d.name,
      overdue: l.overdueInitialAssessment,
      highRisk: l.highRiskWithoutAssessment,
      plans: l.plansAwaitingApproval,
      closures: l.closuresAwaitingApproval,
      referrals: l.referralsWithoutResponse,
      mine: l.mine,
      link: `${publicUrl}/cases`,
    }),
  };
}
