import { describe, expect, it } from 'vitest';
import { bothNames, messageParam, renderParams } from './notifications.js';

describe('notification parameters, rendered for each reader', () => {
  it('translates message ids and picks the reader\'s form of a name; plain values pass through', () => {
    const params = { decision: messageParam('web.bid.careOptions.foster_care'), organisation: bothNames('Kurigram Shishu Odhikar Forum', 'কুড়িগ্রাম শিশু অধিকার ফোরাম'), number: 'BD-5549-2026-000001' };
    expect(renderParams('en', params)).toEqual({ decision: 'Foster care', organisation: 'Kurigram Shishu Odhikar Forum', number: 'BD-5549-2026-000001' });
    const bn = renderParams('bn', params);
    expect(bn.organisation).toBe('কুড়িগ্রাম শিশু অধিকার ফোরাম');
    expect(bn.decision).not.toBe('Foster care');
    // A name with no Bangla form is shown in English rather than left blank.
    expect(renderParams('bn', { service: bothNames('KSOF', null) }).service).toBe('KSOF');
  });
});
