// The folder boundaries in eslint.config.js, and the one Mantine component the renderer may not use,
// proven on small snippets: each rule must fire on an import that crosses it (so a config edit cannot
// silently switch it off) and stay quiet on the allowed cases (tests wire the sides together; main
// reads the renderer's i18n catalogues).
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repo });

/** The `no-restricted-imports` messages ESLint reports for `source` as if it were the file at `filePath`. */
async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<{ file: string; source: string; why: RegExp }> = [
  { file: 'renderer/screens/x/X.tsx', source: "import { app } from 'electron';\nexport const a = app;\n", why: /Only files under electron\// },
  { file: 'renderer/screens/x/X.tsx', source: "import { shell } from 'electron/main';\nexport const a = shell;\n", why: /Only files under electron\// },
  { file: 'renderer/screens/x/X.tsx', source: "import { createMainServices } from '../../../electron/services';\nexport const a = createMainServices;\n", why: /reaches main only over IPC/ },
  { file: 'renderer/queries/x.ts', source: "import { startSandbox } from '../../sandbox/server';\nexport const a = startSandbox;\n", why: /sandbox is a dev\/test server/ },
  { file: 'electron/api/x.ts', source: "import { call } from '../../renderer/bridge/ipc';\nexport const a = call;\n", why: /Main does not load renderer code/ },
  { file: 'electron/x.ts', source: "import { startSandbox } from '../sandbox/server';\nexport const a = startSandbox;\n", why: /sandbox is a dev\/test server/ },
  { file: 'shared/api/x.ts', source: "import { startSandbox } from '../../sandbox/server';\nexport const a = startSandbox;\n", why: /imports none of them/ },
  { file: 'shared/x.ts', source: "import { call } from '../renderer/bridge/ipc';\nexport const a = call;\n", why: /imports none of them/ },
  { file: 'shared/x.ts', source: "import { createMainServices } from '../electron/services';\nexport const a = createMainServices;\n", why: /imports none of them/ },
  { file: 'shared/x.ts', source: "import { app } from 'electron';\nexport const a = app;\n", why: /Only files under electron\// },
  { file: 'renderer/screens/x/X.tsx', source: "import { SegmentedControl } from '@mantine/core';\nexport const a = SegmentedControl;\n", why: /Use ChoiceChips/ },
  { file: 'renderer/screens/x/X.test.tsx', source: "import { SegmentedControl } from '@mantine/core';\nexport const a = SegmentedControl;\n", why: /Use ChoiceChips/ },
];

describe('lint: folder boundaries', () => {
  it.each(cases)('$file may not import what $source imports', async ({ file, source, why }) => {
    const messages = await restrictedImports(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(why);
  });

  it('lets tests wire the sides together, and main read the i18n catalogues', async () => {
    expect(await restrictedImports('renderer/queries/x.test.ts', "import { startSandbox } from '../../sandbox/server';\nexport const a = startSandbox;\n")).toEqual([]);
    expect(await restrictedImports('electron/api/x.test.ts', "import { call } from '../../renderer/bridge/ipc';\nexport const a = call;\n")).toEqual([]);
    expect(await restrictedImports('electron/i18n.ts', "import en from '../renderer/i18n/en.json' with { type: 'json' };\nexport const a = en;\n")).toEqual([]);
    expect(await restrictedImports('renderer/screens/x/X.tsx', "import { parseJwtPayload } from '../../../shared/jwt';\nexport const a = parseJwtPayload;\n")).toEqual([]);
  });
});
