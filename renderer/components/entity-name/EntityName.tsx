// An installation or a driver by name, where the data carries only its id (an event's
// installation_id, its driver slug): the name from main's lookup (renderer/queries/names.ts), the
// id on hover and a button that copies it. An id the lookup does not know shows as the id, in
// monospace. Plain elements (no Mantine component): the Events grid draws one per visible row.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from '../icons';
import { useNames, useRefreshOnMiss, type NameLookup } from '../../queries/names';
import classes from './entity-name.module.css';

export type EntityKind = 'installation' | 'driver';

/** The name the lookup has for an id of this kind, if any. */
export function entityName(lookup: NameLookup, kind: EntityKind, id: string): string | undefined {
  return kind === 'installation' ? lookup.installation(id)?.name : lookup.driver(id)?.name;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function CopyIdButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // Asked once: the Events grid draws two of these per visible row, and an i18next lookup with
  // interpolation is not free.
  const label = t('names.copyId', { id });
  return (
    <button
      type="button"
      className={classes.copy}
      aria-label={label}
      title={copied ? t('names.copied') : label}
      data-testid="entity-copy-id"
      onClick={(e) => {
        // Inside clickable rows: copying must not open the row too.
        e.stopPropagation();
        void writeClipboard(id).then((ok) => {
          if (!ok) return;
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? <CheckIcon width={12} height={12} /> : <CopyIcon width={12} height={12} />}
    </button>
  );
}

export interface EntityNameViewProps {
  kind: EntityKind;
  id: string | null | undefined;
  /** The looked-up name; undefined shows the id itself. */
  name: string | undefined;
  testId?: string;
}

/** The name (or the id) with its copy button, from a name the caller looked up. */
export function EntityNameView({ kind, id, name, testId }: EntityNameViewProps) {
  if (!id) return <span className={classes.root}>—</span>;
  return (
    <span className={classes.root} data-entity-kind={kind} data-entity-id={id} data-named={name ? 'true' : 'false'} data-testid={testId}>
      {name ? (
        <span className={classes.name} title={`${name}\n${id}`}>
          {name}
        </span>
      ) : (
        <span className={classes.id} title={id}>
          {id}
        </span>
      )}
      <CopyIdButton id={id} />
    </span>
  );
}

/** The name of an installation (by id) or a driver (by slug), looked up here. */
export function EntityName({ kind, id, testId }: { kind: EntityKind; id: string | null | undefined; testId?: string }) {
  const lookup = useNames();
  const name = id ? entityName(lookup, kind, id) : undefined;
  useRefreshOnMiss(lookup.loaded && !!id && name === undefined);
  return <EntityNameView kind={kind} id={id} name={name} {...(testId ? { testId } : {})} />;
}
