package org.aodnn.edgeconnector.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer's body up to {@code cap} bytes. More (or a Content-Length above it) cancels the
 * subscription, which closes the connection, so a node streaming gigabytes is never read to the end, let
 * alone kept in memory; {@link #abort()} does the same when the call's deadline has passed.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer is longer than the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final int cap;
    private final long declared;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean aborted;

    /** {@code declared}: the answer's Content-Length, -1 when it has none. */
    CappedBody(int cap, long declared) {
        this.cap = cap;
        this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > cap || aborted) {
            s.cancel();
            result.completeExceptionally(aborted ? new IOException("aborted") : new TooLargeException());
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException());
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    /** Lets go of the answer: cancels the subscription (closing the connection). */
    void abort() {
        aborted = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new IOException("aborted"));
    }
}
