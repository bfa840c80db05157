package org.aodnn.profilinglab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The profiling page's files, read from the classpath ({@code org/aodnn/profilinglab/web/}): the HTML,
 * its ES modules and the TF.js bundles and {@code .wasm} binaries the build copied from npm.
 */
public final class StaticFiles {

    public static final String ROOT = "org/aodnn/profilinglab/web/";
    /** Only plain relative paths: no "..", no hidden files, no odd characters. */
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "wasm", "application/wasm",
            "json", "application/json",
            "css", "text/css; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public StaticFiles() {
        this(StaticFiles.class.getClassLoader());
    }

    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    public record File(byte[] content, String contentType) {
    }

    /** The file at a page-relative path, if it is one of the page's files. */
    public Optional<File> find(String relativePath) {
        if (!SAFE_PATH.matcher(relativePath).matches() || relativePath.contains("..")) {
            return Optional.empty();
        }
        String type = contentType(relativePath);
        if (type == null) {
            return Optional.empty();
        }
        if (!cache.containsKey(relativePath) && !exists(relativePath)) {
            return Optional.empty();
        }
        return Optional.of(new File(cache.computeIfAbsent(relativePath, this::load), type));
    }

    /** Whether the TF.js files were copied in by the build (they come from npm, not from the sources). */
    public boolean hasTfjs() {
        return exists("vendor/tfjs/tf.min.js") && exists("vendor/tfjs/tf-backend-wasm.min.js")
                && exists("vendor/tfjs/tfjs-backend-wasm-simd.wasm");
    }

    private boolean exists(String relativePath) {
        return loader.getResource(ROOT + relativePath) != null;
    }

    private byte[] load(String relativePath) {
        try (InputStream in = loader.getResourceAsStream(ROOT + relativePath)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page file " + relativePath, e);
        }
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1));
    }
}
