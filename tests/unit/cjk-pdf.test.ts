// The CJK fonts are parsed once per process and shared by every PDF, and the
// shortcut in their shaping (no ccmp on text without a combining mark) changes
// no glyph and no position.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { renderReportPdf } from '../../server/assessment/report-pdf';
import { CJK_FONT_BOLD, CJK_FONT_REGULAR, parsedFont, parsedFontCount } from '../../server/lib/cjk-pdf';
import { realChecklists } from '../support/app';
import { reportFixture, reportFixtureFingerprint } from '../support/report-fixture';

interface Run {
  readonly glyphs: readonly { readonly id: number }[];
  readonly positions: readonly { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
const shape = (font: fontkit.Font, text: string): string => {
  const run = font.layout(text) as Run;
  return JSON.stringify([
    run.glyphs.map((g) => g.id),
    run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  ]);
};

it('parses each font face once, however many PDFs are made, and every PDF has its text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hegui-fonts-'));
  try {
    const texts: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const file = join(dir, `report-${i}.pdf`);
      writeFileSync(file, await renderReportPdf(reportFixture, reportFixtureFingerprint));
      texts.push(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    }
    expect(parsedFontCount()).toBe(2);
    expect(texts[0]).toContain('苏州恒信精密机械有限公司');
    expect(texts[2]).toBe(texts[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const fonts = [
  ['Regular', CJK_FONT_REGULAR],
  ['Bold', CJK_FONT_BOLD],
] as const;
const pair = (face: string, file: string): [fontkit.Font, fontkit.Font] => [
  parsedFont(file, `NotoSansCJKsc-${face}`),
  fontkit.create(readFileSync(file), `NotoSansCJKsc-${face}`),
];

// The law texts, the bulk of a report, are left out: full shaping of them takes
// minutes on a busy machine. Both faces have the same feature tables.
it('shapes every text of the checklist to the glyphs and positions of full shaping', () => {
  const [ours, full] = pair(...fonts[0]);
  const texts = realChecklists().domains.flatMap((d) =>
    d.items.flatMap((i) => [i.title, i.question, i.illegal, ...i.basis.map((c) => c.law + c.article)]),
  );
  expect(texts.length).toBeGreaterThan(1000);
  expect(texts.filter((t) => shape(ours, t) !== shape(full, t))).toEqual([]);
});

it.each(fonts)('shapes text with a combining mark fully (NotoSansCJKsc-%s)', (face, file) => {
  const [ours, full] = pair(face, file);
  for (const text of ['か\u3099', 'e\u0301x', '安全 A\u030c', 'ホ\u309a', '消防安全'])
    expect(shape(ours, text)).toBe(shape(full, text));
});
