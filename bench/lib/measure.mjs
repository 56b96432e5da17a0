// Shared timing helpers for bench/*.mjs: calibrated loops, median of several runs.
//
// Rates are per CPU second of this process (process.cpuUsage: user + system, all threads), not
// per wall second: the bench machine is shared, and time slices given to other processes would
// otherwise count as ours. Wall time is still what the simulation targets are stated in.

/** CPU time used by this process so far, in milliseconds. */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function calibrate(fn, minMs, smoke) {
  let iterations = smoke ? 20 : 1000;
  if (smoke) return iterations;
  // grow until one run takes at least minMs
  for (;;) {
    const t0 = cpuMs();
    for (let n = 0; n < iterations; n++) fn();
    if (cpuMs() - t0 >= minMs) return iterations;
    iterations *= 2;
  }
}

function rate(fn, iterations, opsPerCall) {
  const t0 = cpuMs();
  for (let n = 0; n < iterations; n++) fn();
  const ms = Math.max(cpuMs() - t0, 1e-3);
  return (iterations * opsPerCall) / (ms / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Measures `fn` and returns the median rate in operations per CPU second.
 * @param {() => void} fn - one iteration
 * @param {{ runs: number, minMs: number, smoke: boolean, opsPerCall?: number }} options
 *   opsPerCall: how many operations one call of `fn` performs (default 1)
 * @returns {number}
 */
export function measure(fn, { runs, minMs, smoke, opsPerCall = 1 }) {
  const iterations = calibrate(fn, minMs, smoke);
  const samples = [];
  for (let r = 0; r < (smoke ? 1 : runs); r++) samples.push(rate(fn, iterations, opsPerCall));
  return median(samples);
}

/**
 * Measures two functions in alternating runs (a, b, a, b, …) so that both see the same machine
 * conditions, and returns their median rates and the median of the per-round ratios a / b.
 * @param {() => void} a - one iteration of the first contender
 * @param {() => void} b - one iteration of the second
 * @param {{ runs: number, minMs: number, smoke: boolean, opsPerCall?: number }} options
 * @returns {{ a: number, b: number, ratio: number }}
 */
export function measurePair(a, b, { runs, minMs, smoke, opsPerCall = 1 }) {
  const ia = calibrate(a, minMs, smoke);
  const ib = calibrate(b, minMs, smoke);
  const ra = [];
  const rb = [];
  const ratios = [];
  for (let r = 0; r < (smoke ? 1 : runs); r++) {
    ra.push(rate(a, ia, opsPerCall));
    rb.push(rate(b, ib, opsPerCall));
    ratios.push(ra[r] / rb[r]);
  }
  return { a: median(ra), b: median(rb), ratio: median(ratios) };
}

/** Formats an ops/s figure: `4.72 M`, `390 k`. */
export const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`);
