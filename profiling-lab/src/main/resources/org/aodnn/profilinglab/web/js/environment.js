// What the console needs to know about the browser the page runs in.

// Brand names that are not a browser: the user-agent client hints add a "GREASE" brand on purpose.
const GREASE = /not.?a.?brand/i;

// "<brand> <full version>", e.g. "Chromium 156.0.8078.108" or "Google Chrome 131.0.6778.39".
export async function browserVersion() {
  const hints = navigator.userAgentData;
  if (hints && typeof hints.getHighEntropyValues === 'function') {
    try {
      const values = await hints.getHighEntropyValues(['fullVersionList']);
      const brands = (values.fullVersionList || []).filter((b) => !GREASE.test(b.brand));
      // A vendor brand (Google Chrome, Microsoft Edge, Samsung Internet) is more specific than the engine.
      const vendor = brands.find((b) => b.brand !== 'Chromium') || brands.find((b) => b.brand === 'Chromium');
      if (vendor) {
        return `${vendor.brand} ${vendor.version}`;
      }
    } catch (e) {
      // fall through to the user-agent string
    }
  }
  const ua = navigator.userAgent;
  const patterns = [
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/SamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
    [/Edg\/([\d.]+)/, 'Microsoft Edge'],
    [/(?:Headless)?Chrome\/([\d.]+)/, 'Chromium'],
    [/Version\/([\d.]+).*Safari/, 'Safari'],
  ];
  for (const [pattern, name] of patterns) {
    const match = ua.match(pattern);
    if (match) {
      return `${name} ${match[1]}`;
    }
  }
  return 'unknown';
}

// The smallest step performance.now() takes: about 5 µs when cross-origin isolated, 100 µs otherwise.
export function timerResolutionMs() {
  let smallest = Infinity;
  let last = performance.now();
  for (let i = 0; i < 20000 && smallest > 0.001; i++) {
    const now = performance.now();
    const step = now - last;
    if (step > 0 && step < smallest) {
      smallest = step;
    }
    last = now;
  }
  return Number.isFinite(smallest) ? smallest : 0.1;
}

export async function describeEnvironment() {
  return {
    browser: await browserVersion(),
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
    crossOriginIsolated: self.crossOriginIsolated === true,
    timerResolutionMs: timerResolutionMs(),
    tfjsVersion: tf.version.tfjs,
  };
}
