package org.aodnn.edgeconnector.publish;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape of the agent's answers, checked before the console believes them: a web server answering 200
 * with a page to everything, or an answer with a field of the wrong type, must not count as an agent that
 * is fine or took the manifest. Each check returns what is wrong (naming the field), or null.
 */
final class AgentAnswers {

    private AgentAnswers() {
    }

    /** {@code GET /healthz}: 200 {"status":"ok","version":text,"manifests":whole number ≥ 0,"uptime_s"?:number}. */
    static String healthProblem(EdgeClient.Answer answer) {
        if (answer.status() != 200) {
            return answer.summary();
        }
        JsonNode j = answer.json();
        if (j == null || !j.isObject() || !j.has("status")) {
            return "HTTP 200, but not an edge agent's answer: " + EdgeClient.abbreviate(answer.body());
        }
        if (!"ok".equals(j.get("status").asText(null))) {
            return "the agent reports status " + j.get("status") + ", not \"ok\"";
        }
        if (!j.path("version").isTextual()) {
            return "malformed /healthz answer: \"version\" is " + shown(j.get("version")) + ", expected text";
        }
        JsonNode manifests = j.get("manifests");
        if (manifests == null || !manifests.canConvertToExactIntegral() || manifests.asLong() < 0
                || manifests.asLong() > Integer.MAX_VALUE) {
            return "malformed /healthz answer: \"manifests\" is " + shown(manifests) + ", expected a whole number";
        }
        if (j.hasNonNull("uptime_s") && !j.get("uptime_s").isNumber()) {
            return "malformed /healthz answer: \"uptime_s\" is " + shown(j.get("uptime_s")) + ", expected a number";
        }
        return null;
    }

    /** {@code GET /v1/manifests}: {"manifests":[{"model":text,"version":whole number,"sha256":text,...}]}. */
    static String listingProblem(JsonNode json) {
        JsonNode list = json.get("manifests");
        if (list == null || !list.isArray()) {
            return "\"manifests\" is " + shown(list) + ", expected a list";
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String at = "manifests[" + i + "]";
            if (!m.isObject()) {
                return at + " is " + shown(m) + ", expected an object";
            }
            if (!m.path("model").isTextual()) {
                return at + ".model is " + shown(m.get("model")) + ", expected text";
            }
            if (!m.path("version").canConvertToExactIntegral()) {
                return at + ".version is " + shown(m.get("version")) + ", expected a whole number";
            }
            if (!m.path("sha256").isTextual()) {
                return at + ".sha256 is " + shown(m.get("sha256")) + ", expected text";
            }
        }
        return null;
    }

    /**
     * A 200/201 answer to {@code PUT /v1/manifests/{model}}: the agent's JSON naming exactly the model, version
     * and sha256 just sent; null when it does, else why not.
     */
    static String uploadProblem(EdgeClient.Answer answer, String model, long version, String sha256) {
        JsonNode j = answer.json();
        if (j == null || !j.isObject()) {
            return answer.summary();
        }
        if (!model.equals(j.path("model").asText(null))) {
            return "HTTP " + answer.status() + " names model " + shown(j.get("model")) + ", not " + model;
        }
        if (!j.path("version").canConvertToExactIntegral() || j.get("version").asLong() != version) {
            return "HTTP " + answer.status() + " names version " + shown(j.get("version")) + ", not " + version;
        }
        if (!sha256.equals(j.path("sha256").asText(null))) {
            return "HTTP " + answer.status() + " names sha256 " + shown(j.get("sha256")) + ", not the " + sha256
                    + " sent";
        }
        return null;
    }

    /**
     * A 200 answer to a rollback: {"model","withdrawn":true} or {"model","version","sha256"} of the manifest now
     * current; null when it is one of them, else why not.
     */
    static String rollbackProblem(EdgeClient.Answer answer, String model) {
        JsonNode j = answer.json();
        if (j == null || !j.isObject()) {
            return answer.summary();
        }
        if (!model.equals(j.path("model").asText(null))) {
            return "HTTP 200 names model " + shown(j.get("model")) + ", not " + model;
        }
        if (j.path("withdrawn").asBoolean(false)) {
            return null;
        }
        if (!j.path("version").canConvertToExactIntegral()) {
            return "HTTP 200 names version " + shown(j.get("version")) + ", expected a whole number";
        }
        if (!j.path("sha256").isTextual()) {
            return "HTTP 200 names sha256 " + shown(j.get("sha256")) + ", expected text";
        }
        return null;
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        String s = value.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
