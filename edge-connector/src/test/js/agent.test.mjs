// The self-contained agent jar (built by mvn package) serving a manifest and auto-offloading.js to a
// JavaScript client: loads the runtime from the agent, the manifest over HTTP with its signature checked,
// probes the uplink, and decides as the Java solver does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadVectors, relativeDiff } from './vectors.mjs';

const vectors = loadVectors();
const jar = process.env.AODNN_AGENT_JAR;
const java = process.env.AODNN_JAVA || 'java';
let agent;
let base;
let work;

before(async () => {
  assert.ok(jar, 'AODNN_AGENT_JAR names the shaded agent jar');
  work = mkdtempSync(path.join(tmpdir(), 'aodnn-agent-'));
  const keyFile = path.join(work, 'trusted.pem');
  writeFileSync(keyFile, vectors.public_key_pem);
  agent = spawn(java, ['-jar', jar, '--port', '0', '--bind', '127.0.0.1', '--data', path.join(work, 'data'),
    '--trust', keyFile, '--token', 'node-test', '--cors-origin', 'https://app.example.org', '--quiet'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`agent did not start: ${out}`)), 30000);
    agent.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    agent.on('exit', (code) => reject(new Error(`agent exited with ${code}: ${out}`)));
  });
});

after(() => {
  if (agent) agent.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the agent jar serves the runtime, a signed manifest and the upload probe to a JS client', async () => {
  const entry = vectors.manifests.find((m) => m.manifest.model !== 'tie-model');
  const model = entry.manifest.model;
  const put = await fetch(`${base}/v1/manifests/${model}`, { method: 'PUT', body: JSON.stringify(entry.manifest),
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer node-test' } });
  assert.equal(put.status, 201, await put.text());

  const js = await fetch(`${base}/auto-offloading.js`);
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('access-control-allow-origin'), 'https://app.example.org');
  const file = path.join(work, 'served-auto-offloading.mjs');
  writeFileSync(file, await js.text());
  const runtime = await import(pathToFileURL(file).href);

  const { manifest, signature, etag } = await runtime.loadManifest(`${base}/v1/manifests/${model}`,
    { trustedKeys: [vectors.public_key_pem], requireSignature: true });
  assert.equal(signature.valid, true);
  assert.equal(etag, `"${entry.sha256}"`);

  for (const { context, expected } of entry.cases) {
    const d = runtime.makeDecision({ manifest, ...context });
    assert.equal(d.k, expected.k);
    assert.ok(relativeDiff(d.t_ms, expected.t_ms) <= 1e-9);
    assert.ok(relativeDiff(d.e_j, expected.e_j) <= 1e-9);
  }

  const ctx = await runtime.readContext(manifest, { navigatorLike: { hardwareConcurrency: 4 },
    probeUrl: `${base}/v1/probe`, probeBytes: 256 * 1024, weightsCached: false });
  assert.equal(ctx.bandwidthSource, 'upload-probe');
  assert.ok(ctx.uplinkMbps > 0 && Number.isFinite(ctx.uplinkMbps), `probed uplink ${ctx.uplinkMbps}`);
  const decision = runtime.makeDecision(ctx);
  assert.equal(typeof decision.offload, 'boolean');

  const tampered = JSON.parse(JSON.stringify(entry.manifest));
  tampered.version += 1;
  tampered.eta += 1;
  const refused = await fetch(`${base}/v1/manifests/${model}`, { method: 'PUT', body: JSON.stringify(tampered),
    headers: { Authorization: 'Bearer node-test' } });
  assert.equal(refused.status, 403);
});
