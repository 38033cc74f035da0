// The keys that work on every screen: `g` then a letter changes screen (go-to.ts), `?` lists every
// shortcut of the current screen (global ones + what the screen registered), Ctrl/Cmd+K is the
// palette (CommandPalette). None fires while the operator types in a field.
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navScreens } from '../app/screens';
import { useRegisteredCommands, type ScreenShortcut } from '../palette/registry';
import { GO_TO_WINDOW_MS, goToLetters, screenForLetter } from './go-to';
import { isTypingTarget } from './typing';

function Keys({ keys }: { keys: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key, i) => (
        <Kbd key={i} size="xs">
          {key}
        </Kbd>
      ))}
    </Group>
  );
}

function ShortcutTable({ caption, rows, testId }: { caption: string; rows: ScreenShortcut[]; testId: string }) {
  return (
    <Table data-testid={testId} mb="md">
      <caption style={{ textAlign: 'start', fontWeight: 700, paddingBottom: 4 }}>{caption}</caption>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.keys.join(' ') + row.label}>
            <Table.Td w={120}>
              <Keys keys={row.keys} />
            </Table.Td>
            <Table.Td>{row.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function GlobalKeys() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [helpOpened, help] = useDisclosure(false);
  const { shortcuts } = useRegisteredCommands();
  const pendingSince = useRef<number | null>(null);

  // `g` then a letter, within a short window. A plain listener: useHotkeys matches one key, not a sequence.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      const since = pendingSince.current;
      if (since !== null && Date.now() - since <= GO_TO_WINDOW_MS) {
        pendingSince.current = null;
        const screen = navScreens().find((s) => s.id === screenForLetter(event.key));
        if (screen) {
          event.preventDefault();
          void navigate({ to: screen.path });
          return;
        }
      }
      pendingSince.current = event.key === 'g' && !event.shiftKey ? Date.now() : null;
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  // '?' is Shift+/ on most layouts and a plain key on some.
  useHotkeys([
    ['shift+?', help.open],
    ['?', help.open],
  ]);

  const mod = /Mac/i.test(navigator.platform) ? '⌘' : 'Ctrl';
  const global: ScreenShortcut[] = [
    { keys: [mod, 'K'], label: t('shortcuts.global.palette') },
    { keys: ['?'], label: t('shortcuts.global.help') },
    ...navScreens().map((s) => ({ keys: ['g', goToLetters[s.id]], label: t('shortcuts.global.goTo', { screen: t(`nav.${s.id}`) }) })),
  ];

  return (
    <Modal opened={helpOpened} onClose={help.close} title={t('shortcuts.title')} size="lg" data-testid="shortcuts-modal">
      <ShortcutTable caption={t('shortcuts.globalCaption')} rows={global} testId="shortcuts-global" />
      {shortcuts.length > 0 ? (
        <ShortcutTable caption={t('shortcuts.screenCaption')} rows={shortcuts} testId="shortcuts-screen" />
      ) : (
        <Text size="sm" c="dimmed" data-testid="shortcuts-screen-none">
          {t('shortcuts.screenNone')}
        </Text>
      )}
    </Modal>
  );
}
