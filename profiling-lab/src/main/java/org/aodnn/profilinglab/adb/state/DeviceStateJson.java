package org.aodnn.profilinglab.adb.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of a device state: for {@code device show --json} and for the snapshot's JSON columns. */
public final class DeviceStateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeviceStateJson() {
    }

    public static ObjectNode toJson(DeviceState s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("serial", s.serial());
        o.put("takenAt", s.takenAt().toString());
        o.put("simulated", s.simulated());
        o.set("identity", MAPPER.valueToTree(s.identity()));
        o.put("cores", s.coreCount());
        o.set("cpu", MAPPER.valueToTree(s.cpu()));
        o.set("policies", MAPPER.valueToTree(s.policies()));
        o.set("battery", MAPPER.valueToTree(s.battery()));
        o.set("currentConvention", MAPPER.valueToTree(s.current()));
        o.set("thermal", MAPPER.valueToTree(s.thermal()));
        o.set("screen", MAPPER.valueToTree(s.screen()));
        if (s.brightness() == null) {
            o.putNull("brightness");
        } else {
            o.put("brightness", s.brightness());
        }
        o.set("browsers", MAPPER.valueToTree(s.browsers()));
        o.put("rooted", s.rooted());
        o.put("root", s.root());
        return o;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write device state as JSON: " + e.getMessage(), e);
        }
    }
}
