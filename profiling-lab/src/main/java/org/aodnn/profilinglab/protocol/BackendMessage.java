package org.aodnn.profilinglab.protocol;

/** Whether a TF.js backend started, and how (WebAssembly threads and SIMD). */
public record BackendMessage(String backend, boolean ok, int threads, boolean simd, boolean multiThreaded,
                             String message) implements PageMessage {

    @Override
    public void validate() {
        PageMessages.checkText(backend, "backend", 40);
        PageMessages.check(threads >= 1 && threads <= 1024, "threads must be 1..1024, not " + threads);
        PageMessages.check(message != null && message.length() <= 2000, "message must be text of at most 2000 characters");
        PageMessages.check(ok || !message.isBlank(), "a backend that failed must say why in message");
    }
}
