/**
 * Renders a generated file the way a reader's office shows it: LibreOffice headless converts it to PDF (with a
 * Vietnamese locale, so "#,##0" prints as 10.000), poppler reads the text back page by page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasLibreOffice = !spawnSync('soffice', ['--version'], { timeout: 60_000 }).error;
export const hasPoppler = !spawnSync('pdftotext', ['-v']).error;

// A profile of its own per call: parallel runs would otherwise fight over one user installation's lock.
const VI_LOCALE_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
`;

export interface RenderedPdf {
  file: string;
  pages: number;
  /** `pdftotext -layout` of one page (1-based), NFC. */
  pageText(page: number): string;
  /** Every page's text, in order. */
  allPages(): string[];
  /** pdfinfo's size of each page, e.g. "595.28 x 841.89 pts (A4)". */
  pageSizes(): string[];
  /** Writes PNGs of the first pages at a low resolution for a person to look at; returns their paths. */
  png(first: number, last: number, prefix: string): string[];
}

/** Reads a PDF already on disk (ours, or one LibreOffice wrote). */
export function readPdf(file: string): RenderedPdf {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const pageText = (page: number) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8',
    }).normalize('NFC');
  return {
    file,
    pages,
    pageText,
    allPages: () => Array.from({ length: pages }, (_, i) => pageText(i + 1)),
    pageSizes: () =>
      [
        ...execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' }).matchAll(/^Page\s+\d+ size:\s+(.*)$/gm),
      ].map((m) => m[1].trim()),
    png: (first, last, prefix) => {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), file, prefix]);
      const dir = path.dirname(prefix);
      return fs
        .readdirSync(dir)
        .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
        .sort()
        .map((f) => path.join(dir, f));
    },
  };
}

/** Writes the bytes as `name` into `dir`, converts them with LibreOffice and returns the PDF it printed. */
export function renderWithLibreOffice(bytes: Buffer, name: string, dir: string): RenderedPdf {
  fs.mkdirSync(dir, { recursive: true });
  const input = path.join(dir, name);
  fs.writeFileSync(input, bytes);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), VI_LOCALE_PROFILE);
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000, encoding: 'utf8', env: { ...process.env, LANG: 'vi_VN.UTF-8', HOME: profile } },
    );
    const pdf = input.replace(/\.[^.]+$/, '.pdf');
    if (run.error || !fs.existsSync(pdf))
      throw new Error(`LibreOffice could not convert ${name}: ${run.error?.message ?? ''} ${run.stderr ?? ''}`);
    return readPdf(pdf);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
