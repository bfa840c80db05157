package org.aodnn.edgeconnector.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NodeUrlTest {

    @Test
    void usableBaseUrls() {
        assertNull(NodeUrl.problem("http://127.0.0.1:8787"));
        assertNull(NodeUrl.problem("https://edge1.example.org:1"));
        assertNull(NodeUrl.problem("https://edge1.example.org:65535/agent/"));
        assertNull(NodeUrl.problem(" http://edge-1 "));
        assertEquals(URI.create("http://edge-1"), NodeUrl.parse(" http://edge-1 "));
    }

    @Test
    void problemsSayWhatIsExpected() {
        assertEquals("URL must start with http:// or https://", NodeUrl.problem("127.0.0.1:18787"));
        assertEquals("URL must start with http:// or https://", NodeUrl.problem("ftp://host/x"));
        assertEquals("URL port 99999 is outside 1-65535", NodeUrl.problem("http://127.0.0.1:99999"));
        assertEquals("URL port 0 is outside 1-65535", NodeUrl.problem("http://127.0.0.1:0"));
        assertTrue(NodeUrl.problem("http://:8080").startsWith("URL has no"), NodeUrl.problem("http://:8080"));
        assertTrue(NodeUrl.problem("http:///x").startsWith("URL has no host"), NodeUrl.problem("http:///x"));
        assertTrue(NodeUrl.problem("http://h:abc").contains("'h:abc'"), NodeUrl.problem("http://h:abc"));
        assertTrue(NodeUrl.problem("http://").startsWith("URL is not valid: "), NodeUrl.problem("http://"));
        assertTrue(NodeUrl.problem("http://h:1/?x=1").contains("without ?query"));
        assertEquals("URL is empty; expected http://host:port", NodeUrl.problem(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeUrl.parse("http://127.0.0.1:99999"));
        assertEquals("URL port 99999 is outside 1-65535 (got 'http://127.0.0.1:99999')", e.getMessage());
    }

    @Test
    void aTargetCannotBeMadeForAnUnusableUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodeTarget("n5", URI.create("http://127.0.0.1:99999"), null));
        assertTrue(e.getMessage().startsWith("edge node 'n5': URL port 99999 is outside 1-65535"), e.getMessage());
    }

    @Test
    void oneAgentHasOneSpelling() {
        assertEquals("http://127.0.0.1:18787", NodeUrl.normalize("http://127.0.0.1:18787/"));
        assertEquals("http://127.0.0.1:18787", NodeUrl.normalize(" HTTP://127.0.0.1:18787// "));
        assertEquals("http://edge-1", NodeUrl.normalize("http://Edge-1:80"));
        assertEquals("https://edge-1", NodeUrl.normalize("https://EDGE-1:443/"));
        assertEquals("https://edge-1:80", NodeUrl.normalize("https://edge-1:80"), "80 is not https's default");
        assertEquals("http://edge-1:8787/agent", NodeUrl.normalize("http://edge-1:8787/agent/"));
        assertTrue(NodeUrl.sameAgent("http://127.0.0.1:18787", "http://127.0.0.1:18787/"));
        assertTrue(!NodeUrl.sameAgent("http://127.0.0.1:18787", "http://127.0.0.1:18788"));
        assertTrue(!NodeUrl.sameAgent("http://127.0.0.1:99999", "http://127.0.0.1:99999"), "unusable matches nothing");
        assertEquals("URL port 99999 is outside 1-65535 (got 'http://127.0.0.1:99999/')",
                assertThrows(IllegalArgumentException.class, () -> NodeUrl.normalize("http://127.0.0.1:99999/"))
                        .getMessage());
    }
}
