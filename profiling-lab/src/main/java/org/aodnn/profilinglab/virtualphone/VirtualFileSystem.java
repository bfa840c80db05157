package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The simulated device's files: computed procfs/sysfs files registered by the device model, and the writable
 * {@code /data/local/tmp} and {@code /sdcard} areas stored in the phone's state directory on this computer.
 */
final class VirtualFileSystem {

    private static final List<String> DISK_AREAS = List.of("/data/local/tmp", "/sdcard");

    private final Map<String, SimFile> files = new TreeMap<>();
    private final Path diskRoot;

    VirtualFileSystem(Path diskRoot) throws IOException {
        this.diskRoot = diskRoot;
        for (String area : DISK_AREAS) {
            Files.createDirectories(disk(area));
        }
    }

    void register(String path, SimFile file) {
        files.put(normalize(path), file);
    }

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    private String diskArea(String path) {
        for (String area : DISK_AREAS) {
            if (path.equals(area) || path.startsWith(area + "/")) {
                return area;
            }
        }
        return null;
    }

    /** Where a path of a disk-backed area lives on this computer (inside the state directory only). */
    Path disk(String path) {
        String rel = normalize(path).substring(1);
        Path p = diskRoot.resolve(rel).normalize();
        if (!p.startsWith(diskRoot)) {
            throw new IllegalArgumentException("path escapes the phone's storage: " + path);
        }
        return p;
    }

    boolean isDirectory(String path) {
        String p = normalize(path);
        if (diskArea(p) != null) {
            return Files.isDirectory(disk(p));
        }
        if (p.equals("/")) {
            return true;
        }
        String prefix = p + "/";
        for (String f : files.keySet()) {
            if (f.startsWith(prefix)) {
                return true;
            }
        }
        return DISK_AREAS.stream().anyMatch(a -> a.startsWith(prefix));
    }

    boolean exists(String path) {
        String p = normalize(path);
        if (diskArea(p) != null) {
            return Files.exists(disk(p));
        }
        return files.containsKey(p) || isDirectory(p);
    }

    /** Names in a directory, sorted. */
    List<String> list(String dir) {
        String d = normalize(dir);
        TreeSet<String> names = new TreeSet<>();
        if (diskArea(d) != null) {
            try (Stream<Path> s = Files.list(disk(d))) {
                s.forEach(x -> names.add(x.getFileName().toString()));
            } catch (IOException e) {
                return List.of();
            }
            return new ArrayList<>(names);
        }
        String prefix = d.equals("/") ? "/" : d + "/";
        for (String f : files.keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        for (String a : DISK_AREAS) {
            if (a.startsWith(prefix)) {
                String rest = a.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        return new ArrayList<>(names);
    }

    byte[] read(String path, boolean root) throws FsException {
        String p = normalize(path);
        if (diskArea(p) != null) {
            Path f = disk(p);
            if (Files.isDirectory(f)) {
                throw new FsException(FsException.EISDIR);
            }
            try {
                return Files.readAllBytes(f);
            } catch (IOException e) {
                throw new FsException(FsException.ENOENT);
            }
        }
        SimFile f = files.get(p);
        if (f == null) {
            throw new FsException(isDirectory(p) ? FsException.EISDIR : FsException.ENOENT);
        }
        return f.read(root).getBytes(StandardCharsets.UTF_8);
    }

    void write(String path, byte[] data, boolean append, boolean root) throws FsException {
        String p = normalize(path);
        if (diskArea(p) != null) {
            Path f = disk(p);
            try {
                if (Files.isDirectory(f)) {
                    throw new FsException(FsException.EISDIR);
                }
                if (!Files.isDirectory(f.getParent())) {
                    throw new FsException(FsException.ENOENT);
                }
                if (append) {
                    Files.write(f, data, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } else {
                    Files.write(f, data);
                }
            } catch (IOException e) {
                throw new FsException(FsException.EACCES);
            }
            return;
        }
        SimFile f = files.get(p);
        if (f == null) {
            throw new FsException(isDirectory(p) ? FsException.EISDIR
                    : p.startsWith("/sys/") || p.startsWith("/proc/") ? FsException.ENOENT : FsException.EROFS);
        }
        f.write(new String(data, StandardCharsets.UTF_8), root);
    }

    /** Creates the parent directories of a pushed file (the {@code fixed_push_mkdir} feature). */
    void makeParents(String path) throws FsException {
        String p = normalize(path);
        if (diskArea(p) == null) {
            throw new FsException(FsException.EROFS);
        }
        try {
            Files.createDirectories(disk(p).getParent());
        } catch (IOException e) {
            throw new FsException(FsException.EACCES);
        }
    }

    long size(String path) {
        String p = normalize(path);
        try {
            if (diskArea(p) != null) {
                return Files.isDirectory(disk(p)) ? 4096 : Files.size(disk(p));
            }
        } catch (IOException e) {
            return 0;
        }
        return files.containsKey(p) ? 4096 : 0;
    }
}
