package org.hearth.agent.runtime;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to run for one VM.
 *
 * @param vmId names the VM's directory, cgroups and hostname: 1 to 64 of {@code [A-Za-z0-9_.-]},
 *     starting with a letter or digit
 * @param vcpus CPU quota in whole CPUs
 * @param memoryMiB memory limit (RAM and swap together)
 * @param diskGiB the VM's disk size; not enforced by the sandbox runtime (see package docs)
 * @param command a shell command line, run with {@code /bin/sh -c} inside the VM
 * @param env extra environment of the command and of terminals; names match {@code
 *     [A-Za-z_][A-Za-z0-9_]*}
 * @param outboundNetwork whether the VM shares the host's network; without it the VM only has a
 *     loopback interface
 * @throws IllegalArgumentException for any value outside these rules
 */
public record WorkloadSpec(
    String vmId,
    int vcpus,
    long memoryMiB,
    long diskGiB,
    String command,
    Map<String, String> env,
    boolean outboundNetwork) {

  private static final Pattern VM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final long MAX_MEMORY_MIB = 1L << 30; // 1 PiB: keeps bytes far from overflow

  public WorkloadSpec {
    requireVmId(vmId);
    if (vcpus < 1 || vcpus > 1024) {
      throw new IllegalArgumentException("vcpus must be between 1 and 1024: " + vcpus);
    }
    if (memoryMiB < 1 || memoryMiB > MAX_MEMORY_MIB) {
      throw new IllegalArgumentException("memoryMiB must be between 1 and 2^30: " + memoryMiB);
    }
    if (diskGiB < 0) {
      throw new IllegalArgumentException("diskGiB must not be negative: " + diskGiB);
    }
    if (command == null || command.isBlank() || command.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("command must be a non-blank string without NUL");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
    env.forEach(
        (name, value) -> {
          if (!ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("env name must match " + ENV_NAME + ": " + name);
          }
          if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("env value of " + name + " contains NUL");
          }
        });
  }

  /**
   * @throws IllegalArgumentException unless {@code vmId} is a valid VM id (so it names one
   *     directory, never a path)
   */
  public static String requireVmId(String vmId) {
    if (vmId == null || !VM_ID.matcher(vmId).matches()) {
      throw new IllegalArgumentException("vmId must match " + VM_ID + ": " + vmId);
    }
    return vmId;
  }
}
