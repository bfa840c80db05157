package org.aodnn.profilinglab.virtualphone;

import java.util.function.Supplier;

/**
 * A file of the simulated device whose content is computed (procfs, sysfs): read as text, optionally writable
 * (sysfs attributes, root only, validated like the kernel does).
 */
final class SimFile {

    /** Accepts a written value or rejects it with an errno text. */
    @FunctionalInterface
    interface Writer {
        void write(String value) throws FsException;
    }

    private final Supplier<String> reader;
    private final Writer writer;
    private final boolean readNeedsRoot;

    private SimFile(Supplier<String> reader, Writer writer, boolean readNeedsRoot) {
        this.reader = reader;
        this.writer = writer;
        this.readNeedsRoot = readNeedsRoot;
    }

    static SimFile readOnly(Supplier<String> reader) {
        return new SimFile(reader, null, false);
    }

    static SimFile rootReadable(Supplier<String> reader) {
        return new SimFile(reader, null, true);
    }

    /** A sysfs attribute: world-readable, writable by root only (mode 0644 owned by root). */
    static SimFile attribute(Supplier<String> reader, Writer writer) {
        return new SimFile(reader, writer, false);
    }

    String read(boolean root) throws FsException {
        if (readNeedsRoot && !root) {
            throw new FsException(FsException.EACCES);
        }
        String s = reader.get();
        return s.endsWith("\n") ? s : s + "\n";
    }

    void write(String value, boolean root) throws FsException {
        if (writer == null || !root) {
            throw new FsException(FsException.EACCES);
        }
        writer.write(value.strip());
    }
}
