package org.aodnn.edgeconnector.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An agent's exclusive hold on its data directory ({@value #FILE} inside it), for as long as it runs. Two
 * agents on one directory would each keep their own idea of the current manifests and overwrite each
 * other's versions, so the second one refuses to start. The lock is the operating system's (released when
 * the process dies, even by kill -9), so a stale lock file never blocks a restart.
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String FILE = "agent.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once or fails with {@link InUseException}; never waits. */
    public static DataDirectoryLock acquire(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            // another process holds it: null; another agent in this JVM holds it: OverlappingFileLockException
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new InUseException(dataDir);
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The data directory is held by another running agent. */
    public static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(Path dataDir) {
            super("the data directory " + dataDir + " is in use by another edge agent (" + dataDir.resolve(FILE)
                    + " is locked); stop that agent or give this one another --data directory");
        }
    }
}
