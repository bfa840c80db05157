package org.aodnn.edgeconnector.publish;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one check of an edge agent's base URL ({@code http(s)://host[:port][/path]}), shared by {@code edge add},
 * the workspace's node form and every read of the registry. Java's {@link URI} accepts more than an HTTP
 * client can use (port 99999, no host, any scheme), and its own wording ("Illegal character in scheme name")
 * does not tell an operator what to type; so this says what is expected instead.
 */
public final class NodeUrl {

    public static final String EXPECTED = "http://host:port";

    private NodeUrl() {
    }

    /** Why {@code url} cannot be an agent's base URL (one sentence starting with "URL"), or null when it can. */
    public static String problem(String url) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) {
            return "URL is empty; expected " + EXPECTED;
        }
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return "URL must start with http:// or https://";
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
            return "URL is not valid: " + e.getReason() + where + "; expected " + EXPECTED;
        }
        return problem(uri);
    }

    /** As {@link #problem(String)} for a parsed URI. */
    public static String problem(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "URL must start with http:// or https://";
        }
        if (uri.getHost() == null) {
            // "http://h:abc" parses as a registry-based authority without a host, so the port may be the culprit
            return uri.getRawAuthority() == null ? "URL has no host; expected " + EXPECTED
                    : "URL has no valid host[:port] in '" + uri.getRawAuthority() + "'; expected " + EXPECTED;
        }
        int port = uri.getPort();
        if (port != -1 && (port < 1 || port > 65535)) {
            return "URL port " + port + " is outside 1-65535";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "URL must be the agent's base URL, without ?query or #fragment";
        }
        return null;
    }

    /** The parsed base URL; an {@link IllegalArgumentException} names the problem and the value otherwise. */
    public static URI parse(String url) {
        String problem = problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " (got '" + url + "')");
        }
        return URI.create(url.trim());
    }

    /** Checks an already parsed base URL the same way. */
    public static URI check(URI uri) {
        String problem = problem(uri);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " (got '" + uri + "')");
        }
        return uri;
    }

    /**
     * The one spelling of an agent's base URL that the registry stores and compares: scheme and host in lower
     * case, no default port (80 for http, 443 for https), no trailing slash. So {@code http://127.0.0.1:8787/}
     * and {@code HTTP://127.0.0.1:8787} are recognised as the same agent, which must not be registered twice
     * (every publication would reach it twice). Host names are not resolved: {@code localhost} and
     * {@code 127.0.0.1} stay different spellings.
     */
    public static String normalize(String url) {
        URI u = parse(url);
        String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = u.getPort();
        if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
            port = -1;
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@";
        return scheme + "://" + userInfo + u.getHost().toLowerCase(java.util.Locale.ROOT)
                + (port == -1 ? "" : ":" + port) + path;
    }

    /** Whether two registered URLs name the same agent; a URL that is not usable matches nothing. */
    public static boolean sameAgent(String a, String b) {
        if (problem(a) != null || problem(b) != null) {
            return false;
        }
        return normalize(a).equals(normalize(b));
    }
}
