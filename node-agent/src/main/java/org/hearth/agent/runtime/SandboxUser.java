package org.hearth.agent.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a VM's processes are. Inside, user {@code user} (uid and gid 1000) with home {@code
 * /home/user}. Outside, bubblewrap maps that user to the host's {@code nobody} (65534), an
 * unprivileged uid that owns no host files. A bwrap run by root would map it to root instead: VM
 * processes would then have owner access to every root-owned host file the sandbox exposes, and
 * share root's per-user limits and keyrings.
 */
final class SandboxUser {

  static final int HOST_UID = 65534;
  static final int HOST_GID = 65534;
  static final int UID = 1000;
  static final int GID = 1000;
  static final String NAME = "user";
  static final String HOME = "/home/user";

  private SandboxUser() {}

  /** The environment of a VM's command and terminals: a login-like base, then the spec's env. */
  static Map<String, String> environment(WorkloadSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOME", HOME);
    env.put("USER", NAME);
    env.put("LOGNAME", NAME);
    env.put("SHELL", "/bin/sh");
    env.put("LANG", "C.UTF-8");
    env.putAll(spec.env());
    return env;
  }
}
