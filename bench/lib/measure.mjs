// Shared timing helpers for bench/*.mjs: calibrated loops, median of several runs.

/**
 * Measures `fn` and returns the median rate in operations per second.
 * @param {() => void} fn - one iteration
 * @param {{ runs: number, minMs: number, smoke: boolean, opsPerCall?: number }} options
 *   opsPerCall: how many operations one call of `fn` performs (default 1)
 * @returns {number}
 */
export function measure(fn, { runs, minMs, smoke, opsPerCall = 1 }) {
  const samples = [];
  let iterations = smoke ? 20 : 1000;
  if (!smoke) {
    // calibrate: grow until one run takes at least minMs
    for (;;) {
      const t0 = performance.now();
      for (let n = 0; n < iterations; n++) fn();
      if (performance.now() - t0 >= minMs) break;
      iterations *= 2;
    }
  }
  for (let r = 0; r < (smoke ? 1 : runs); r++) {
    const t0 = performance.now();
    for (let n = 0; n < iterations; n++) fn();
    const ms = performance.now() - t0;
    samples.push((iterations * opsPerCall) / (ms / 1000));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Formats an ops/s figure: `4.72 M`, `390 k`. */
export const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`);
