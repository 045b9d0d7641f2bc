// Prints the presentation figures: time to render each form of the largest domain's
// deck, and the size of its offline file. `npm run present:figures`
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalogue } from '../catalogue/catalogue';
import { loadChecklistsOrThrow } from '../catalogue/load';
import { contentHash } from '../catalogue/version-import';
import { projectRoot } from '../config';
import { loadViews } from '../http/views';
import { deckView, domainSource } from './deck-view';
import { handoutDocx } from './handout-docx';
import { handoutPdf } from './handout-pdf';

async function timed<T>(label: string, runs: number, fn: () => Promise<T>): Promise<T> {
  let result = await fn(); // warm-up: fonts, template caches
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) result = await fn();
  console.log(`${label}: ${(Number(process.hrtime.bigint() - started) / 1e6 / runs).toFixed(1)} ms (mean of ${runs})`);
  return result;
}

async function main(): Promise<void> {
  const content = loadChecklistsOrThrow(join(projectRoot, 'checklists'));
  const catalogue = new Catalogue({ id: 1, hash: contentHash(content), createdAt: new Date() }, content);
  const views = loadViews(join(projectRoot, 'views'));
  const domain = [...catalogue.domains].sort((a, b) => b.items.length - a.items.length)[0];
  const source = domainSource(catalogue, domain);
  const origin = 'https://hegui.example';
  const base = { lang: 'zh-CN', htmlLang: 'zh-CN', title: domain.name };
  const slides = await timed(`deck ${domain.code} (${domain.items.length} items) HTML`, 20, async () => {
    const data = await deckView(source, catalogue, origin);
    return {
      html: views.renderToString('presentation/deck', { ...base, ...data, layout: 'deck' }),
      count: data.slideCount,
    };
  });
  console.log(`slides: ${slides.count}, page size ${(Buffer.byteLength(slides.html) / 1024).toFixed(0)} KiB`);
  const css = readFileSync(join(projectRoot, 'views', 'assets', 'present.css'), 'utf8');
  const js = readFileSync(join(projectRoot, 'views', 'assets', 'present.js'), 'utf8');
  const offline = await timed('offline file', 20, async () =>
    views.renderToString('presentation/deck', {
      ...base,
      ...(await deckView(source, catalogue, origin)),
      layout: 'deck-offline',
      offline: true,
      speakerMarkup: true,
      inlineCss: css,
      inlineJs: js,
    }),
  );
  console.log(`offline file: ${(Buffer.byteLength(offline) / 1024).toFixed(0)} KiB`);
  const pdf = await timed('handout PDF', 3, () => handoutPdf(source, catalogue, origin));
  console.log(`handout PDF: ${(pdf.length / 1024).toFixed(0)} KiB`);
  const docx = await timed('handout DOCX', 3, () => handoutDocx(source, catalogue, origin));
  console.log(`handout DOCX: ${(docx.length / 1024).toFixed(0)} KiB`);
}

void main();
