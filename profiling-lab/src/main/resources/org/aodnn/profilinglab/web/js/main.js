// The profiling page: loads the job from the console, describes the browser, measures weight download
// throughput, then for each backend builds and times every layer alone, posting each result as soon as
// it is measured.
import { Api, ApiError } from './api.js';
import { describeEnvironment } from './environment.js';
import { buildLayer, Unsupported, warmUpElementwiseKernels } from './layers.js';
import { measure } from './timing.js';

const api = new Api();
const statusLine = document.getElementById('status');
const logBox = document.getElementById('log');

function log(text) {
  logBox.textContent += `${text}\n`;
}

function status(text) {
  statusLine.textContent = text;
}

// Lets the event loop breathe between layers (network, rendering, timers).
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

async function measureThroughput(sizes) {
  const samples = [];
  for (const bytes of sizes) {
    const t0 = performance.now();
    const response = await fetch(`api/weights?bytes=${bytes}`, { cache: 'no-store' });
    if (!response.ok) {
      throw new Error(`weight download failed: HTTP ${response.status}`);
    }
    const body = await response.arrayBuffer();
    const ms = performance.now() - t0;
    if (body.byteLength !== bytes) {
      throw new Error(`weight download returned ${body.byteLength} bytes instead of ${bytes}`);
    }
    samples.push({ bytes, ms: Math.max(ms, 0.001) });
  }
  return { samples };
}

async function initBackend(name, job) {
  const result = { backend: name, ok: false, threads: 1, simd: false, multiThreaded: false, message: '' };
  try {
    if (name === 'wasm') {
      // The .wasm binaries are served next to the bundle, as application/wasm.
      tf.wasm.setWasmPaths(new URL('vendor/tfjs/', location.href).href);
      if (job.wasmThreads > 0) {
        tf.wasm.setThreadsCount(job.wasmThreads);
      }
    }
    result.ok = await tf.setBackend(name);
    if (!result.ok) {
      result.message = `TF.js could not initialise the ${name} backend here`;
      return result;
    }
    await tf.ready();
    if (name === 'wasm') {
      result.threads = tf.wasm.getThreadsCount();
      result.simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
      result.multiThreaded = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
    }
  } catch (e) {
    result.ok = false;
    result.message = `${name} backend failed: ${e && e.message ? e.message : e}`;
  }
  return result;
}

// The JavaScript kernels of the cpu backend are compiled by V8's optimising JIT only after they have run
// a while: without this, the first layer of each kind would be timed partly in slow, unoptimised code.
// Each kind of kernel runs a few times on its cheapest layer in the job before anything is timed.
const KERNEL_WARMUP_RUNS = 5;

function kernelKind(layer) {
  if (layer.layerType !== 'Conv2d') {
    return layer.layerType;
  }
  if (layer.groups === 1) {
    return 'Conv2d';
  }
  return layer.groups === layer.inChannels ? 'Conv2d-depthwise' : 'Conv2d-grouped';
}

function layerCost(layer) {
  const outElems = layer.outShape.reduce((a, b) => a * b, 1);
  return outElems * Math.max(1, layer.kernelH * layer.kernelW * (layer.inChannels / Math.max(1, layer.groups)));
}

function warmUpKernels(job) {
  warmUpElementwiseKernels(KERNEL_WARMUP_RUNS);
  const cheapest = new Map();
  for (const layer of job.layers) {
    const kind = kernelKind(layer);
    const current = cheapest.get(kind);
    if (!current || layerCost(layer) < layerCost(current)) {
      cheapest.set(kind, layer);
    }
  }
  for (const layer of cheapest.values()) {
    let built = null;
    try {
      built = buildLayer(layer, job);
      for (let i = 0; i < KERNEL_WARMUP_RUNS; i++) {
        const out = built.run();
        out.dataSync();
        out.dispose();
      }
    } catch (e) {
      // an unsupported layer is reported when it is profiled
    } finally {
      if (built) {
        built.dispose();
      }
    }
  }
}

async function profileBackend(job, backend, env) {
  status(`warming up the ${backend} kernels`);
  warmUpKernels(job);
  await yieldToBrowser();
  const sync = backend === 'webgl' || backend === 'webgpu';
  let done = 0;
  for (const layer of job.layers) {
    const label = `${layer.model}[${layer.layerIndex}] ${layer.layerType} on ${backend}`;
    status(`${label} (${++done}/${job.layers.length})`);
    let built = null;
    try {
      built = buildLayer(layer, job);
      const timing = measure(built.run, job, env.timerResolutionMs, sync);
      await api.post('result', {
        layerId: layer.id,
        backend,
        medianMs: timing.medianMs,
        minMs: timing.minMs,
        maxMs: timing.maxMs,
        stddevMs: timing.stddevMs,
        samples: timing.samples,
        batch: timing.batch,
        outShape: built.outShape,
        windowStartEpochMs: timing.windowStartEpochMs,
        windowEndEpochMs: timing.windowEndEpochMs,
      });
      log(`${label}: ${timing.medianMs.toFixed(4)} ms`);
    } catch (e) {
      if (e instanceof ApiError) {
        throw e;
      }
      const reason = e instanceof Unsupported ? e.message : `error while timing: ${e && e.message ? e.message : e}`;
      await api.post('skip', { layerId: layer.id, backend, reason });
      log(`${label}: skipped (${reason})`);
    } finally {
      if (built) {
        built.dispose();
      }
    }
    await yieldToBrowser();
  }
}

async function main() {
  const job = await api.job();
  const env = await describeEnvironment();
  await api.post('hello', env);
  log(`${env.browser}, ${env.hardwareConcurrency} hardware threads, cross-origin isolated: ${env.crossOriginIsolated}, timer ${env.timerResolutionMs} ms`);
  if (job.throughputBytes.length > 0) {
    status('measuring weight download throughput');
    await api.post('throughput', await measureThroughput(job.throughputBytes));
  }
  for (const backend of job.backends) {
    const init = await initBackend(backend, job);
    await api.post('backend', init);
    if (!init.ok) {
      log(init.message);
      for (const layer of job.layers) {
        await api.post('skip', { layerId: layer.id, backend, reason: init.message });
      }
      continue;
    }
    log(`backend ${backend}: ${init.threads} thread(s), simd ${init.simd}`);
    await profileBackend(job, backend, env);
  }
  await api.post('done', {});
  status('done');
}

main().catch(async (e) => {
  const message = e && e.stack ? String(e.stack) : String(e);
  status(`failed: ${message}`);
  try {
    await api.post('error', { message: message.slice(0, 1900) });
  } catch (ignored) {
    // the console is gone; nothing left to tell
  }
});
