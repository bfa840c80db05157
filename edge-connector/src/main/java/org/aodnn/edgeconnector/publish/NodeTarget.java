package org.aodnn.edgeconnector.publish;

import java.net.URI;
import org.aodnn.db.domain.EdgeNode;

/** Where to reach one edge agent: its name, base URL and optional bearer token. */
public record NodeTarget(String name, URI baseUrl, String token) {

    public NodeTarget {
        if (baseUrl.getScheme() == null || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("edge node '" + name + "': URL " + baseUrl + " must be http:// or https://");
        }
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }

    public static NodeTarget of(EdgeNode node) {
        try {
            return new NodeTarget(node.name(), URI.create(node.url()), node.token());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("edge node '" + node.name() + "': " + e.getMessage(), e);
        }
    }

    URI resolve(String path) {
        return URI.create(baseUrl + path);
    }
}
