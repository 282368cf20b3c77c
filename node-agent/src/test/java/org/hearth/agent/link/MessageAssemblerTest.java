package org.hearth.agent.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import org.hearth.protocol.agent.AgentMessages;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

  private final MessageAssembler assembler = new MessageAssembler();

  @Test
  void joinsTextFragmentsUntilTheLastOne() throws Exception {
    assertNull(assembler.text("{\"type\":", false));
    assertNull(assembler.text("\"stop\",", false));
    assertEquals("{\"type\":\"stop\",\"vmId\":\"a\"}", assembler.text("\"vmId\":\"a\"}", true));
    assertEquals("next", assembler.text("next", true));
  }

  @Test
  void joinsBinaryFragmentsIntoACopy() throws Exception {
    ByteBuffer reused = ByteBuffer.wrap(new byte[] {1, 2});
    assertNull(assembler.binary(reused, false));
    reused.clear().put(new byte[] {3, 4}).flip();
    ByteBuffer whole = assembler.binary(reused, true);
    reused.clear().put(new byte[] {9, 9});

    byte[] bytes = new byte[whole.remaining()];
    whole.get(bytes);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, bytes);
  }

  @Test
  void textAndBinaryFragmentsDoNotMix() throws Exception {
    assertNull(assembler.text("ab", false));
    assertEquals(1, assembler.binary(ByteBuffer.wrap(new byte[] {7}), true).remaining());
    assertEquals("abc", assembler.text("c", true));
  }

  @Test
  void oversizedMessagesAreRefused() throws Exception {
    String half = "x".repeat(AgentMessages.MAX_TEXT_BYTES / 2 + 1);
    assembler.text(half, false);
    assertThrows(ProtocolException.class, () -> assembler.text(half, true));
    assertEquals("fresh", assembler.text("fresh", true), "starts over after a refusal");

    ByteBuffer big = ByteBuffer.allocate(MessageAssembler.MAX_BINARY_BYTES + 1);
    assertThrows(ProtocolException.class, () -> assembler.binary(big, true));
  }
}
