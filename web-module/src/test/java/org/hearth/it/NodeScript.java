package org.hearth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs one of the npm-installed helper scripts under Node: a request on stdin, the answer out. */
final class NodeScript {

  private NodeScript() {}

  /**
   * @param dirProperty the system property naming the script's directory (where npm installed it)
   */
  static String run(String dirProperty, String script, String input) {
    Path dir = Path.of(System.getProperty(dirProperty));
    try {
      Process node =
          new ProcessBuilder("node", dir.resolve(script).toString())
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      node.getOutputStream().close();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new AssertionError(script + " failed: " + output);
      }
      return output.trim();
    } catch (IOException e) {
      throw new AssertionError("cannot run node: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
