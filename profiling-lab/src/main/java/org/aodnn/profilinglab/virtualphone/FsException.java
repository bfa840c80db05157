package org.aodnn.profilinglab.virtualphone;

/** A failed file operation on the simulated device, with the errno text Linux would give. */
final class FsException extends Exception {

    static final String ENOENT = "No such file or directory";
    static final String EACCES = "Permission denied";
    static final String EINVAL = "Invalid argument";
    static final String EISDIR = "Is a directory";
    static final String EROFS = "Read-only file system";

    FsException(String errno) {
        super(errno);
    }
}
