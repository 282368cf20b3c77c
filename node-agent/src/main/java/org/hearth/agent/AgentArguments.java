package org.hearth.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.hearth.agent.config.ConfigException;

/**
 * The command line: {@code --server URL [--config FILE] [--data-dir DIR] [--rebenchmark]}.
 *
 * @param config null when no config file is given (all defaults)
 * @param dataDir null unless given; overrides the config file's {@code data-dir}
 */
record AgentArguments(URI server, Path config, Path dataDir, boolean rebenchmark) {

  static final String USAGE =
      "usage: java -jar hearth-agent.jar --server http(s)://host:port"
          + " [--config agent.properties] [--data-dir DIR] [--rebenchmark]";

  static AgentArguments parse(String... args) throws ConfigException {
    URI server = null;
    Path config = null;
    Path dataDir = null;
    boolean rebenchmark = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--server" -> server = serverUrl(value(args, ++i, "--server"));
        case "--config" -> config = Path.of(value(args, ++i, "--config"));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
        case "--rebenchmark" -> rebenchmark = true;
        default -> throw new ConfigException("unknown argument '" + args[i] + "'\n" + USAGE);
      }
    }
    if (server == null) {
      throw new ConfigException("--server is required\n" + USAGE);
    }
    return new AgentArguments(server, config, dataDir, rebenchmark);
  }

  private static String value(String[] args, int index, String option) throws ConfigException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new ConfigException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static URI serverUrl(String text) throws ConfigException {
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        "--server: expected the server's URL, http(s)://host[:port][/path], got '" + text + "'");
  }
}
