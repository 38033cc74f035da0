// Main's texts follow the app's language: every native dialog's builder, in English and Portuguese,
// and the services wiring (the settings' language, or the OS locale for `system`, read at each ask).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../shared/ipc/channels/profiles';
import { createFakeSafeStorage } from '../test/support/fake-safe-storage';
import { createActivityHandlers } from './activity/handlers';
import { englishTranslator, liveTranslator, mainTranslator } from './i18n';
import { createJobsService } from './jobs/jobs-service';
import { unlockConfirmation, updateConfirmation, type ConfirmRequest } from './native-confirm';
import { openExternalDialogText } from './open-external';
import { createMainServices, type MainServices } from './services';
import { withTokenFromSource } from './vault/token-sources';

const pt = mainTranslator('pt-BR');
const en = mainTranslator('en');

const production: Profile = {
  id: 'p1',
  name: 'Loja Centro',
  baseUrl: 'https://api.example.com/v1',
  color: '#c92a2a',
  environment: 'production',
  readOnly: true,
  writesUnlockedUntil: null,
} as Profile;

describe('the translator', () => {
  it('interpolates and falls back to English, and refuses an unknown key', () => {
    expect(pt('openExternal.message', { host: 'x.com' })).toBe('Abrir uma página em x.com?');
    expect(en('openExternal.message', { host: 'x.com' })).toBe('Open a page on x.com?');
    expect(() => en('no.such.key')).toThrow(/main\.no\.such\.key/);
  });
  it('follows the settings choice live, and the OS locale for system', () => {
    let choice = 'system';
    const t = liveTranslator(() => choice, 'pt-PT');
    expect(t('cancel')).toBe('Cancelar');
    choice = 'en';
    expect(t('cancel')).toBe('Cancel');
    expect(liveTranslator(() => 'system', 'en-US')('cancel')).toBe('Cancel');
    expect(liveTranslator(() => 'pt-BR', 'en-US')('cancel')).toBe('Cancelar');
  });
});

describe('the safety gates ask in the app language', () => {
  it('unlocking writes', () => {
    expect(unlockConfirmation(production, 15, pt)).toMatchObject({
      message: 'Permitir alterações em "Loja Centro" (production) por 15 minutos?',
      detail: 'Este perfil é somente leitura. Por 15 minutos o console poderá alterar a conta em https://api.example.com.\nConfirme apenas se você pediu isto no console agora há pouco.',
      confirmLabel: 'Permitir alterações',
      cancelLabel: 'Cancelar',
      title: 'Console Integrações Inteligentes',
    });
    expect(unlockConfirmation(production, 15, en)).toMatchObject({
      message: 'Allow changes on "Loja Centro" (production) for 15 minutes?',
      confirmLabel: 'Allow changes',
      cancelLabel: 'Cancel',
    });
    expect(unlockConfirmation(production, 15)).toEqual(unlockConfirmation(production, 15, englishTranslator));
  });
  it('changing the origin, the environment and read-only of a production profile', () => {
    const input = { id: 'p1', baseUrl: 'https://other.example.net/v1', environment: 'staging' as const, readOnly: false };
    const kinds = ['read_only_off', 'production_base_url', 'production_environment'] as ConfirmRequest['kinds'];
    const ptAsk = updateConfirmation(production, input, kinds, pt);
    expect(ptAsk.message).toBe('Alterar as configurações de segurança de produção de "Loja Centro" (production)?');
    expect(ptAsk.detail.split('\n')).toEqual([
      '• Desligar o somente leitura: alterações em https://api.example.com passam a ser permitidas a qualquer momento.',
      '• URL base: https://api.example.com/v1 → https://other.example.net/v1',
      '  O servidor muda de https://api.example.com para https://other.example.net; o token fica com https://api.example.com e é removido deste perfil.',
      '• Ambiente: produção → staging',
      '',
      'Perfil: Loja Centro · production · https://api.example.com',
      'Confirme apenas se você pediu isto no console agora há pouco.',
    ]);
    expect([ptAsk.confirmLabel, ptAsk.cancelLabel]).toEqual(['Alterar perfil', 'Cancelar']);
    const enAsk = updateConfirmation(production, input, kinds, en);
    expect(enAsk.detail).toContain('The server changes from https://api.example.com to https://other.example.net');
    expect([enAsk.confirmLabel, enAsk.cancelLabel]).toEqual(['Change profile', 'Cancel']);
  });
});

describe('the other native dialogs', () => {
  it('opening a link outside the vendor hosts', () => {
    expect(openExternalDialogText('x.com', 'https://x.com/a', pt)).toEqual({
      buttons: ['Cancelar', 'Abrir no navegador'],
      message: 'Abrir uma página em x.com?',
      detail: 'Este link não é do Dashboard nem da documentação da Integrações Inteligentes:\nhttps://x.com/a',
    });
    expect(openExternalDialogText('x.com', 'https://x.com/a', en).buttons).toEqual(['Cancel', 'Open in browser']);
  });

  it('choosing the token file', async () => {
    const asked: Array<{ title?: string; filters?: Array<{ name: string }> }> = [];
    const dialog = { showOpenDialog: async (options: (typeof asked)[number]) => (asked.push(options), { canceled: true, filePaths: [] }) };
    const deps = { clipboard: { readText: () => '', clear: () => undefined }, env: {}, dialog };
    await withTokenFromSource('file', { ...deps, t: pt }, async () => 'x');
    await withTokenFromSource('file', { ...deps, t: en }, async () => 'x');
    expect(asked.map((a) => [a.title, ...(a.filters ?? []).map((f) => f.name)])).toEqual([
      ['Escolha o arquivo com o token da API', 'Arquivos de token', 'Todos os arquivos'],
      ['Choose the file holding the API token', 'Token files', 'All files'],
    ]);
  });

  it('exporting events and the activity log', async () => {
    const titles: Array<string | undefined> = [];
    const dialog = { showSaveDialog: async (options: { title?: string }) => (titles.push(options.title), { canceled: true }) };
    for (const t of [pt, en]) {
      const jobs = createJobsService({
        activeProfile: () => ({ id: 'p1', name: 'Loja' }),
        clientFor: () => ({}) as never,
        dialog,
        t,
        emit: () => undefined,
      });
      expect(await jobs.startExport({}, 'csv')).toBeNull();
      const activity = createActivityHandlers({ log: { query: async () => [] } as never, dialog, t });
      await activity['activity:export']({ format: 'csv' } as never, {} as never);
    }
    expect(titles).toEqual(['Exportar eventos', 'Exportar o registro de atividade', 'Export events', 'Export activity log']);
  });
});

describe('main services ask in the language of the settings', () => {
  let dir = '';
  let services: MainServices | null = null;
  afterEach(async () => {
    await services?.close();
    services = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('system follows the OS locale; a chosen language wins from the next ask on', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ii-main-i18n-'));
    const asked: ConfirmRequest[] = [];
    services = await createMainServices({
      userDataDir: dir,
      safeStorage: createFakeSafeStorage(),
      platform: 'linux',
      clipboard: { readText: () => '', clear: () => undefined },
      dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
      shell: { openExternal: async () => undefined },
      env: {},
      appInfo: { version: '0.0.0-test', platform: 'linux', locale: 'pt-BR', isPackaged: false },
      appOrigin: 'app://console',
      confirmChange: async (request) => (asked.push(request), false),
    });
    const top = { id: 7, frameUrl: 'app://console/index.html', isTopFrame: true };
    services.windows.add(top.id);
    let n = 0;
    const call = (channel: string, input: unknown) => services!.dispatcher.dispatch(channel, { requestId: `r${++n}`, input }, top);
    const created = (await call('profiles:create', { name: 'Loja Centro', baseUrl: 'https://api.example.com/v1', environment: 'production', readOnly: true })) as {
      data: { id: string };
    };
    await call('profiles:unlockWrites', { profileId: created.data.id, minutes: 15 });
    await call('settings:update', { language: 'en' });
    await call('profiles:unlockWrites', { profileId: created.data.id, minutes: 15 });
    expect(asked.map((a) => a.cancelLabel)).toEqual(['Cancelar', 'Cancel']);
    expect(services.translate('dialogs.exportEvents')).toBe('Export events');
  });
});
