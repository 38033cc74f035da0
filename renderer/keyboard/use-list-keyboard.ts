// The list keys every list screen shares (Events, Deliveries, Drivers, Installations, Webhooks, Activity): j/k move the selection,
// Enter opens the selected row, / focuses the search, Esc closes the open item or clears the
// selection. Registers the same keys for the `?` modal.
import { useHotkeys } from '@mantine/hooks';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreenShortcuts } from '../palette/registry';
import { isActivatable } from './typing';

export interface ListKeyboardOptions {
  /** Rows currently loaded. */
  count: number;
  /** Whether a row is open (drawer/panel): Enter does nothing then, Esc closes it. */
  isOpen: boolean;
  onOpen: (index: number) => void;
  onClose: () => void;
  /** The search/filter input `/` focuses. */
  searchRef?: RefObject<HTMLInputElement | null>;
}

export function useListKeyboard({ count, isOpen, onOpen, onClose, searchRef }: ListKeyboardOptions) {
  const { t } = useTranslation();
  const [activeIndex, setActiveIndex] = useState(-1);
  const open = (index: number) => {
    setActiveIndex(index);
    onOpen(index);
  };
  useHotkeys([
    ['j', () => setActiveIndex((i) => Math.min(count - 1, i + 1))],
    ['k', () => setActiveIndex((i) => Math.max(0, i - 1))],
    // Enter opens the selected row — unless focus is on something Enter already activates (a link,
    // a button, a focusable row): no preventDefault, so the browser still does that.
    ['Enter', (event) => activeIndex >= 0 && activeIndex < count && !isOpen && !isActivatable(event.target) && open(activeIndex), { preventDefault: false }],
    ['/', () => searchRef?.current?.focus()],
    ['Escape', () => (isOpen ? onClose() : setActiveIndex(-1))],
  ]);
  useScreenShortcuts([
    { keys: ['j'], label: t('shortcuts.list.next') },
    { keys: ['k'], label: t('shortcuts.list.previous') },
    { keys: ['Enter'], label: t('shortcuts.list.open') },
    ...(searchRef ? [{ keys: ['/'], label: t('shortcuts.list.search') }] : []),
    { keys: ['Esc'], label: t('shortcuts.list.close') },
  ]);
  return { activeIndex, setActiveIndex, open };
}
