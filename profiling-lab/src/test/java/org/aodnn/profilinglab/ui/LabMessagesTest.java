package org.aodnn.profilinglab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The workspace's message line: news and errors are told apart, a long browser log stays out of the line
 * (first line only, shortened) but is kept whole in the detail.
 */
class LabMessagesTest {

    private final LabMessages messages = new LabMessages();

    @Test
    void infoAndErrorAreToldApart() {
        messages.error("Cannot load the model catalog: gone");
        assertTrue(messages.messageIsErrorProperty().get());
        assertEquals("Cannot load the model catalog: gone", messages.messageProperty().get());

        messages.info("  Session 3 completed  ");
        assertFalse(messages.messageIsErrorProperty().get(), "an info clears the error mark");
        assertEquals("Session 3 completed", messages.messageProperty().get(), "surrounding blanks are dropped");
        assertEquals("Session 3 completed", messages.messageDetailProperty().get());
    }

    @Test
    void aBrowserLogAfterTheFirstLineGoesOnlyToTheDetail() {
        String text = "Session 7 was interrupted: the browser exited\n[1126/091500.1:ERROR] GPU process crashed\nmore log";

        messages.error(text);

        assertEquals("Session 7 was interrupted: the browser exited …", messages.messageProperty().get());
        assertEquals(text, messages.messageDetailProperty().get());
    }

    @Test
    void anOverlongLineIsShortenedToTheLimit() {
        String longLine = "x".repeat(LabMessages.MESSAGE_CHARS + 50);

        messages.info(longLine);

        String shown = messages.messageProperty().get();
        assertEquals(LabMessages.MESSAGE_CHARS, shown.length(), "cut to the limit, the ellipsis included");
        assertTrue(shown.endsWith(" …"), shown);
        assertEquals("x".repeat(LabMessages.MESSAGE_CHARS - 2), shown.substring(0, LabMessages.MESSAGE_CHARS - 2));
        assertEquals(longLine, messages.messageDetailProperty().get());

        String exactly = "y".repeat(LabMessages.MESSAGE_CHARS);
        messages.info(exactly);
        assertEquals(exactly, messages.messageProperty().get(), "a line of exactly the limit is not cut");
    }

    @Test
    void noTextClearsTheLine() {
        messages.error("something");
        messages.info(null);
        assertEquals("", messages.messageProperty().get());
        assertEquals("", messages.messageDetailProperty().get());
    }
}
