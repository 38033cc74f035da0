// What the current screen offers the command palette and the shortcuts list. Screens register
// their actions (`usePaletteActions`) and keys (`useScreenShortcuts`) while mounted; the shell's
// palette and `?` modal read them. Two contexts: the writer is stable, so a screen registering
// never re-renders itself, only the readers.
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';

/** A screen action the palette can run: the same UI action its button triggers (confirmations included). */
export interface PaletteAction {
  id: string;
  /** Already translated. */
  label: string;
  run: () => void;
}

/** One key (or key sequence) of the current screen, for the `?` modal. */
export interface ScreenShortcut {
  keys: string[];
  /** Already translated. */
  label: string;
}

interface Registration {
  actions: PaletteAction[];
  shortcuts: ScreenShortcut[];
}

interface Writer {
  set(owner: string, part: Partial<Registration>): void;
  remove(owner: string, part: keyof Registration): void;
}

const WriterContext = createContext<Writer | null>(null);
const ReaderContext = createContext<Registration>({ actions: [], shortcuts: [] });

export function PaletteRegistryProvider({ children }: { children: ReactNode }) {
  const [owners, setOwners] = useState<ReadonlyMap<string, Registration>>(new Map());
  const writer = useMemo<Writer>(
    () => ({
      set: (owner, part) =>
        setOwners((prev) => {
          const next = new Map(prev);
          next.set(owner, { actions: [], shortcuts: [], ...prev.get(owner), ...part });
          return next;
        }),
      remove: (owner, part) =>
        setOwners((prev) => {
          const entry = prev.get(owner);
          if (!entry) return prev;
          const next = new Map(prev);
          const rest = { ...entry, [part]: [] };
          if (rest.actions.length === 0 && rest.shortcuts.length === 0) next.delete(owner);
          else next.set(owner, rest);
          return next;
        }),
    }),
    [],
  );
  const merged = useMemo<Registration>(() => {
    const all = [...owners.values()];
    return { actions: all.flatMap((r) => r.actions), shortcuts: all.flatMap((r) => r.shortcuts) };
  }, [owners]);
  return (
    <WriterContext.Provider value={writer}>
      <ReaderContext.Provider value={merged}>{children}</ReaderContext.Provider>
    </WriterContext.Provider>
  );
}

/** The current screen's actions and shortcuts (palette, `?` modal). */
export function useRegisteredCommands(): Registration {
  return useContext(ReaderContext);
}

/**
 * Offers `actions` in the palette while the calling component is mounted. `run` always calls the
 * latest closure; the registration changes only when an id or label does.
 */
export function usePaletteActions(actions: PaletteAction[]): void {
  const writer = useContext(WriterContext);
  const owner = useId();
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const signature = actions.map((a) => `${a.id}\u0000${a.label}`).join('\u0001');
  useEffect(() => {
    if (!writer) return;
    const stable = latest.current.map((a) => ({ id: a.id, label: a.label, run: () => latest.current.find((x) => x.id === a.id)?.run() }));
    writer.set(owner, { actions: stable });
    return () => writer.remove(owner, 'actions');
  }, [writer, owner, signature]);
}

/** Lists `shortcuts` in the `?` modal while the calling component is mounted. */
export function useScreenShortcuts(shortcuts: ScreenShortcut[]): void {
  const writer = useContext(WriterContext);
  const owner = useId();
  const signature = JSON.stringify(shortcuts);
  useEffect(() => {
    if (!writer) return;
    writer.set(owner, { shortcuts: JSON.parse(signature) as ScreenShortcut[] });
    return () => writer.remove(owner, 'shortcuts');
  }, [writer, owner, signature]);
}
