// Serves one deck in each of its forms: slides, speaker view, A4 handout (HTML,
// PDF, DOCX) and the offline single-file HTML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import type { Catalogue } from '../catalogue/catalogue';
import { projectRoot } from '../config';
import { notFound } from '../http/errors';
import type { Views } from '../http/views';
import { sendFile, type RenderedFile } from '../http/public-files';
import type { AreaDeps } from '../area';
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

/** What serving a deck needs from the app: the views, the render slots, the cache of public files. */
export type DeckRenderDeps = Pick<AreaDeps, 'views' | 'renders' | 'publicFiles'>;

/** The downloadable forms of a deck, rendered to a file. */
async function renderFile(
  req: Request,
  res: Response,
  views: Views,
  source: DeckSource,
  catalogue: Catalogue,
  view: 'handout.pdf' | 'handout.docx' | 'offline.html',
): Promise<RenderedFile> {
  const origin = originOf(req);
  switch (view) {
    case 'offline.html': {
      const data = await deckView(source, catalogue, origin);
      const { css, js } = assets();
      const html = views.renderToString('presentation/deck', {
        ...res.locals,
        title: source.title,
        ...data,
        layout: 'deck-offline',
        offline: true,
        speakerMarkup: true,
        inlineCss: css,
        inlineJs: js,
      });
      return { body: Buffer.from(html), type: 'text/html; charset=utf-8', attachment: `${source.fileName}.html` };
    }
    case 'handout.pdf':
      // Loaded on first use: the document libraries cost tens of MB a server may never need.
      return {
        body: await (require('./handout-pdf') as typeof import('./handout-pdf')).handoutPdf(source, catalogue, origin),
        type: 'application/pdf',
        attachment: `${source.fileName}-handout.pdf`,
      };
    case 'handout.docx':
      return {
        body: await (require('./handout-docx') as typeof import('./handout-docx')).handoutDocx(
          source,
          catalogue,
          origin,
        ),
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        attachment: `${source.fileName}-handout.docx`,
      };
  }
}

/**
 * Sends one form of a deck. `publicName` is set for a deck anyone may see that depends only
 * on the checklist version (a domain's deck): its files are rendered once and then cached.
 */
export async function sendDeck(
  req: Request,
  res: Response,
  deps: DeckRenderDeps,
  source: DeckSource,
  catalogue: Catalogue,
  view: DeckViewName,
  publicName?: string,
): Promise<void> {
  const origin = originOf(req);
  const common = { ...res.locals, title: source.title };
  switch (view) {
    case '':
    case 'speaker': {
      const data = await deckView(source, catalogue, origin);
      const speaker = view === 'speaker';
      res.type('html').send(
        deps.views.renderToString('presentation/deck', {
          ...common,
          ...data,
          layout: 'deck',
          speaker,
          speakerMarkup: speaker,
        }),
      );
      return;
    }
    case 'handout': {
      deps.views.render(res, 'presentation/handout', {
        ...common,
        ...(await handoutView(source, catalogue, origin)),
      });
      return;
    }
    case 'offline.html':
    case 'handout.pdf':
    case 'handout.docx': {
      const render = (): Promise<RenderedFile> => renderFile(req, res, deps.views, source, catalogue, view);
      if (publicName) {
        const key = {
          version: catalogue.version.hash,
          lang: String(res.locals.lang),
          origin,
          name: `${publicName}/${view}`,
        };
        await deps.publicFiles.send(req, res, key, render);
        return;
      }
      sendFile(res, await deps.renders.run(render));
      return;
    }
    default:
      throw notFound('present.error.noView');
  }
}
