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
 * A progress line (`\r reading big.csv… 42%`) on a TTY; does nothing otherwise.
 *
 * @example
 * const p = progress(process.stderr, "reading sales.csv");
 * p.update(50, 100); // "\rtierwise: reading sales.csv… 50%"
 * p.done();
 */
export function progress(stream: OutStream, label: string): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = -1;
  let active = false;
  return {
    update(done, total) {
      const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
      if (pct === shown) return;
      shown = pct;
      active = true;
      stream.write(`\rtierwise: ${label}… ${pct}%`);
    },
    done() {
      if (active) stream.write('\r\x1b[K');
      active = false;
    },
  };
}
