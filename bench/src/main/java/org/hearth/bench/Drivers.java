package org.hearth.bench;

/** What the drivers' main methods share. */
final class Drivers {
  private Drivers() {}

  /** Prints the usage for {@code --help} (exit 0) or after the problem (exit 2), and exits. */
  static void usage(Options.UsageException e, String usage) {
    if (e.getMessage() != null) {
      System.err.println("error: " + e.getMessage());
    }
    System.err.print(usage);
    System.exit(e.getMessage() == null ? 0 : 2);
  }
}
