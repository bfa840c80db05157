/**
 * Profiling sessions as background tasks, for the CLI and the Profiling Lab workspace.
 *
 * <pre>{@code
 * ProfilingTarget target = ProfilingTargets.byName("local-chromium", null);
 * ProfilingRequest request = new ProfilingRequest(
 *         List.of(new ModelSelection(store.models().find("mobilenet_v2").orElseThrow(), LayerSelection.parse("0-20"))),
 *         ProfilingSettings.defaults(List.of("cpu", "wasm")).withRuns(2, 3));
 * ProfilingSessionTask task = new ProfilingSessionTask(store, target, request, listener);
 * executor.execute(task, TaskCallbacks.of(outcome -> ..., error -> ...).withCancelled(...).withProgress(...));
 * // task.cancel() ends the browser and marks the session cancelled; rows measured so far are kept.
 * }</pre>
 *
 * Progress is layer results (measured or skipped) out of layers x backends, with an ETA in the message.
 * The {@link org.aodnn.profilinglab.session.ProfilingListener} hears each stored row as it arrives, on the
 * task's thread (hop to the UI thread with {@code TaskExecutor.runOnUiThread}).
 */
package org.aodnn.profilinglab.session;
