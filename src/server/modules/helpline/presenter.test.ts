import { describe, expect, it } from 'vitest';
import { Contact } from '../../../shared/helpline.js';
import { maskPhone, presentContact } from './presenter.js';
import type { ContactRow } from './queries.js';
import { normalisePhone } from './phone.js';

const row: ContactRow & Record<string, unknown> = {
  id: '11111111-1111-4111-8111-111111111111', client_id: '22222222-2222-4222-8222-222222222222', agent_id: 'a1', agent_name: 'Farzana Yasmin', status: 'draft',
  received_at: new Date('2026-11-20T04:00:00Z'), channel: 'voice', call_type: 'child_self', urgency: 'high',
  caller: { anonymous: false, name: 'Rina', relation: 'self', extra: 'never shown' }, caller_phone_enc: 'sealed', child: { name: 'রিনা', sex: 'female', ageYears: 13, ageEstimated: true },
  geo_code: '554952-N4117', categories: ['violence.physical'], summary: 'Beaten at work', case_id: null, case_number: null, case_link: null, completed_at: null, updated_at: new Date('2026-11-20T04:05:00Z'),
  // A column a query may carry that the API must never show.
  caller_phone_hash: 'f'.repeat(64),
};

describe('helpline contact presenter', () => {
  it('presents a contact in the API shape, the number masked and nothing it was not asked to show', () => {
    const c = presentContact(row, { code: '554952-N4117', name: 'Holokhana', within: ['Kurigram Sadar', 'Kurigram'] }, '01711223344');
    expect(Contact.strict().parse(c)).toEqual(c);
    expect(c.caller.phoneMasked).toBe('•••••••••44');
    expect(JSON.stringify(c)).not.toMatch(/01711223344|never shown|ffffffff|sealed/);
    expect(c.child).toEqual({ anonymous: false, name: 'রিনা', sex: 'female', ageYears: 13, ageEstimated: true });
  });

  it('masks every number but its last two digits', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('999')).toBe('••');
    expect(maskPhone('+880 1711-223344')).toBe(`${'•'.repeat(11)}44`);
  });
});

describe('caller numbers', () => {
  it('are read the same however they were typed: Bangla or ASCII digits, +880, 880 or 0', () => {
    for (const typed of ['01711223344', '০১৭১১২২৩৩৪৪', '+880 1711-223344', '8801711223344', '০১৭১১-২২৩৩৪৪']) expect(normalisePhone(typed), typed).toBe('01711223344');
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone(' - ')).toBeNull();
  });
});
