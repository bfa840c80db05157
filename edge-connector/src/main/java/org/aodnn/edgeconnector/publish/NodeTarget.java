package org.aodnn.edgeconnector.publish;

import java.net.URI;
import org.aodnn.db.domain.EdgeNode;

/**
 * Where to reach one edge agent: its name, base URL and optional bearer token. The URL passes
 * {@link NodeUrl}, so no request to it can fail on the URL itself (a bad port, say) once a target exists.
 */
public record NodeTarget(String name, URI baseUrl, String token) {

    public NodeTarget {
        try {
            NodeUrl.check(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("edge node '" + name + "': " + e.getMessage(), e);
        }
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }

    /**
     * The target of a registered node. A registration that was stored before the URL checks existed (or
     * edited by hand) fails here with a message naming the node and how to fix it.
     */
    public static NodeTarget of(EdgeNode node) {
        String problem = NodeUrl.problem(node.url());
        if (problem != null) {
            throw new IllegalArgumentException("edge node '" + node.name() + "' is registered with an unusable URL: "
                    + problem + " (got '" + node.url() + "'); fix it with: aodnn edge update " + node.name() + " --url "
                    + NodeUrl.EXPECTED);
        }
        return new NodeTarget(node.name(), URI.create(node.url().trim()), node.token());
    }

    URI resolve(String path) {
        return URI.create(baseUrl + path);
    }
}
