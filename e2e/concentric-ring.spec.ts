import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, fillNewCase, launch, signIn, stage } from './browser.js';

/**
 * The concentric-ring case from domain.md, end to end in the browser: a disabled street
 * child, trafficking survivor, reported through 1098 -> emergency placement at an Integrated
 * Child Rehabilitation Centre -> comprehensive assessment -> plan approved by the supervisor
 * -> referral to the Artificial Limb Centre accepted and completed -> referral for the
 * disability allowance -> review -> closure approved.
 */
describe('the concentric-ring case', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  /**
   * Signs a user in, in English for readable selectors. A Bangla user's saved language is
   * put back on close, since the language choice is remembered per user.
   */
  async function as(username: string): Promise<{ context: { close(): Promise<void> }; page: Page }> {
    const context: BrowserContext = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, username);
    await page.waitForSelector('main.content h1');
    const bangla = (await page.locator('html').getAttribute('lang')) === 'bn';
    // Wait until the server has the choice: the next page load reads the language from the profile.
    const switchTo = async (label: string) => {
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/lang') && r.ok());
      await page.getByRole('button', { name: label }).click();
      await saved;
    };
    if (bangla) await switchTo('English');
    return {
      page,
      context: {
        async close() {
          if (bangla) {
            await switchTo('বাংলা');
            await page.waitForSelector('html[lang=bn]');
          }
          await context.close();
        },
      },
    };
  }
  const next = async (page: Page, label: string) => {
    await page.locator('#next-title').waitFor();
    await page.getByRole('button', { name: label, exact: true }).click();
  };
  // A save shows as the case's latest entry, above the tabs.
  const saved = (page: Page, event: string) => page.waitForSelector(`.latest:has-text("${event}")`);

  it('from the 1098 report to an approved closure, through placement, plan, consent and two referrals', async () => {
    // The case the stages share: made by the first, worked on by the rest.
    let caseUrl = '';
    await stage('1098 report, emergency placement, assessment and plan by the caseworker', async () => {
      const { context, page } = await as('kurigram.caseworker');
      await fillNewCase(page, { nameBn: 'সাকিব হোসেন', nameEn: 'Sakib Hossain', sex: 'male', age: 13, union: { search: 'Holokhana', code: '554952-N4117' }, concerns: ['missing.trafficking', 'street.street_living'], risk: 'high' });
      await page.locator('summary:has-text("Disabilities")').click();
      await page.check('input[name=disabilities][value=physical]');
      await page.locator('summary:has-text("Vulnerable groups")').click();
      await page.check('input[name=vulnerableGroups][value=street]');
      await page.selectOption('select[name=source]', 'helpline');
      await page.fill('textarea[name=summary]', 'Called 1098 from Kurigram station: boy brought back from India, lost a leg, sleeping at the station.');
      await page.locator('form button[type=submit]').click();
      await page.waitForSelector('h1:has-text("সাকিব হোসেন")');
      caseUrl = page.url();
      expect(await page.locator('main').innerText()).toContain('Sensitive');

      // Emergency placement before assessment: the SOP allows it, with the reason on record.
      await next(page, 'Implementation and referral');
      await page.fill('textarea[name=note]', 'Placed at the Integrated Child Rehabilitation Centre, Tongi');
      await page.fill('textarea[name=skipReason]', 'Child sleeping at the railway station at night: placed first, assessed in the centre.');
      await page.getByRole('button', { name: 'Save' }).click();
      await saved(page, 'Implementation started');

      await next(page, 'Comprehensive assessment');
      await page.fill('textarea[name=safety]', 'Safe at the centre; traffickers still at large');
      await page.fill('textarea[name=health]', 'Left leg amputated below the knee');
      await page.fill('textarea[name=needs]', 'Prosthetic leg\nDisability allowance\nFamily tracing');
      await page.getByRole('button', { name: 'Save' }).click();
      await saved(page, 'Comprehensive assessment recorded');

      await next(page, 'Case plan');
      await page.fill('input[name=need]', 'Prosthetic leg');
      await page.fill('input[name=goal]', 'Walks unaided within three months');
      await page.fill('input[name=action]', 'Refer to the Artificial Limb Centre');
      await page.fill('input[name=responsible]', 'Artificial Limb Centre');
      await page.fill('input[name=due]', '2027-02-28');
      await page.getByRole('button', { name: 'Save' }).click();
      await saved(page, 'Case plan submitted for approval');
      await context.close();
    });
    await stage('the supervisor approves the plan', async () => {
      const { context, page } = await as('kurigram.supervisor');
      await page.goto(caseUrl);
      await next(page, 'Decide on the plan');
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await saved(page, 'Plan approved');
      await context.close();
    });
    await stage('consent recorded, then referrals to the Artificial Limb Centre and for the disability allowance', async () => {
      const { context, page } = await as('kurigram.caseworker');
      await page.goto(caseUrl);
      await page.getByRole('tab', { name: 'Consent and referrals' }).click();
      // Before any consent the referral form says what it would hold back, and why.
      await page.waitForSelector('.share-preview:has-text("Held back")');
      expect(await page.locator('.share-preview').innerText()).toContain('no consent to refer');
      for (const purpose of ['information_sharing', 'referral']) {
        await page.selectOption('select[name=purpose]', purpose);
        await page.selectOption('select[name=givenBy]', 'guardian');
        await page.fill('input[name=giverName]', 'Ranjit Hossain (uncle)');
        await page.check('input[name=childAssent]');
        await page.getByRole('button', { name: 'Record consent' }).click();
        await page.waitForSelector(`li:has-text("${purpose === 'referral' ? 'Referral to services' : 'Sharing information'}")`);
      }
      await page.waitForSelector('.share-preview:has-text("the child\'s names")');
      expect(await page.locator('.share-preview').innerText()).not.toContain('Held back');
      for (const [category, service, reason] of [
        ['disability', 'Artificial limbs and assistive devices', 'Needs a below-knee prosthesis and gait training'],
        ['social_allowance', 'Disability allowance', 'Registered with a physical disability: apply for the allowance'],
      ]) {
        await page.selectOption('#f-category', category!);
        await page.waitForSelector(`#f-service option:has-text("${service}")`, { state: 'attached' });
        await page.selectOption('#f-service', { label: (await page.locator(`#f-service option:has-text("${service}")`).first().innerText()).trim() });
        await page.fill('#f-reason', reason!);
        await page.getByRole('button', { name: 'Send the referral' }).click();
        await page.waitForSelector(`.referral:has-text("${service}")`);
      }
      await context.close();
    });
    await stage('the Artificial Limb Centre accepts and reports back; the upazila office accepts the allowance', async () => {
      const alc = await as('alc.focal');
      await alc.page.goto(`${baseUrl()}/referrals`);
      const card = alc.page.locator('.case-card:has-text("Sakib Hossain")');
      await card.getByRole('button', { name: 'Accept' }).click();
      await alc.page.selectOption('select', 'accepted');
      await alc.page.locator('.case-card:has-text("Sakib Hossain")').getByRole('button', { name: 'Report back and complete' }).click();
      const report = alc.page.getByRole('dialog');
      await report.getByLabel('What was done for the child?').fill('Below-knee prosthesis fitted on 2 December; review in six months.');
      await report.getByRole('button', { name: 'Send' }).click();
      await alc.page.selectOption('select', 'completed');
      await alc.page.waitForSelector('.case-card:has-text("Sakib Hossain")');
      await alc.context.close();

      const office = await as('kurigram.supervisor');
      await office.page.goto(`${baseUrl()}/referrals`);
      await office.page.locator('.case-card:has-text("Disability allowance")').first().getByRole('button', { name: 'Accept' }).click();
      await office.page.selectOption('select', 'accepted');
      await office.page.waitForSelector('.case-card:has-text("Disability allowance")');
      await office.context.close();
    });
    await stage('review, closure requested and approved', async () => {
      const { context, page } = await as('kurigram.caseworker');
      await page.goto(caseUrl);
      await page.getByRole('tab', { name: 'Forms and history' }).click();
      await page.waitForSelector('li:has-text("Service completed and reported back")');
      await next(page, 'Follow-up and review');
      await page.selectOption('select[name=kind]', 'review');
      await page.fill('textarea[name=notes]', 'Walking with the prosthesis; allowance approved; uncle found in Ulipur.');
      await page.getByRole('button', { name: 'Save' }).click();
      await saved(page, 'Follow-up recorded');
      await next(page, 'Closure');
      await page.selectOption('select[name=reason]', 'goals_met');
      await page.fill('textarea[name=outcome]', 'Living with his uncle, walking unaided, receiving the disability allowance.');
      await page.getByRole('button', { name: 'Save' }).click();
      await saved(page, 'Closure requested');
      await context.close();

      const sup = await as('kurigram.supervisor');
      await sup.page.goto(caseUrl);
      await next(sup.page, 'Decide on the closure');
      await sup.page.getByRole('button', { name: 'Approve', exact: true }).click();
      await saved(sup.page, 'Closure approved: case closed');
      await sup.context.close();
    });
  }, 300_000);
});
