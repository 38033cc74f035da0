// `npm run icons`: renders the one logo, build/icon.svg, into every icon electron-builder packs:
//   build/icon.png (1024 px), build/icons/<n>x<n>.png (Linux: AppImage, deb, hicolor sizes),
//   build/icon.ico (Windows), build/icon.icns (macOS).
// The outputs are committed, so `npm run dist` needs no rasteriser; run this after editing the SVG.
// resvg (Rust, prebuilt inside its npm packages) rasterises; png2icons (pure JS) writes ICO/ICNS.
//   --out=<dir>   write into another folder (the test compares a fresh render with the committed files)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

function render(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

export function writeIcons(outDir: string): string[] {
  const svg = readFileSync(join(repoRoot, 'build', 'icon.svg'), 'utf8');
  const written: string[] = [];
  const write = (relative: string, data: Buffer) => {
    writeFileSync(join(outDir, relative), data);
    written.push(relative);
  };
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  const large = render(svg, 1024);
  write('icon.png', large);
  for (const size of LINUX_ICON_SIZES) write(join('icons', `${size}x${size}.png`), render(svg, size));
  // From the 1024 px render, with the best (slowest) scaler; the ICO uses PNG frames and the sizes
  // Windows asks an .exe for (forWinExe).
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert build/icon.png');
  write('icon.ico', ico);
  write('icon.icns', icns);
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outArg = process.argv.slice(2).find((arg) => arg.startsWith('--out='));
  const outDir = outArg ? outArg.slice('--out='.length) : join(repoRoot, 'build');
  for (const file of writeIcons(outDir)) process.stdout.write(`wrote ${join(outDir, file)}\n`);
}
