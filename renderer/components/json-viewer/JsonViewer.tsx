/// <reference types="vite/client" />
// The payload viewer: fold/unfold, search (matches highlighted, ancestors opened, n/N to step),
// copy value, copy path, expand/collapse all. Lines are virtualized, so a multi-megabyte payload
// renders only what is on screen. The model lives in ./json-tree (pure, unit-tested).
import { ActionIcon, Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  copyableValue,
  formatPath,
  openAncestors,
  pathId,
  searchJson,
  setAll,
  valueAt,
  visibleLines,
  type JsonLine,
  type JsonPath,
} from './json-tree';
import classes from './json-viewer.module.css';

const LINE_HEIGHT = 22;
const INDENT_PX = 14;

export interface JsonViewerProps {
  value: unknown;
  /** Maximum height of the scrolling area in px; the viewer shrinks to fit smaller values. */
  maxHeight?: number;
  /** Containers deeper than this start folded. */
  defaultOpenDepth?: number;
  /** Accessible name, e.g. "Payload". */
  label: string;
  testId?: string;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function JsonViewer({ value, maxHeight = 480, defaultOpenDepth = 3, label, testId }: JsonViewerProps) {
  const { t } = useTranslation();
  const [overrides, setOverrides] = useState<Map<string, boolean>>(() => new Map());
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 150);
  const [current, setCurrent] = useState(0);
  const [copied, setCopied] = useState<string | null>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);

  const matches = useMemo(() => searchJson(value, debouncedQuery), [value, debouncedQuery]);
  const matchIds = useMemo(() => new Set(matches.map(pathId)), [matches]);

  // A new search opens the ancestors of every match so each one is a visible line.
  useEffect(() => {
    setCurrent(0);
    if (matches.length > 0) setOverrides((prev) => openAncestors(prev, matches));
  }, [matches]);

  const lines = useMemo(() => visibleLines(value, { overrides, defaultOpenDepth }), [value, overrides, defaultOpenDepth]);
  const currentId = matches[current] ? pathId(matches[current]) : null;

  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
  });

  useEffect(() => {
    if (!currentId) return;
    const index = lines.findIndex((l) => l.id === currentId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [currentId, lines, virtualizer]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const toggle = (path: JsonPath, open: boolean) =>
    setOverrides((prev) => new Map(prev).set(pathId(path), open));

  const copy = async (text: string, what: string) => {
    if (await writeClipboard(text)) setCopied(what);
  };

  const step = (delta: number) => {
    if (matches.length === 0) return;
    setCurrent((c) => (c + delta + matches.length) % matches.length);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
    if (event.key === 'Escape' && query) {
      event.stopPropagation();
      setQuery('');
    }
  };

  const height = Math.min(maxHeight, Math.max(lines.length, 1) * LINE_HEIGHT + 2);

  return (
    <div className={classes.viewer} data-testid={testId} role="region" aria-label={label}>
      <Group gap="xs" p={6} wrap="nowrap">
        <TextInput
          size="xs"
          flex={1}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
          placeholder={t('events.json.search')}
          aria-label={t('events.json.search')}
          data-testid={testId ? `${testId}-search` : undefined}
        />
        {debouncedQuery.trim() !== '' && (
          <Text size="xs" c="dimmed" aria-live="polite" data-testid={testId ? `${testId}-matches` : undefined}>
            {matches.length === 0 ? t('events.json.noMatches') : t('events.json.matchOf', { current: current + 1, total: matches.length })}
          </Text>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => step(-1)} disabled={matches.length === 0} aria-label={t('events.json.previousMatch')}>
          ↑
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => step(1)} disabled={matches.length === 0} aria-label={t('events.json.nextMatch')}>
          ↓
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setOverrides(setAll(value, true))}>
          {t('events.json.expandAll')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setOverrides(setAll(value, false))}>
          {t('events.json.collapseAll')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => void copy(JSON.stringify(value, null, 2), 'all')}>
          {t('events.json.copyAll')}
        </Button>
        <Text size="xs" c="teal" aria-live="polite" miw={60}>
          {copied ? t('events.json.copied') : ''}
        </Text>
      </Group>
      <div ref={scrollerRef} className={classes.scroller} style={{ height }} role="tree" aria-label={label}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index]!;
            const classNames = [classes.line];
            if (line.role !== 'close' && matchIds.has(line.id)) classNames.push(classes.match);
            if (line.role !== 'close' && line.id === currentId) classNames.push(classes.current);
            return (
              <div
                key={line.id}
                className={classNames.join(' ')}
                role="treeitem"
                aria-level={line.depth + 1}
                aria-expanded={line.role === 'open' ? true : line.role === 'closed' && line.size ? false : undefined}
                data-path={formatPath(line.path)}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, paddingLeft: line.depth * INDENT_PX }}
              >
                <LineContent line={line} onToggle={toggle} />
                {line.role !== 'close' && (
                  <span className={classes.actions}>
                    <Tooltip label={t('events.json.copyValue')} openDelay={400}>
                      <ActionIcon size="xs" variant="subtle" aria-label={`${t('events.json.copyValue')} ${formatPath(line.path)}`} onClick={() => void copy(copyableValue(valueAt(value, line.path)), 'value')}>
                        ⧉
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('events.json.copyPath')} openDelay={400}>
                      <ActionIcon size="xs" variant="subtle" aria-label={`${t('events.json.copyPath')} ${formatPath(line.path)}`} onClick={() => void copy(formatPath(line.path), 'path')}>
                        $
                      </ActionIcon>
                    </Tooltip>
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function LineContent({ line, onToggle }: { line: JsonLine; onToggle: (path: JsonPath, open: boolean) => void }) {
  const { t } = useTranslation();
  const [openBracket, closeBracket] = line.kind === 'array' ? ['[', ']'] : ['{', '}'];
  const comma = line.trailingComma ? <span className={classes.muted}>,</span> : null;
  const label =
    line.label === null ? null : (
      <>
        <span className={typeof line.label === 'number' ? classes.muted : classes.key}>{typeof line.label === 'number' ? line.label : JSON.stringify(line.label)}</span>
        <span className={classes.muted}>: </span>
      </>
    );
  if (line.role === 'close') {
    return (
      <>
        <span className={classes.toggle} />
        {closeBracket}
        {comma}
      </>
    );
  }
  if (line.role === 'leaf') {
    const kindClass = classes[line.kind] ?? '';
    const text = line.kind === 'string' ? JSON.stringify(line.value) : String(line.value);
    return (
      <>
        <span className={classes.toggle} />
        {label}
        <span className={kindClass} title={text.length > 120 ? text : undefined}>
          {text}
        </span>
        {comma}
      </>
    );
  }
  const open = line.role === 'open';
  const empty = line.size === 0;
  return (
    <>
      {empty ? (
        <span className={classes.toggle} />
      ) : (
        <button type="button" className={classes.toggle} aria-label={open ? t('events.json.fold') : t('events.json.unfold')} onClick={() => onToggle(line.path, !open)}>
          {open ? '▾' : '▸'}
        </button>
      )}
      {label}
      {open ? (
        openBracket
      ) : (
        <>
          {openBracket}
          {!empty && <span className={classes.muted}>{t('events.json.items', { count: line.size })}</span>}
          {closeBracket}
          {comma}
        </>
      )}
    </>
  );
}
