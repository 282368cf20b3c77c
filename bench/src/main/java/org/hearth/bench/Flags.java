package org.hearth.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A driver's command line as {@code --name value} or {@code --name=value} pairs, every name known
 * in advance; {@code --help} asks for the usage. Values are read, with their defaults, by type.
 */
final class Flags {
  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @throws Options.UsageException with a null message for {@code --help}, else naming the problem
   */
  static Flags parse(Set<String> known, String... args) {
    Map<String, String> values = new HashMap<>();
    for (Flag flag : split(Set.of(), args)) {
      if (!known.contains(flag.name())) {
        throw new Options.UsageException("unknown option " + flag.name());
      }
      values.put(flag.name(), flag.value());
    }
    return new Flags(values);
  }

  /** One {@code --name value}; a switch's value is {@code "true"}. */
  record Flag(String name, String value) {}

  /**
   * Splits a command line into flags; the names in {@code switches} take no value.
   *
   * @throws Options.UsageException with a null message for {@code --help}, else naming the problem
   */
  static List<Flag> split(Set<String> switches, String... args) {
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new Options.UsageException(null);
      }
      int eq = flag.indexOf('=');
      if (switches.contains(flag)) {
        flags.add(new Flag(flag, "true"));
      } else if (eq > 0) {
        flags.add(new Flag(flag.substring(0, eq), flag.substring(eq + 1)));
      } else if (i + 1 < args.length) {
        flags.add(new Flag(flag, args[++i]));
      } else {
        throw new Options.UsageException(flag + " needs a value");
      }
    }
    return flags;
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int positiveInt(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 1) {
        throw new Options.UsageException(name + " must be at least 1");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new Options.UsageException(name + " " + value + ": not a number");
    }
  }

  Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Duration.parse(value);
    } catch (RuntimeException e) {
      throw new Options.UsageException(name + " " + value + ": not an ISO-8601 duration");
    }
  }

  /** {@code --server}, which must be this machine: drivers never load anyone else's server. */
  URI server(String fallback) {
    return localServer(URI.create(stripSlash(string("--server", fallback))));
  }

  /** {@code --public-url}, the server's hearth.public-url that NIP-98 u tags must match. */
  String publicUrl(URI server) {
    return stripSlash(string("--public-url", server.toString()));
  }

  static URI localServer(URI server) {
    String host = server.getHost();
    if (!"http".equals(server.getScheme())
        || !("localhost".equals(host) || "127.0.0.1".equals(host))) {
      throw new Options.UsageException(
          "--server must be http://localhost:PORT or http://127.0.0.1:PORT");
    }
    return server;
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
