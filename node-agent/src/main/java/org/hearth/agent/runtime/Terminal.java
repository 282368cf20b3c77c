package org.hearth.agent.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** A shell on a PTY inside a VM. */
public interface Terminal extends AutoCloseable {

  /** What the shell writes to the terminal; ends when the shell is gone. */
  InputStream output();

  /** What is typed into the terminal. */
  OutputStream input();

  void resize(int cols, int rows);

  /** The shell's exit code, once it has ended. */
  CompletableFuture<Integer> exit();

  /** Hangs up the terminal and kills its shell. Idempotent. */
  @Override
  void close();
}
