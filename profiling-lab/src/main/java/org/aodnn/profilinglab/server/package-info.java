/**
 * The console's loopback HTTP server for one profiling session, and the page's protocol. The same page,
 * job and messages serve every target (this computer's Chromium now, a phone's browser through
 * {@code adb reverse} later).
 *
 * <p>Every URL is below {@code http://127.0.0.1:PORT/s/TOKEN/} (anything else: 403). Every response
 * carries {@code Cross-Origin-Opener-Policy: same-origin} and {@code Cross-Origin-Embedder-Policy:
 * require-corp}, so the page is cross-origin isolated (SharedArrayBuffer for threaded wasm, 5 µs timer).
 * <ul>
 * <li>{@code GET index.html}, {@code js/*.js}, {@code vendor/tfjs/*} — the page, its ES modules, and the
 * TF.js bundles and {@code .wasm} binaries (as {@code application/wasm}) that the build copied from npm;</li>
 * <li>{@code GET api/job} — the job ({@link org.aodnn.profilinglab.job.ProfilingJob#toJson()});</li>
 * <li>{@code GET api/weights?bytes=N} — N random bytes, timed by the page as a weight download;</li>
 * <li>{@code POST api/hello}, {@code api/throughput}, {@code api/backend}, {@code api/result},
 * {@code api/skip}, {@code api/done}, {@code api/error} — JSON bodies, the records of
 * {@code org.aodnn.profilinglab.protocol}, read strictly: 400 for anything malformed or inconsistent
 * with the job, 409 for a message out of order or repeated, 415 for a body that is not JSON, 204 once
 * the message is stored. Nothing is stored from a refused request.</li>
 * </ul>
 * The page posts hello first, then the throughput, then per backend: backend, and one result or skip
 * per layer, in order; done at the end (or error).
 */
package org.aodnn.profilinglab.server;
