package org.hearth.agent.config;

/** The agent's configuration is unreadable or invalid; the message says which key and why. */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
