// Times one built layer alone: warm-up runs, then timed samples until both the minimum number of runs
// and the minimum time are reached (capped at maxRuns samples). When one run is short compared with the
// timer's resolution (about 0.1 ms without cross-origin isolation), each sample times a batch of runs
// and divides, so the quantisation error stays small.
// It also reports the wall-clock window of the timed runs (warm-ups and the probe run excluded), in ms since
// the epoch on this browser's clock, so the console can attribute the energy measured meanwhile to the layer.
// (performance.timeOrigin + performance.now(): the epoch time the page started plus the monotonic clock.)

// A sample must span this many timer steps to be timed alone.
const STEPS_PER_SAMPLE = 50;
const MAX_BATCH = 10000;

export function measure(run, settings, timerResolutionMs, sync) {
  const once = () => {
    const out = run();
    if (sync || settings.readOutput) {
      out.dataSync(); // GPU backends run lazily: wait for the result (and, if asked, pay the copy back to JS)
    }
    out.dispose();
  };
  for (let i = 0; i < settings.warmupRuns; i++) {
    once();
  }
  const probeStart = performance.now();
  once();
  const single = performance.now() - probeStart;
  const smallestSample = STEPS_PER_SAMPLE * timerResolutionMs;
  let batch = 1;
  if (single < smallestSample) {
    batch = Math.min(MAX_BATCH, Math.ceil(smallestSample / Math.max(single, timerResolutionMs / 10)));
  }
  const samples = [];
  let windowStart = null;
  let windowEnd = null;
  const start = performance.now();
  while (samples.length < settings.maxRuns
      && (samples.length < settings.timedRuns || performance.now() - start < settings.minTimeMs)) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) {
      once();
    }
    const t1 = performance.now();
    const sample = (t1 - t0) / batch;
    if (sample <= 0) {
      if (batch >= MAX_BATCH) {
        throw new Error(`the timer did not advance over ${batch} runs`);
      }
      // The timer did not even tick: start over with bigger batches.
      batch = Math.min(MAX_BATCH, batch * 10);
      samples.length = 0;
      windowStart = null; // the discarded runs are not part of the timed window
      continue;
    }
    if (windowStart === null) {
      windowStart = performance.timeOrigin + t0;
    }
    windowEnd = performance.timeOrigin + t1;
    samples.push(sample);
  }
  return {
    ...statistics(samples), samples: samples.length, batch,
    windowStartEpochMs: windowStart, windowEndEpochMs: windowEnd,
  };
}

export function statistics(samples) {
  const sorted = samples.slice().sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { medianMs: median, minMs: sorted[0], maxMs: sorted[n - 1], stddevMs: Math.sqrt(variance) };
}
