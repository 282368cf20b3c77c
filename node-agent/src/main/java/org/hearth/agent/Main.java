package org.hearth.agent;

import java.io.IOException;
import java.util.Properties;
import org.hearth.agent.config.AgentConfig;
import org.hearth.agent.config.ConfigException;
import org.hearth.agent.link.RegistrationException;
import org.hearth.agent.runtime.WorkloadException;

/**
 * {@code java -jar hearth-agent.jar --server URL [--config FILE] [--data-dir DIR] [--rebenchmark]}.
 * Exits with 2 for a bad command line or configuration, 1 when the agent cannot start.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    }
    try {
      AgentArguments arguments = AgentArguments.parse(args);
      AgentConfig config =
          arguments.config() == null
              ? AgentConfig.parse(new Properties())
              : AgentConfig.load(arguments.config());
      if (arguments.dataDir() != null) {
        config = config.withDataDir(arguments.dataDir());
      }
      new Agent(arguments, config).start();
    } catch (ConfigException e) {
      System.err.println("hearth-agent: " + e.getMessage());
      System.exit(2);
    } catch (RegistrationException | WorkloadException | IOException e) {
      System.err.println("hearth-agent: cannot start: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }
}
