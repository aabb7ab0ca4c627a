import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, baseUrl, launch, signIn, stage } from './browser.js';

type Session = Awaited<ReturnType<typeof apiSession>>;

/** A JSON call as another person does it meanwhile (the caseworker referring, the trainer moving the clock). */
async function api<T>(s: Session, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}${url}`, {
    method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Facility = { id: string; name: string; occupancy: number };

/**
 * A baby home's manager admits a referred child, the clock reaches the child's 7th birthday,
 * the deadline shows, and the child moves to a Shishu Paribar; every step on the case file.
 */
describe('institutions in the web app', () => {
  let browser: Browser;
  let national: Session;
  beforeAll(async () => {
    browser = await launch();
    national = await apiSession('national');
  });
  afterAll(async () => {
    // Back to real time for whatever runs next.
    await api(national, 'PUT', '/api/v1/admin/clock', { at: null }).catch(() => undefined);
    await browser?.close();
  });

  it('admits from a referral, alerts at 7, transfers to a Shishu Paribar, and the case timeline shows each step', async () => {
    const caseworker = await apiSession('kurigram.caseworker');
    const manager = await apiSession('babyhome.manager');
    const spManager = await apiSession('institution.manager');
    const created = await api<{ id: string }>(caseworker, 'POST', '/api/v1/cases', {
      child: { names: [{ text: 'আরিফ হোসেন' }, { text: 'Arif Hossain' }], sex: 'male', ageYears: 6, geoCode: '554952', disabilities: [] },
      concerns: ['family.separation'], riskLevel: 'medium', source: 'police', reportedOn: new Date().toISOString().slice(0, 10),
    });
    const services = await api<{ items: Array<{ id: string; name: { en: string } }> }>(caseworker, 'GET', '/api/v1/services?category=shelter');
    const service = services.items.find((s) => s.name.en === 'Residential care for children under 7')!;
    await api(caseworker, 'POST', `/api/v1/cases/${created.id}/referrals`, { serviceId: service.id, reason: 'Found alone at Kurigram station; no family traced yet' });
    const babyHome = (await api<{ items: Facility[] }>(manager, 'GET', '/api/v1/institutions/mine')).items[0]!;
    const spId = (await api<{ items: Facility[] }>(spManager, 'GET', '/api/v1/institutions/mine')).items[0]!.id;
    // As the baby home's manager reads it (in English).
    const shishuParibar = await api<Facility>(manager, 'GET', `/api/v1/facilities/${spId}`);

    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await stage('the manager admits the child from the referral, and the occupancy moves by one', async () => {
      await signIn(page, 'babyhome.manager');
      await page.waitForSelector('main.content h1');
      await page.goto(`${baseUrl()}/referrals`);
      const card = page.locator('.case-card', { hasText: 'Found alone at Kurigram station' });
      await card.getByRole('link', { name: 'Admit to your facility' }).click();
      await page.waitForSelector('h1:has-text("Admit a child")');
      await page.getByRole('button', { name: 'Admit', exact: true }).click();
      await page.waitForSelector(`h1:has-text("${babyHome.name}")`);
      await page.locator('[data-resident="আরিফ হোসেন"]').waitFor();
      await page.locator(`dd [data-occupancy="${babyHome.occupancy + 1}"]`).waitFor();
    });

    await stage("the clock reaches the child's 7th birthday and the deadline appears", async () => {
      const residents = await api<{ items: Array<{ child: { name: string; dateOfBirth: string } }> }>(manager, 'GET', `/api/v1/facilities/${babyHome.id}/residents`);
      const dob = residents.items.find((r) => r.child.name === 'আরিফ হোসেন')!.child.dateOfBirth;
      const birthday = `${Number(dob.slice(0, 4)) + 7}${dob.slice(4)}`;
      await api(national, 'PUT', '/api/v1/admin/clock', { at: `${birthday}T06:00:00Z` });
      await page.reload();
      await page.locator('[data-alerts] li', { hasText: 'আরিফ হোসেন' }).waitFor();
      expect(await page.locator('[data-alerts] li', { hasText: 'আরিফ হোসেন' }).innerText()).toContain('Turns 7');
    });

    await stage('the manager transfers the child to the Shishu Paribar; both occupancies are right', async () => {
      const resident = page.locator('[data-resident="আরিফ হোসেন"]');
      await resident.getByRole('button', { name: 'Transfer' }).click();
      await resident.getByLabel('To facility').first().fill('Kurigram');
      const select = resident.locator('select');
      await select.locator('option', { hasText: shishuParibar.name }).waitFor({ state: 'attached' });
      const value = await select.locator('option', { hasText: shishuParibar.name }).getAttribute('value');
      await select.selectOption(value!);
      await resident.getByLabel('Why the child moves').fill('Turned 7: the Shishu Paribar of his home district takes him');
      await resident.getByRole('button', { name: 'Move the child' }).click();
      await page.locator('[data-resident="আরিফ হোসেন"]').waitFor({ state: 'detached' });
      await page.locator(`dd [data-occupancy="${babyHome.occupancy}"]`).waitFor();
      const after = await api<Facility>(spManager, 'GET', `/api/v1/facilities/${shishuParibar.id}`);
      expect(after.occupancy).toBe(shishuParibar.occupancy + 1);
    });

    await stage("the case file's timeline shows the admission and the transfer", async () => {
      await page.context().clearCookies();
      await signIn(page, 'kurigram.caseworker');
      await page.waitForSelector('main.content h1');
      await page.goto(`${baseUrl()}/cases/${created.id}?tab=history`);
      const timeline = page.locator('ol.timeline');
      await timeline.waitFor();
      const text = await timeline.innerText();
      expect(text).toContain('প্রতিষ্ঠানে ভর্তি');
      expect(text).toContain('অন্য প্রতিষ্ঠানে স্থানান্তর');
      expect(text).toContain('শিশু পরিবার');
    });
    await context.close();
    await api(national, 'PUT', '/api/v1/admin/clock', { at: null });
  }, 180_000);

  it('takes in a child who arrives with no case: the admission opens the case for the local team', async () => {
    const manager = await apiSession('babyhome.manager');
    const babyHome = (await api<{ items: Facility[] }>(manager, 'GET', '/api/v1/institutions/mine')).items[0]!;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'babyhome.manager');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/facilities/${babyHome.id}`);
    await page.getByRole('link', { name: 'A child arriving with no case' }).click();
    await page.waitForSelector('h1:has-text("A child arriving with no case")');
    await page.getByLabel("Child’s name").fill('Rupa Begum');
    await page.getByLabel('Age in years').fill('4');
    const box = page.locator('input[name=concerns][value="family.separation"]');
    if (!(await box.isVisible())) await page.locator('details.concern-group:has(input[value="family.separation"]) > summary').click();
    await box.check();
    await page.getByLabel('What happened').fill('Left at the gate before dawn');
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await page.waitForSelector(`h1:has-text("${babyHome.name}")`);
    await page.locator('[data-resident="Rupa Begum"]').waitFor();
    const residents = await api<{ items: Array<{ child: { name: string }; case: { id: string } | null; basis: string }> }>(manager, 'GET', `/api/v1/facilities/${babyHome.id}/residents`);
    const rupa = residents.items.find((r) => r.child.name === 'Rupa Begum')!;
    expect(rupa.basis).toBe('emergency');
    const file = await api<{ timeline: Array<{ kind: string }> }>(national, 'GET', `/api/v1/cases/${rupa.case!.id}`);
    expect(file.timeline.map((e) => e.kind)).toContain('institution_admitted');
    await context.close();
  }, 120_000);

  it("moves a Shishu Paribar resident on to the next care phase from the facility page", async () => {
    const spManager = await apiSession('institution.manager');
    const sp = (await api<{ items: Facility[] }>(spManager, 'GET', '/api/v1/institutions/mine')).items[0]!;
    const residents = await api<{ items: Array<{ child: { name: string }; phases: Array<{ key: string }> }> }>(spManager, 'GET', `/api/v1/facilities/${sp.id}/residents`);
    // A child whose name no other resident here shares, still in the first phase.
    const named = (n: string) => residents.items.filter((r) => r.child.name === n).length;
    const child = residents.items.find((r) => r.phases.at(-1)?.key === 'housing_health' && named(r.child.name) === 1)!;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'institution.manager');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/facilities/${sp.id}`);
    const card = page.locator(`[data-resident="${child.child.name}"]`);
    await card.locator('[data-phase="housing_health"]').waitFor();
    await card.getByRole('button', { name: 'পরের ধাপ' }).click();
    await card.locator('select[name=phase]').selectOption('education');
    await card.getByRole('button', { name: 'এই ধাপে নিন' }).click();
    await card.locator('[data-phase="education"]').waitFor();
    await context.close();
  }, 120_000);

  it('lets the district officer register an orphanage and correct its seats from the web app', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/facilities`);
    await page.locator('a[href="/facilities/new"]').click();
    await page.locator('input[name=nameEn]').waitFor();
    await page.selectOption('select[name=type]', 'ngo_orphanage');
    await page.fill('input[name=nameEn]', 'Ulipur Girls Home');
    await page.fill('input[name=nameLocal]', 'উলিপুর বালিকা নিবাস');
    await page.fill('#f-operator-q', 'Kurigram');
    const operator = page.locator('select[name=operator] option').nth(1);
    await operator.waitFor({ state: 'attached' });
    await page.selectOption('select[name=operator]', (await operator.getAttribute('value'))!);
    await page.fill('.unit-picker input', 'Ulipur');
    // Choosing a place closes the list and names the place.
    await page.locator('.unit-choices input[type=radio]').first().click();
    await page.locator('.unit-picker .chosen').waitFor();
    await page.selectOption('select[name=sexServed]', 'female');
    await page.fill('input[name=seats]', '35');
    await page.locator('form button[type=submit]').click();
    await page.waitForSelector('h1:has-text("উলিপুর বালিকা নিবাস")');
    const id = page.url().split('/facilities/')[1]!;
    await page.locator('dd [data-occupancy="0"]').waitFor();
    await page.locator(`a[href="/facilities/${id}/edit"]`).click();
    await page.locator('input[name=seats]').waitFor();
    await page.fill('input[name=seats]', '40');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${baseUrl()}/facilities/${id}`);
    const officer = await apiSession('kurigram.officer');
    const saved = await api<{ seats: number; sexServed: string; type: string }>(officer, 'GET', `/api/v1/facilities/${id}`);
    expect(saved).toMatchObject({ seats: 40, sexServed: 'female', type: 'ngo_orphanage' });
    await context.close();
  }, 120_000);

  it("puts an orphanage's child on its capitation grant from the facility page", async () => {
    const officer = await apiSession('kurigram.officer');
    const orphanages = await api<{ items: Facility[] }>(officer, 'GET', '/api/v1/facilities?type=ngo_orphanage&place=5549');
    const orphanage = orphanages.items.at(-1)!;
    const residents = await api<{ items: Array<{ child: { name: string }; grantEnrolled: boolean | null }> }>(officer, 'GET', `/api/v1/facilities/${orphanage.id}/residents`);
    const named = (n: string) => residents.items.filter((r) => r.child.name === n).length;
    const child = residents.items.find((r) => r.grantEnrolled === false && named(r.child.name) === 1)!;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/facilities/${orphanage.id}`);
    const card = page.locator(`[data-resident="${child.child.name}"]`);
    await card.getByRole('button', { name: 'ক্যাপিটেশন গ্রান্টে তালিকাভুক্ত করুন' }).click();
    await card.locator('[data-grant="enrolled"]').waitFor();
    await context.close();
  }, 120_000);

  it('lets the district officer record an inspection against the care standards from the facility page', async () => {
    const officer = await apiSession('kurigram.officer');
    const orphanage = (await api<{ items: Facility[] }>(officer, 'GET', '/api/v1/facilities?type=ngo_orphanage&place=5549')).items[1]!;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/facilities/${orphanage.id}`);
    await page.getByRole('button', { name: 'পরিদর্শন লিখুন' }).click();
    const boxes = page.locator('[data-standard] input[type=checkbox]');
    expect(await boxes.count()).toBe(14);
    for (let i = 0; i < 7; i++) await boxes.nth(i).check();
    await page.getByRole('button', { name: 'পরিদর্শন সংরক্ষণ করুন' }).click();
    await page.locator('[data-inspections] [data-score="50"]').waitFor();
    await context.close();
  }, 120_000);

  it("puts the month's flagged claims first for the district officer, who checks the sample in person and approves", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/grants`);
    const first = page.locator('[data-claim]').first();
    await first.waitFor();
    // The orphanage whose list shares children with another comes before the clean ones.
    expect(await first.getAttribute('class')).toContain('risk-high');
    expect(await first.innerText()).toContain('অন্য এতিমখানার তালিকাতেও আছে');
    await first.locator('a').click();
    await page.waitForSelector('[data-line]');
    const groups = page.locator('[data-line] [role=group]');
    for (let i = 0; i < (await groups.count()); i++) {
      await groups.nth(i).getByRole('button', { name: 'উপস্থিত' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-line] [role=group] button[aria-pressed=true]').length >= n, i + 1);
    }
    await page.getByRole('button', { name: 'অনুমোদন করুন' }).click();
    await page.locator('[data-status="approved"]').waitFor();
    await context.close();
  }, 120_000);
});

