package org.aodnn.profilinglab.virtualphone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AdbPacketTest {

    @Test
    void headerLayoutFromProtocolTxt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AdbPacket(AdbPacket.A_OPEN, 5, 0, AdbPacket.cString("shell:ls")).writeTo(out);
        byte[] b = out.toByteArray();
        assertEquals(24 + 9, b.length);
        assertEquals("OPEN", new String(b, 0, 4, "US-ASCII"));
        assertEquals(5, b[4]);
        assertEquals(9, b[12]);
        int checksum = (b[16] & 0xff) | (b[17] & 0xff) << 8;
        assertEquals(AdbPacket.checksum(AdbPacket.cString("shell:ls")), checksum);
        assertEquals((byte) ~'O', b[20]);
        AdbPacket back = AdbPacket.readFrom(new ByteArrayInputStream(b), true);
        assertEquals("shell:ls", back.payloadString());
        assertArrayEquals(AdbPacket.cString("shell:ls"), back.payload());
        assertNull(AdbPacket.readFrom(new ByteArrayInputStream(new byte[0]), true));
    }

    @Test
    void corruptPacketsAreProtocolErrors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AdbPacket(AdbPacket.A_WRTE, 1, 2, new byte[] {1, 2, 3}).writeTo(out);
        byte[] badMagic = out.toByteArray().clone();
        badMagic[20] ^= 1;
        IOException e = assertThrows(IOException.class, () -> AdbPacket.readFrom(new ByteArrayInputStream(badMagic), false));
        assertTrue(e.getMessage().contains("magic"));
        byte[] badSum = out.toByteArray().clone();
        badSum[24] = 9;
        assertThrows(IOException.class, () -> AdbPacket.readFrom(new ByteArrayInputStream(badSum), true));
        // Since version 0x01000001 the checksum is not verified.
        assertEquals(9, AdbPacket.readFrom(new ByteArrayInputStream(badSum), false).payload()[0]);
    }
}
