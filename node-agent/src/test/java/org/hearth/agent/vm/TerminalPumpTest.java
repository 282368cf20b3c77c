package org.hearth.agent.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.hearth.protocol.agent.TerminalFrame;
import org.junit.jupiter.api.Test;

class TerminalPumpTest {

  private final RecordingOutbox outbox = new RecordingOutbox();

  @Test
  void manySmallWritesThatAreWaitingBecomeOneFrame() throws Exception {
    QueueInputStream output = new QueueInputStream(10); // a PTY hands out little at a time
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 300; i++) {
      byte[] line = ("line " + i + "\n").getBytes();
      output.write(line);
      expected.write(line);
    }
    output.end();

    TerminalPump.pump(output, 7, outbox);

    List<TerminalFrame> frames = outbox.frames();
    assertEquals(1, frames.size());
    assertEquals(7, frames.get(0).channel());
    assertArrayEquals(expected.toByteArray(), bytes(frames.get(0)));
  }

  @Test
  void framesHoldAtMost64KiB() throws Exception {
    QueueInputStream output = new QueueInputStream(4096);
    for (int i = 0; i < 40; i++) {
      output.write(new byte[4096]); // 160 KiB waiting
    }
    output.end();

    TerminalPump.pump(output, 1, outbox);

    assertEquals(
        List.of(65536, 65536, 32768),
        outbox.frames().stream().map(frame -> frame.data().remaining()).toList());
  }

  @Test
  void outputThatArrivesLaterGoesInTheNextFrame() throws Exception {
    QueueInputStream output = new QueueInputStream(64);
    output.write("$ ".getBytes());
    Thread shell =
        new Thread(
            () -> {
              try {
                RecordingOutbox.await(() -> outbox.frames().size() == 1, "the prompt");
              } catch (InterruptedException e) {
                return;
              }
              output.write("ls\n".getBytes());
              output.end();
            });
    shell.start();

    TerminalPump.pump(output, 1, outbox);
    shell.join();

    assertEquals(
        List.of("$ ", "ls\n"), outbox.frames().stream().map(f -> new String(bytes(f))).toList());
  }

  private static byte[] bytes(TerminalFrame frame) {
    byte[] bytes = new byte[frame.data().remaining()];
    frame.data().duplicate().get(bytes);
    return bytes;
  }
}
