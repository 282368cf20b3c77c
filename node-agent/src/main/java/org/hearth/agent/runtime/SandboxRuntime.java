package org.hearth.agent.runtime;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each VM's command in a bubblewrap sandbox limited by a cgroup; see the package docs for what
 * the sandbox holds. Needs root, bwrap, nsenter and setpriv.
 */
public final class SandboxRuntime implements WorkloadRuntime {

  public static final String NAME = "sandbox";
  public static final int DEFAULT_PIDS_LIMIT = 256;
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(3);

  private static final Logger LOG = System.getLogger(SandboxRuntime.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MEMORY_POLL = Duration.ofMillis(100);

  private final Path dataDir;
  private final Cgroups cgroups;
  private final int pidsLimit;
  private final Duration stopGrace;
  private final Set<String> vmIds = ConcurrentHashMap.newKeySet();

  /**
   * bwrap's --die-with-parent is PR_SET_PDEATHSIG, which fires when the thread that forked the
   * sandbox ends, not the JVM; so sandboxes are forked from one thread that lives as long as the
   * JVM.
   */
  private final ExecutorService launcher = Executors.newSingleThreadExecutor(daemon("launcher"));

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(daemon("watch"));
  private final ExecutorService tasks = Executors.newCachedThreadPool(daemon("task"));

  /**
   * @param dataDir the agent's data directory; VMs live in {@code <dataDir>/vms/<vmId>}
   * @param cgroups usually {@link Cgroups#detect()}
   */
  public SandboxRuntime(Path dataDir, Cgroups cgroups) {
    this(dataDir, cgroups, DEFAULT_PIDS_LIMIT);
  }

  /**
   * @param pidsLimit most processes and threads per VM
   */
  public SandboxRuntime(Path dataDir, Cgroups cgroups, int pidsLimit) {
    this(dataDir, cgroups, pidsLimit, DEFAULT_STOP_GRACE);
  }

  /**
   * @param stopGrace how long {@link RunningWorkload#stop()} waits after SIGTERM before SIGKILL
   */
  public SandboxRuntime(Path dataDir, Cgroups cgroups, int pidsLimit, Duration stopGrace) {
    if (pidsLimit < 1) {
      throw new IllegalArgumentException("pidsLimit must be positive: " + pidsLimit);
    }
    this.dataDir = dataDir;
    this.cgroups = cgroups;
    this.pidsLimit = pidsLimit;
    this.stopGrace = stopGrace;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Starts the VM on the root it had if its files were kept ({@link RunningWorkload#suspend()}, or
   * an earlier run of the agent), else on a new empty one.
   *
   * @throws WorkloadException also when a VM of that id was started here and not stopped or
   *     suspended yet
   */
  @Override
  public RunningWorkload start(WorkloadSpec spec) throws WorkloadException {
    HostTools tools = HostTools.find();
    String vmId = spec.vmId();
    if (!vmIds.add(vmId)) {
      throw new WorkloadException("VM " + vmId + " was started here and is not stopped yet");
    }
    SandboxLayout layout = null;
    Cgroup cgroup = null;
    Process sandbox = null;
    try {
      layout = SandboxLayout.prepare(dataDir, vmId);
      cgroup = cgroups.create(vmId, CgroupLimits.of(spec.vcpus(), spec.memoryMiB(), pidsLimit));
      List<String> argv =
          CgroupEntry.wrap(cgroup.procsFiles(), BwrapCommand.argv(tools, layout, spec));
      sandbox = launch(argv, layout.consoleLog());
      long initPid = awaitCommand(sandbox, layout, vmId);
      SandboxWorkload workload =
          new SandboxWorkload(
              spec,
              layout,
              cgroup,
              sandbox,
              initPid,
              tools,
              stopGrace,
              tasks,
              () -> vmIds.remove(vmId));
      workload.watch(scheduler, MEMORY_POLL);
      LOG.log(
          Level.INFO,
          "vm {0}: started ({1} vcpus, {2} MiB, cgroup {3})",
          vmId,
          spec.vcpus(),
          spec.memoryMiB(),
          cgroups.version());
      return workload;
    } catch (IOException | WorkloadException | RuntimeException e) {
      discard(vmId, layout, cgroup, sandbox);
      vmIds.remove(vmId);
      if (e instanceof WorkloadException failure) {
        throw failure;
      }
      throw new WorkloadException("cannot start VM " + vmId + ": " + e.getMessage(), e);
    }
  }

  /** Deletes {@code <dataDir>/vms/<vmId>}, unless a VM of that id runs or starts here. */
  @Override
  public void discard(String vmId) throws WorkloadException {
    WorkloadSpec.requireVmId(vmId);
    // Holding the id keeps a start of the same VM out while its files go.
    if (!vmIds.add(vmId)) {
      throw new WorkloadException(
          "VM " + vmId + " runs here (or is still ending): stop it rather than discard its files");
    }
    try {
      if (SandboxLayout.delete(dataDir, vmId)) {
        LOG.log(Level.INFO, "vm {0}: deleted the files it left", vmId);
      }
    } catch (IOException e) {
      throw new WorkloadException("cannot delete the files of VM " + vmId + ": " + e, e);
    } finally {
      vmIds.remove(vmId);
    }
  }

  private Process launch(List<String> argv, Path consoleLog) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    try {
      return launcher.submit(builder::start).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the sandbox", e);
    }
  }

  /**
   * Waits until the sandbox's pid 1 has exec'd the VM's command (its name is no longer bwrap's), so
   * that terminals find the finished sandbox, and returns that pid.
   */
  private static long awaitCommand(Process sandbox, SandboxLayout layout, String vmId)
      throws WorkloadException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (sandbox.isAlive()) {
      OptionalLong child = BwrapStatus.childPid(layout.statusFile());
      if (child.isPresent() && hasExeced(child.getAsLong())) {
        return child.getAsLong();
      }
      if (System.nanoTime() > deadline) {
        throw new WorkloadException(
            "the sandbox of VM "
                + vmId
                + " did not start within "
                + START_TIMEOUT.toSeconds()
                + " s: "
                + layout.consoleTail());
      }
      Signals.pause(5);
    }
    // Ended before we saw it run: the command was quick, or the sandbox could not be set up.
    if (BwrapStatus.commandRan(layout.statusFile())) {
      return BwrapStatus.childPid(layout.statusFile()).orElse(-1);
    }
    throw new WorkloadException(
        "the sandbox of VM " + vmId + " could not be set up: " + layout.consoleTail());
  }

  private static boolean hasExeced(long pid) {
    try {
      return !Files.readString(Path.of("/proc", String.valueOf(pid), "comm"))
          .strip()
          .equals("bwrap");
    } catch (IOException e) {
      return false; // gone: the sandbox process is about to end too
    }
  }

  private static void discard(String vmId, SandboxLayout layout, Cgroup cgroup, Process sandbox) {
    try {
      if (sandbox != null) {
        sandbox.destroyForcibly();
      }
      if (cgroup != null) {
        cgroup.killAll();
        cgroup.remove();
      }
      if (layout != null && layout.created()) {
        layout.delete();
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "vm {0}: cleanup after a failed start: {1}", vmId, e.getMessage());
    }
  }

  private static ThreadFactory daemon(String role) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, "hearth-sandbox-" + role + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
