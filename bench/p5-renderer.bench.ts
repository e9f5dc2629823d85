// P5: the topic table with 10,000 rows in Debian's Chromium. The built renderer runs behind the E2E
// bridge server (real dispatcher and handlers, Node ports with an in-memory keychain); only the
// `topics:list` stream socket is answered here with generated rows, because this measures rendering,
// not Kafka. Timings are taken inside the page: from the first batch frame's arrival to the frame
// after the rows are in the DOM.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { emptyProfileDraft } from '../shared/domain/profile/profile-schema';
import type { TopicRow } from '../shared/domain/topics/topic-schemas';
import type { SecretStore } from '../electron/main/services/ports';
import { createNodePorts } from '../electron/main/platform/node-ports';
import { createProfileService } from '../electron/main/services/profiles/profile-service';
import { startBridgeServer } from '../test/e2e/bridge-server';
import type { Benchmark, BenchRow } from './types';

const ROWS = 10_000;
const ROWS_PER_BATCH = 2_500;
const PROFILE_ID = 'bench-p5';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function generatedRows(): TopicRow[] {
  return Array.from({ length: ROWS }, (_, index) => ({
    name: `p5-topic-${String(index).padStart(5, '0')}`,
    internal: false,
    partitions: 1 + (index % 12),
    replicationFactor: 3,
    underReplicated: index % 997 === 0 ? 1 : 0,
    offline: 0,
    sizeBytes: (index * 7_919) % 5_000_000_000,
    messages: (index * 104_729) % 90_000_000,
    writeRate: (index * 31) % 2_000,
  }));
}

function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, secret) => void values.set(account, secret),
    delete: async (account) => values.delete(account),
    list: async () => [...values.keys()],
  };
}

/**
 * Runs in the page before the app (plain JavaScript: this file is type-checked without the DOM):
 * opens the topics screen and timestamps the first batch frame's arrival and the frames after the
 * first rows and all rows are in the DOM.
 */
const instrumentScript = (profileId: string) => `
  localStorage.setItem('odradek-ui', JSON.stringify({ state: { theme: 'light', selectedProfileId: ${JSON.stringify(profileId)}, section: 'topics' }, version: 0 }));
  const marks = (window.__p5 = {});
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      // Registered before the app's listener, so this is the arrival time, before any handling.
      if (String(url).endsWith('/stream')) this.addEventListener('message', (event) => {
        if (marks.firstBatchAt === undefined && String(event.data).startsWith('{"type":"batch"')) marks.firstBatchAt = performance.now();
      });
    }
  };
  const afterFrame = (name) => requestAnimationFrame(() => setTimeout(() => (marks[name] = performance.now()), 0));
  const watch = () => {
    if (marks.firstRowsPainted === undefined && document.querySelector('[data-topic]')) {
      marks.firstRowsPainted = -1;
      afterFrame('firstRowsPainted');
    }
    if (marks.allRowsPainted === undefined && document.querySelector('[data-testid="topic-count"]')?.textContent === '${ROWS} topics') {
      marks.allRowsPainted = -1;
      afterFrame('allRowsPainted');
    }
    if (marks.allRowsPainted === undefined) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

/** Runs `act` in the page and resolves with the time until the frame after `done` first holds. */
async function timeInteraction(page: Page, act: string, done: string): Promise<number> {
  return (await page.evaluate(`new Promise((resolveTime) => {
    const started = performance.now();
    ${act}
    const check = () => ((${done}) ? requestAnimationFrame(() => setTimeout(() => resolveTime(performance.now() - started), 0)) : requestAnimationFrame(check));
    check();
  })`)) as number;
}

const benchmark: Benchmark = async (ctx) => {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('No built renderer in out/renderer: run `npm run build` first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'odradek-bench-p5-'));
  const ports = { ...createNodePorts({ dataDir }), secrets: memorySecrets() };
  await createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile }).save({
    draft: { ...emptyProfileDraft(PROFILE_ID, 'Bench P5'), bootstrapServers: ['127.0.0.1:9'] },
  });
  const server = await startBridgeServer({ rendererDir, ports });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    // The measuring snippets are strings (no DOM types here), which the app's CSP would refuse to evaluate.
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, bypassCSP: true });
    const rows = generatedRows();
    await page.routeWebSocket(/\/stream$/, (socket) => {
      socket.onMessage((raw) => {
        const message = JSON.parse(String(raw)) as { type: string; name?: string };
        if (message.type !== 'open') return;
        if (message.name !== 'topics:list') {
          socket.send(JSON.stringify({ type: 'error', error: { code: 'UNSUPPORTED', message: 'not part of this benchmark' } }));
          return;
        }
        socket.send(JSON.stringify({ type: 'phase', phase: 'metadata' }));
        for (let start = 0, seq = 0; start < rows.length; start += ROWS_PER_BATCH, seq++) socket.send(JSON.stringify({ type: 'batch', seq, items: rows.slice(start, start + ROWS_PER_BATCH) }));
        socket.send(JSON.stringify({ type: 'done', summary: { topics: ROWS, partitions: ROWS * 6, phaseMs: {}, warnings: [] } }));
      });
    });
    await page.addInitScript({ content: instrumentScript(PROFILE_ID) });
    await page.goto(server.pageUrl());
    await page.waitForFunction('(window.__p5.allRowsPainted ?? -1) > 0', undefined, { timeout: 60_000 });
    const marks = (await page.evaluate('window.__p5')) as Record<string, number>;
    const firstFrame = marks['firstRowsPainted']! - marks['firstBatchAt']!;
    const allRows = marks['allRowsPainted']! - marks['firstBatchAt']!;

    const domRows = () => page.locator('[data-topic]').count();
    const scroller = '[data-testid="topic-table-scroller"]';
    const domCounts: number[] = [await domRows()];
    const scrollMs: number[] = [];
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      scrollMs.push(
        await timeInteraction(
          page,
          `const el = document.querySelector('${scroller}'); el.scrollTop = (el.scrollHeight - el.clientHeight) * ${fraction};`,
          `document.querySelector('[data-topic="p5-topic-${String(Math.min(ROWS - 1, Math.floor((ROWS - 1) * fraction))).padStart(5, '0')}"]') !== null`,
        ),
      );
      domCounts.push(await domRows());
    }
    await page.evaluate(`document.querySelector('${scroller}').scrollTop = 0`);
    const sortMs = await timeInteraction(
      page,
      `[...document.querySelectorAll('[role="columnheader"]')].find((header) => header.textContent.startsWith('Messages')).click();`,
      `document.querySelector('[role="columnheader"][aria-sort="descending"]')?.textContent.startsWith('Messages') && document.querySelector('[data-topic]')?.getAttribute('data-topic') !== 'p5-topic-00000'`,
    );
    const searchMs = await timeInteraction(
      page,
      `const input = document.querySelector('input[aria-label="Search topics"]'); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(input, 'topic-0999'); input.dispatchEvent(new Event('input', { bubbles: true }));`,
      `document.querySelector('[data-testid="topic-count"]')?.textContent === '10 of 10000 topics'`,
    );
    const maxDomRows = Math.max(...domCounts);
    ctx.log(`first frame ${Math.round(firstFrame)} ms, all rows ${Math.round(allRows)} ms, DOM rows ${domCounts.join('/')}, scroll ${scrollMs.map(Math.round).join('/')} ms, sort ${Math.round(sortMs)} ms, search ${Math.round(searchMs)} ms`);
    const rowsOut: BenchRow[] = [
      { id: 'P5 renderer', metric: 'first frame of the topic table (first batch → rows painted)', unit: 'ms', odradek: firstFrame, peer: null, ratio: null, target: '<= 200 ms', met: firstFrame <= 200 },
      { id: 'P5 renderer', metric: `all ${ROWS} rows listed (first batch → count painted; 250 ms flush timer)`, unit: 'ms', odradek: allRows, peer: null, ratio: null },
      { id: 'P5 renderer', metric: `DOM rows while scrolled (max of top, 25/50/75/100 %)`, unit: 'rows', odradek: maxDomRows, peer: null, ratio: null, target: '<= ~100 rows', met: maxDomRows <= 100 },
      { id: 'P5 renderer', metric: 'scroll jump to next painted frame (max of 4)', unit: 'ms', odradek: Math.max(...scrollMs), peer: null, ratio: null },
      { id: 'P5 renderer', metric: `sort ${ROWS} rows by messages (click → painted)`, unit: 'ms', odradek: sortMs, peer: null, ratio: null },
      { id: 'P5 renderer', metric: `search ${ROWS} rows (input → painted)`, unit: 'ms', odradek: searchMs, peer: null, ratio: null },
    ];
    return rowsOut;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export default benchmark;
