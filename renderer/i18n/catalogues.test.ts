import { describe, expect, it } from 'vitest';
import { ipcErrorCodes } from '../../shared/ipc/kit';
import en from './en.json';
import ptBR from './pt-BR.json';
import { resolveLanguage } from './index';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('i18n catalogues', () => {
  it('pt-BR and en have exactly the same keys', () => {
    expect(keys(ptBR as Tree).sort()).toEqual(keys(en as Tree).sort());
  });

  it('no message is empty, and interpolations match between languages', () => {
    for (const key of keys(en as Tree)) {
      const a = lookup(en as Tree, key)!;
      const b = lookup(ptBR as Tree, key)!;
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
      expect(vars(b), key).toEqual(vars(a));
    }
  });

  it('every IPC error code has a message in both languages', () => {
    for (const code of ipcErrorCodes) {
      expect(lookup(en as Tree, `errors.${code}`), code).toBeTruthy();
      expect(lookup(ptBR as Tree, `errors.${code}`), code).toBeTruthy();
    }
  });
});

describe('resolveLanguage', () => {
  it('follows an explicit choice', () => {
    expect(resolveLanguage('en', 'pt-BR')).toBe('en');
    expect(resolveLanguage('pt-BR', 'en-US')).toBe('pt-BR');
  });
  it('uses pt-BR for any Portuguese OS locale when the choice is system', () => {
    expect(resolveLanguage('system', 'pt-BR')).toBe('pt-BR');
    expect(resolveLanguage('system', 'pt-PT')).toBe('pt-BR');
    expect(resolveLanguage('system', 'pt')).toBe('pt-BR');
    expect(resolveLanguage('system', 'en-GB')).toBe('en');
    expect(resolveLanguage(undefined, 'fr-FR')).toBe('en');
    expect(resolveLanguage(undefined, undefined)).toBe('en');
  });
});
