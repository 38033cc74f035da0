// The command palette and the keyboard: open an event by a pasted id, switch profile, run a screen
// action, `g e`, `?`, j/k/Enter on a list screen, Portuguese texts, axe on the palette and the
// shortcuts modal in both themes.
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { axeProblems } from './axe';
import { DriversPage } from './pages/drivers-page';
import { EventsPage } from './pages/EventsPage';
import { PalettePage } from './pages/palette-page';
import { ShellPage } from './pages/ShellPage';
import { seedProfile, seedSandboxProfile } from './support';

test.describe.configure({ timeout: 120_000 });

test('a pasted event id opens that event; the open is offered again under Recent', async ({ app }) => {
  await seedSandboxProfile(app);
  const newest = await app.session.call('events:list', { limit: 1 });
  const event = newest.items[0];
  if (!event) throw new Error('The demo seed has no events');
  await app.open('/overview');
  const palette = new PalettePage(app.page);
  await palette.openWithKeyboard();
  await palette.type(`  ${event.id} `);
  const open = palette.action('palette-open-event');
  await expect(open).toContainText(`Open event ${event.id}`);
  // Fully keyboard-driven: the lookup is the first item (a fresh profile has no recent opens).
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('Enter');
  await expect(app.page).toHaveURL(new RegExp(`#/events\\?.*event=${encodeURIComponent(event.id)}`));
  await expect(new EventsPage(app.page).detail).toHaveAttribute('data-event-id', event.id);

  await app.page.keyboard.press('Escape'); // close the drawer
  await palette.button.click();
  await expect(palette.action('palette-open-event').first()).toContainText(event.name);
});

test('the palette switches profile', async ({ app }) => {
  await seedSandboxProfile(app, 'Primeiro');
  const second = await seedProfile(app, { name: 'Segunda Loja', baseUrl: app.sandbox.baseUrl, environment: 'staging' });
  await app.open('/settings');
  const palette = new PalettePage(app.page);
  await palette.button.click();
  await palette.type('Segunda');
  await palette.action(`palette-profile-${second.id}`).click();
  await expect(new ShellPage(app.page).activeProfileName).toHaveText('Segunda Loja');
  expect((await app.session.call('profiles:list', {})).activeId).toBe(second.id);
});

test('the palette runs the screen actions: live tail on and off, refresh, export, redeliver (through its confirmation)', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/events');
  const events = new EventsPage(app.page);
  await expect(app.page.getByTestId('events-count')).toBeVisible();
  const toggle = app.page.getByTestId('live-tail-toggle');
  await expect(toggle).not.toBeChecked();
  const palette = new PalettePage(app.page);
  await palette.openWithKeyboard();
  await palette.type('live');
  await palette.action('palette-action-events.liveTail').click();
  await expect(toggle).toBeChecked();
  await palette.openWithKeyboard();
  await palette.action('palette-action-events.liveTail').click();
  await expect(toggle).not.toBeChecked();

  // Refresh fixes a new anchor for the list: a new events:list request with the same filters.
  const listCalls = () => app.session.records.filter((r) => r.direction === 'in' && r.channel === 'events:list').length;
  const before = listCalls();
  await palette.openWithKeyboard();
  await palette.type('');
  await palette.action('palette-action-events.refresh').click();
  await expect.poll(listCalls).toBeGreaterThan(before);
  await expect(events.rows.first()).toBeVisible();

  // Export goes through main's save dialog, as from the menu.
  app.session.fakes.dialog.prepareOpen(join(app.session.userDataDir, 'palette-export.ndjson'));
  await palette.openWithKeyboard();
  await palette.action('palette-action-events.exportNdjson').click();
  await expect(events.jobCard('export')).toBeVisible();

  // Redeliver the open event: the palette raises the same confirmation as the button; cancelling it sends nothing.
  await events.openFirstRow();
  await palette.openWithKeyboard();
  await palette.type('redeliver');
  await palette.action('palette-action-events.redeliver').click();
  await expect(events.confirmDialog).toBeVisible();
  await app.page.getByTestId('confirm-cancel').click();
  await expect(events.confirmDialog).toBeHidden();
  expect(app.session.records.some((r) => r.direction === 'in' && r.channel === 'events:redeliver')).toBe(false);
});

test('g e goes to Events; ? lists the global and the screen shortcuts; they do not fire while typing', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/overview');
  await app.page.locator('body').press('g');
  await app.page.keyboard.press('e');
  await expect(app.page.getByTestId('events-screen')).toBeVisible();

  // Typing "g" then "r" in the search box stays in the box.
  const nameFilter = app.page.getByTestId('filter-name');
  await nameFilter.click();
  await app.page.keyboard.type('gr');
  await expect(nameFilter).toHaveValue('gr');
  await expect(app.page.getByTestId('events-screen')).toBeVisible();
  await nameFilter.blur();

  await app.page.keyboard.press('Shift+?');
  const palette = new PalettePage(app.page);
  await expect(palette.shortcutsModal).toBeVisible();
  await expect(palette.shortcutsModal.getByTestId('shortcuts-global')).toContainText('Go to Drivers');
  await expect(palette.shortcutsModal.getByTestId('shortcuts-screen')).toContainText('Open the selected row');
  await app.page.keyboard.press('Escape');
  await expect(palette.shortcutsModal).toBeHidden();

  await app.page.keyboard.press('g');
  await app.page.keyboard.press('r');
  await expect(app.page.getByTestId('drivers-screen')).toBeVisible();
});

test('j/k/Enter on Drivers open the selected row; / focuses the search; Esc closes the panel', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await expect(drivers.table).toBeVisible();
  const slugs = await drivers.rowSlugs();
  const second = slugs[1];
  if (!second) throw new Error('The demo seed has fewer than two drivers');
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('k');
  await app.page.keyboard.press('j');
  await expect(drivers.row(second)).toHaveAttribute('data-active', 'true');
  await app.page.keyboard.press('Enter');
  await expect(drivers.detail).toBeVisible();
  await expect(app.page).toHaveURL(/driver=/);
  await app.page.keyboard.press('Escape');
  await expect(drivers.detail).toBeHidden();
  await app.page.keyboard.press('/');
  await expect(app.page.getByTestId('drivers-filter-name')).toBeFocused();
});

test('Deliveries shares the list keys: j then Enter opens the attempt, Esc closes it', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/deliveries');
  const rows = app.page.getByTestId('dispatch-row');
  await expect(rows.first()).toBeVisible();
  await app.page.keyboard.press('j');
  await expect(rows.first()).toHaveAttribute('data-active', 'true');
  await app.page.keyboard.press('Enter');
  const drawer = app.page.getByRole('dialog', { name: 'Delivery attempt' });
  await expect(drawer).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await app.page.keyboard.press('/');
  await expect(app.page.getByTestId('dispatch-filter-event')).toBeFocused();
});

test('in Portuguese the palette and the shortcuts speak Portuguese', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.session.call('settings:update', { language: 'pt-BR' });
  await app.open('/events');
  const palette = new PalettePage(app.page);
  await expect(palette.button).toHaveText(/Comandos/);
  await palette.openWithKeyboard();
  await expect(palette.search).toHaveAttribute('placeholder', 'Vá para uma tela, cole um id, digite um nome…');
  await expect(palette.action('palette-go-events')).toContainText('Ir para Eventos');
  await expect(palette.action('palette-action-events.liveTail')).toContainText('Ligar o acompanhamento ao vivo');
  await palette.type('zzzz nada');
  await expect(app.page.getByText('Nada encontrado. Cole um id inteiro para buscá-lo.')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(palette.search).toBeHidden();
  await app.page.keyboard.press('Shift+?');
  await expect(palette.shortcutsModal).toContainText('Atalhos de teclado');
  await expect(palette.shortcutsModal.getByTestId('shortcuts-screen')).toContainText('Abrir a linha selecionada');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the open palette and the shortcuts modal (${theme}) have no serious or critical violations`, async ({ app }) => {
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { theme });
    await app.open('/events');
    await expect(app.page.getByTestId('events-count')).toBeVisible();
    const palette = new PalettePage(app.page);
    await palette.openWithKeyboard();
    await expect(palette.action('palette-go-overview')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
    await app.page.keyboard.press('Escape');
    await expect(palette.search).toBeHidden();
    await app.page.keyboard.press('Shift+?');
    await expect(palette.shortcutsModal).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
    await app.page.keyboard.press('Escape');
    await expect(palette.shortcutsModal).toBeHidden();

    // The keyboard selection's highlight keeps the row readable.
    await app.page.keyboard.press('g');
    await app.page.keyboard.press('r');
    const drivers = new DriversPage(app.page);
    await expect(drivers.table).toBeVisible();
    await app.page.keyboard.press('j');
    await expect(drivers.table.locator('tr[data-active]')).toHaveCount(1);
    expect(await axeProblems(app.page, ['[data-testid="drivers-table"]'])).toEqual([]);
  });
}
