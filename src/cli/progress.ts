/** Progress on stderr for big inputs — only when stderr is a terminal, so logs and pipes stay clean. */

/** A stream the CLI writes to. */
export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

/** A progress reporter: `update(done, total)` and `done()`. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

/**
 * Time left, from the time taken so far and the share done: "about 12 s left", "about 3 min left";
 * empty until there is enough to go on (1% done and a second spent).
 *
 * @example
 * etaText(2000, 0.25); // "about 6 s left"
 */
export function etaText(elapsedMs: number, fraction: number): string {
  if (!(fraction >= 0.01) || elapsedMs < 1000 || fraction >= 1) return '';
  const left = (elapsedMs * (1 - fraction)) / fraction / 1000;
  return left < 90 ? `about ${Math.max(1, Math.round(left))} s left` : `about ${Math.round(left / 60)} min left`;
}

/**
 * A progress line (`\r reading big.csv… 42% (about 12 s left)`) on a TTY; does nothing otherwise.
 *
 * @example
 * const p = progress(process.stderr, "reading sales.csv");
 * p.update(50, 100); // "\rtierwise: reading sales.csv… 50%"
 * p.done();
 */
export function progress(stream: OutStream, label: string, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = '';
  let active = false;
  const start = now();
  return {
    update(done, total) {
      const fraction = total > 0 ? done / total : 0;
      const eta = etaText(now() - start, fraction);
      const line = `${Math.floor(100 * fraction)}%${eta ? ` (${eta})` : ''}`;
      if (line === shown) return;
      stream.write(`\r\x1b[Ktierwise: ${label}… ${line}`);
      shown = line;
      active = true;
    },
    done() {
      if (active) stream.write('\r\x1b[K');
      active = false;
    },
  };
}
