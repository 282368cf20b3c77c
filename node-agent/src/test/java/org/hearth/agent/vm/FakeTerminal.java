package org.hearth.agent.vm;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.agent.runtime.Terminal;

/** A terminal whose shell is played by the test. */
final class FakeTerminal implements Terminal {
  final QueueInputStream output = new QueueInputStream(16);
  final ByteArrayOutputStream input = new ByteArrayOutputStream();
  final List<String> sizes = new CopyOnWriteArrayList<>();
  final CompletableFuture<Integer> exit = new CompletableFuture<>();
  volatile boolean closed;

  FakeTerminal(int cols, int rows) {
    sizes.add(cols + "x" + rows);
  }

  /** The shell prints, then ends with this code. */
  void shellEnds(String lastWords, int code) {
    output.write(lastWords.getBytes());
    exit.complete(code);
    output.end();
  }

  synchronized String typed() {
    return input.toString();
  }

  @Override
  public InputStream output() {
    return output;
  }

  @Override
  public OutputStream input() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (FakeTerminal.this) {
          input.write(b);
        }
      }
    };
  }

  @Override
  public void resize(int cols, int rows) {
    sizes.add(cols + "x" + rows);
  }

  @Override
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  @Override
  public void close() {
    closed = true;
    output.end();
  }
}
