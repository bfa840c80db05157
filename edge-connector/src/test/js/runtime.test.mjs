// The browser runtime against the Java solver's vectors: same cut, T and E (1e-9 relative), same canonical
// bytes, valid signatures, and the manifest checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  canonicalize, dynamicPartitioner, makeDecision, ManifestError, readContext, validateManifest, verifySignature,
} from '../../main/resources/org/aodnn/edgeconnector/runtime/auto-offloading.js';
import { loadVectors, relativeDiff } from './vectors.mjs';

const vectors = loadVectors();
const clone = (x) => JSON.parse(JSON.stringify(x));

test('vectors cover real models and many contexts', () => {
  assert.ok(vectors.manifests.length >= 11, `manifests: ${vectors.manifests.length}`);
  const cases = vectors.manifests.reduce((n, m) => n + m.cases.length, 0);
  assert.ok(cases > 500, `cases: ${cases}`);
  const infeasible = vectors.manifests.flatMap((m) => m.cases).filter((c) => !c.expected.feasible).length;
  assert.ok(infeasible > 0 && infeasible < cases, `both feasible and infeasible contexts (${infeasible} infeasible)`);
});

for (const entry of vectors.manifests) {
  test(`${entry.name}: dynamicPartitioner gives the Java solver's cut, T and E`, () => {
    validateManifest(entry.manifest);
    for (const { context, expected } of entry.cases) {
      const d = dynamicPartitioner({ manifest: entry.manifest, ...context });
      const where = `${entry.name} ${JSON.stringify(context)}`;
      assert.equal(d.k, expected.k, `cut k for ${where}`);
      assert.equal(d.index, expected.index, where);
      assert.equal(d.feasible, expected.feasible, where);
      assert.ok(relativeDiff(d.t_ms, expected.t_ms) <= 1e-9, `T ${d.t_ms} vs ${expected.t_ms} for ${where}`);
      assert.ok(relativeDiff(d.e_j, expected.e_j) <= 1e-9, `E ${d.e_j} vs ${expected.e_j} for ${where}`);
      assert.ok(relativeDiff(d.objective, expected.objective) <= 1e-9, where);
      assert.equal(d.offload, d.k < entry.manifest.layers.count);

      const m = makeDecision({ manifest: entry.manifest, ...context });
      assert.equal(m.k, expected.k, `makeDecision cut for ${where}`);
      assert.ok(relativeDiff(m.t_ms, expected.t_ms) <= 1e-9, where);
      assert.ok(relativeDiff(m.e_j, expected.e_j) <= 1e-9, where);
      assert.equal(m.feasible, expected.feasible, where);
    }
  });

  test(`${entry.name}: the decision table agrees with the runtime's own solver`, () => {
    const m = entry.manifest;
    let fromTable = 0;
    for (const e of m.decision_table.entries) {
      const context = { manifest: m, uplinkMbps: e.up_mbps, weightsCached: e.weights_cached };
      const decided = makeDecision(context);
      const solved = dynamicPartitioner(context);
      if (decided.source === 'decision_table') fromTable++;
      assert.equal(decided.k, solved.k, `uplink ${e.up_mbps}, cached ${e.weights_cached}`);
      assert.ok(relativeDiff(decided.t_ms, solved.t_ms) <= 1e-9);
      assert.ok(relativeDiff(decided.e_j, solved.e_j) <= 1e-9);
      assert.equal(decided.feasible, solved.feasible);
    }
    assert.equal(fromTable, 200, 'every whole uplink 1..100 Mbit/s, cached and not, is answered from the table');
  });

  test(`${entry.name}: canonical JSON and Ed25519 signature match the console's`, async () => {
    const { signature, ...unsigned } = entry.manifest;
    const sha = createHash('sha256').update(canonicalize(unsigned), 'utf8').digest('hex');
    assert.equal(sha, entry.signed_bytes_sha256, 'RFC 8785 bytes equal to the Java serializer');
    assert.equal(createHash('sha256').update(canonicalize(entry.manifest), 'utf8').digest('hex'), entry.sha256);
    const verdict = await verifySignature(entry.manifest, [vectors.public_key_pem]);
    assert.deepEqual({ checked: verdict.checked, valid: verdict.valid, keyId: verdict.keyId },
      { checked: true, valid: true, keyId: vectors.key_id });
    const tampered = clone(entry.manifest);
    tampered.bounds.t_max_ms += 1;
    assert.equal((await verifySignature(tampered, [vectors.public_key_pem])).valid, false);
  });
}

test('ties go to the smaller k, as in Java', () => {
  const tie = vectors.manifests.find((m) => m.manifest.model === 'tie-model');
  const d = dynamicPartitioner({ manifest: tie.manifest, uplinkMbps: 10, weightsCached: true });
  assert.equal(d.k, 0);
  assert.equal(d.t_ms, 3);
});

test('ECMAScript number text equals the Java RFC 8785 serializer on every vector', () => {
  const view = new DataView(new ArrayBuffer(8));
  let checked = 0;
  for (const { bits, text } of vectors.numbers) {
    view.setBigUint64(0, BigInt(`0x${bits}`));
    const value = view.getFloat64(0);
    assert.equal(canonicalize(value), text, `bits ${bits}`);
    checked++;
  }
  assert.ok(checked > 2000);
});

test('validation names the JSON path of the problem', () => {
  const good = vectors.manifests[0].manifest;
  const cases = [
    [(m) => { delete m.eta; }, '$.eta'],
    [(m) => { m.extra = 1; }, '$.extra'],
    [(m) => { m.schema = 'other/1'; }, '$.schema'],
    [(m) => { m.layers.items[2].tw_ms = -1; }, '$.layers.items[2].tw_ms'],
    [(m) => { m.cuts[1].after_layer = 'nope'; }, '$.cuts[1].after_layer'],
    [(m) => { m.decision_table.entries.pop(); }, '$.decision_table.entries'],
    [(m) => { m.network_profiles.selected = '5g'; }, '$.network_profiles.selected'],
    [(m) => { m.version = 1.5; }, '$.version'],
    [(m) => { delete m.signature.key_id; }, '$.signature.key_id'],
    [(m) => { m.signature.note = 'x'; }, '$.signature.note'],
  ];
  for (const [mutate, path] of cases) {
    const m = clone(good);
    mutate(m);
    assert.throws(() => validateManifest(m), (e) => e instanceof ManifestError && e.path === path, path);
  }
  assert.doesNotThrow(() => validateManifest(clone(good)));
});

test('an unsigned manifest or an unknown key is reported, not accepted', async () => {
  const { signature, ...unsigned } = vectors.manifests[0].manifest;
  assert.equal((await verifySignature(unsigned, [vectors.public_key_pem])).valid, false);
  const other = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', other.publicKey)).toString('base64');
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----\n`;
  const verdict = await verifySignature(vectors.manifests[0].manifest, [pem]);
  assert.equal(verdict.valid, false);
  assert.match(verdict.reason, /not trusted/);
  assert.equal((await verifySignature(vectors.manifests[0].manifest, [])).checked, false);
});

test('readContext uses the Network Information API where present', async () => {
  const manifest = vectors.manifests[0].manifest;
  const navigatorLike = { hardwareConcurrency: 8, connection: { downlink: 7.5, effectiveType: '4g', type: 'cellular' } };
  const ctx = await readContext(manifest, { navigatorLike, weightsCached: true });
  assert.equal(ctx.uplinkMbps, 7.5);
  assert.equal(ctx.downlinkMbps, 7.5);
  assert.equal(ctx.network, '4g');
  assert.equal(ctx.hardwareConcurrency, 8);
  assert.equal(ctx.weightsCached, true);
  assert.equal(ctx.bandwidthSource, 'network-information');
  const d = dynamicPartitioner(ctx);
  assert.equal(d.network, '4g');
  assert.equal(d.uplink_mbps, 7.5);
});

test('readContext falls back to the manifest defaults and checks the weight cache', async () => {
  const manifest = vectors.manifests[0].manifest;
  const cache = new Map([['https://cdn/w1.bin', {}]]);
  const cachesImpl = { open: async () => ({ match: async (u) => cache.get(u) }) };
  const ctx = await readContext(manifest, { navigatorLike: { hardwareConcurrency: 2 }, cachesImpl,
    weightUrls: ['https://cdn/w1.bin'] });
  assert.equal(ctx.uplinkMbps, manifest.network_profiles.up_mbps);
  assert.equal(ctx.bandwidthSource, 'manifest');
  assert.equal(ctx.weightsCached, true);
  const missing = await readContext(manifest, { navigatorLike: {}, cachesImpl,
    weightUrls: ['https://cdn/w1.bin', 'https://cdn/w2.bin'] });
  assert.equal(missing.weightsCached, false);
});
