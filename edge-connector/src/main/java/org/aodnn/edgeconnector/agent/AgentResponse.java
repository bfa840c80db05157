package org.aodnn.edgeconnector.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON answer of the agent: status code and body. Errors are {@code {"status": code, "error": "..."}}. */
public record AgentResponse(int status, ObjectNode body) {

    public static AgentResponse error(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", status);
        body.put("error", message);
        return new AgentResponse(status, body);
    }

    public static AgentResponse ok(int status, ObjectNode body) {
        return new AgentResponse(status, body);
    }
}
