package org.aodnn.db.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aParseErrorNamesLineAndColumnWithoutTheParsersNotes() {
        JsonProcessingException truncated = assertThrows(JsonProcessingException.class,
                () -> Json.MAPPER.readTree("{\n  \"layers\": [1,"));
        String problem = Json.problem(truncated);
        assertTrue(problem.startsWith("line 2, column "), problem);
        assertFalse(problem.contains("REDACTED") || problem.contains("StreamReadFeature"), problem);
        assertTrue(problem.contains("end-of-input"), problem);

        JsonProcessingException bad = assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree("{x}"));
        assertTrue(Json.problem(bad).startsWith("line 1, column 2: "), Json.problem(bad));
    }
}
