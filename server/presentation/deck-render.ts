// Serves one deck in each of its forms: slides, speaker view, A4 handout (HTML,
// PDF, DOCX) and the offline single-file HTML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import type { Catalogue } from '../catalogue/catalogue';
import { projectRoot } from '../config';
import { notFound } from '../http/errors';
import type { Views } from '../http/views';
import { deckView, type DeckSource } from './deck-view';
import { handoutView } from './handout-model';

const DECK_VIEWS = ['', 'speaker', 'handout', 'handout.pdf', 'handout.docx', 'offline.html'] as const;
export type DeckViewName = (typeof DECK_VIEWS)[number];

export function isDeckView(v: string): v is DeckViewName {
  return (DECK_VIEWS as readonly string[]).includes(v);
}

import { originOf } from '../http/origin';
export { originOf };

let inlineAssets: { css: string; js: string } | undefined;
/** The deck's stylesheet and script, read once, for the offline file. */
function assets(): { css: string; js: string } {
  const dir = join(projectRoot, 'views', 'assets');
  inlineAssets ??= {
    css: readFileSync(join(dir, 'present.css'), 'utf8'),
    // "</script" would end the inline element early.
    js: readFileSync(join(dir, 'present.js'), 'utf8').replace(/<\/script/gi, '<\\/script'),
  };
  return inlineAssets;
}

const attachment = (name: string): string => `attachment; filename="${name}"`;

export async function sendDeck(
  req: Request,
  res: Response,
  views: Views,
  source: DeckSource,
  catalogue: Catalogue,
  view: DeckViewName,
): Promise<void> {
  const origin = originOf(req);
  const common = { ...res.locals, title: source.title };
  switch (view) {
    case '':
    case 'speaker': {
      const data = await deckView(source, catalogue, origin);
      const speaker = view === 'speaker';
      res.type('html').send(
        views.renderToString('presentation/deck', {
          ...common,
          ...data,
          layout: 'deck',
          speaker,
          speakerMarkup: speaker,
        }),
      );
      return;
    }
    case 'offline.html': {
      const data = await deckView(source, catalogue, origin);
      const { css, js } = assets();
      const html = views.renderToString('presentation/deck', {
        ...common,
        ...data,
        layout: 'deck-offline',
        offline: true,
        speakerMarkup: true,
        inlineCss: css,
        inlineJs: js,
      });
      res
        .set('Content-Disposition', attachment(`${source.fileName}.html`))
        .type('html')
        .send(html);
      return;
    }
    case 'handout': {
      views.render(res, 'presentation/handout', {
        ...common,
        ...(await handoutView(source, catalogue, origin)),
      });
      return;
    }
    case 'handout.pdf': {
      // Loaded on first use: the document libraries cost tens of MB a server may never need.
      const pdf = await (require('./handout-pdf') as typeof import('./handout-pdf')).handoutPdf(
        source,
        catalogue,
        origin,
      );
      res
        .set('Content-Disposition', attachment(`${source.fileName}-handout.pdf`))
        .type('application/pdf')
        .send(pdf);
      return;
    }
    case 'handout.docx': {
      // Loaded on first use: the document libraries cost tens of MB a server may never need.
      const docx = await (require('./handout-docx') as typeof import('./handout-docx')).handoutDocx(
        source,
        catalogue,
        origin,
      );
      res
        .set('Content-Disposition', attachment(`${source.fileName}-handout.docx`))
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(docx);
      return;
    }
    default:
      throw notFound('present.error.noView');
  }
}
