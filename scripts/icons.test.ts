// The committed icons are exactly what `npm run icons` renders from build/icon.svg, so an edit of the
// logo cannot ship with stale icons (and no icon comes from anywhere but the one SVG).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINUX_ICON_SIZES, writeIcons } from './icons';

const buildDir = fileURLToPath(new URL('../build', import.meta.url));

describe('npm run icons', () => {
  it('renders every icon electron-builder packs, and the committed ones match a fresh render', () => {
    const out = mkdtempSync(join(tmpdir(), 'ii-icons-'));
    try {
      const written = writeIcons(out);
      expect(written).toEqual(['icon.png', ...LINUX_ICON_SIZES.map((size) => join('icons', `${size}x${size}.png`)), 'icon.ico', 'icon.icns']);
      for (const file of written) expect(readFileSync(join(out, file)).equals(readFileSync(join(buildDir, file))), file).toBe(true);
      // PNG sizes as named (the width sits at byte 16 of the IHDR chunk).
      for (const size of LINUX_ICON_SIZES) expect(readFileSync(join(out, 'icons', `${size}x${size}.png`)).readUInt32BE(16)).toBe(size);
      expect(readFileSync(join(out, 'icon.png')).readUInt32BE(16)).toBe(1024);
      expect(readFileSync(join(out, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
      expect(readFileSync(join(out, 'icon.ico')).readUInt16LE(2)).toBe(1); // ICO type 1 = icon
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
