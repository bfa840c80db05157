package org.aodnn.profilinglab.virtualphone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Where a simulated command's output goes: the host stream, a pipe buffer, a file, or nowhere. */
interface ShellOutput {

    void write(byte[] data) throws IOException;

    default void print(String s) throws IOException {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    default void println(String s) throws IOException {
        print(s + "\n");
    }

    ShellOutput DISCARD = data -> { };

    /** Collects output in memory (pipes, command substitution, redirection to a file). */
    final class Buffer implements ShellOutput {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(byte[] data) {
            bytes.writeBytes(data);
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
