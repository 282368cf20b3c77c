package org.hearth.agent.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.hearth.protocol.agent.TerminalFrame;
import org.junit.jupiter.api.Test;

class TerminalPumpTest {

  private final RecordingOutbox outbox = new RecordingOutbox();

  @Test
  void aBurstOfSmallReadsBecomesFewFramesOfAtMost64KiB() throws Exception {
    QueueInputStream output = new QueueInputStream(1024); // a PTY hands out 1-4 KiB at a time
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 20_000; i++) {
      expected.writeBytes(("line " + i + "\n").getBytes());
    }
    output.write(expected.toByteArray());
    output.end();

    TerminalPump.pump(output, 7, outbox, TimeUnit.MINUTES.toNanos(1)); // however slow the test

    List<TerminalFrame> frames = outbox.frames();
    int size = expected.size();
    assertEquals(
        List.of(65536, 65536, 65536, size - 3 * 65536),
        frames.stream().map(f -> f.data().remaining()).toList());
    assertTrue(frames.stream().allMatch(f -> f.channel() == 7));
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    frames.forEach(frame -> received.writeBytes(bytes(frame)));
    assertArrayEquals(expected.toByteArray(), received.toByteArray());
  }

  @Test
  void smallOutputLeavesAtOnceAndABurstAfterItsLinger() throws Exception {
    QueueInputStream output = new QueueInputStream(4096);
    Thread pump = pumpInBackground(output, 1);
    output.write("a".getBytes()); // an echoed keystroke
    RecordingOutbox.await(() -> outbox.frames().size() == 1, "the echo");
    output.write(new byte[2048]); // a burst that then stops, the output still open
    RecordingOutbox.await(() -> outbox.frames().size() == 2, "the burst, once it lingered");
    output.end();
    pump.join(5000);

    assertEquals(
        List.of(1, 2048), outbox.frames().stream().map(f -> f.data().remaining()).toList());
  }

  @Test
  void outputReadWhileAFrameIsOnItsWayGoesOutInTheNextFrame() throws Exception {
    QueueInputStream output = new QueueInputStream(10);
    outbox.holdFrames();
    output.write("$ ".getBytes());
    Thread pump = pumpInBackground(output, 7);
    RecordingOutbox.await(() -> outbox.heldFrames() == 1, "the prompt's frame");
    for (int i = 0; i < 30; i++) {
      output.write(("l" + i + "\n").getBytes());
    }
    RecordingOutbox.await(() -> output.available() == 0, "the pump to read every line");
    outbox.releaseFrames();
    RecordingOutbox.await(() -> outbox.heldFrames() == 1, "the lines' frame");
    output.end();
    outbox.releaseFrames();
    pump.join(5000);

    assertEquals(2, outbox.frames().size());
    assertTrue(new String(bytes(outbox.frames().get(1))).startsWith("l0\nl1\n"));
    assertTrue(new String(bytes(outbox.frames().get(1))).endsWith("l29\n"));
  }

  @Test
  void readingWaitsWhileAFullFrameWaitsForTheLink() throws Exception {
    QueueInputStream output = new QueueInputStream(4096);
    outbox.holdFrames();
    for (int i = 0; i < 41; i++) {
      output.write(new byte[4096]);
    }
    output.end();
    Thread pump = pumpInBackground(output, 1);
    RecordingOutbox.await(() -> outbox.heldFrames() == 1, "the first frame");
    Thread.sleep(100);
    int unread = output.available();
    Thread.sleep(100);
    // At most the frame on its way, a full frame waiting and one read in hand: 132 of 164 KiB.
    assertTrue(unread > 0, "the pump read everything while the link took nothing");
    assertEquals(unread, output.available(), "the pump kept reading");

    while (pump.isAlive()) {
      outbox.releaseFrames();
      pump.join(10);
    }
    assertEquals(
        41 * 4096, outbox.frames().stream().mapToInt(frame -> frame.data().remaining()).sum());
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

  @Test
  void aFrameTheLinkCannotTakeEndsThePump() {
    outbox.linkDown(true);
    QueueInputStream output = new QueueInputStream(64);
    output.write("$ ".getBytes());
    output.end();

    assertThrows(CompletionException.class, () -> TerminalPump.pump(output, 1, outbox));
  }

  private Thread pumpInBackground(QueueInputStream output, int channel) {
    Thread pump =
        new Thread(
            () -> {
              try {
                TerminalPump.pump(output, channel, outbox);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    pump.start();
    return pump;
  }

  private static byte[] bytes(TerminalFrame frame) {
    byte[] bytes = new byte[frame.data().remaining()];
    frame.data().duplicate().get(bytes);
    return bytes;
  }
}
