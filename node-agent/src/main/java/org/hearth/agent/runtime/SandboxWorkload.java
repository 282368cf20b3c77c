package org.hearth.agent.runtime;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A VM running in a bubblewrap sandbox; see {@link SandboxRuntime}. */
final class SandboxWorkload implements RunningWorkload {

  private static final Logger LOG = System.getLogger(SandboxWorkload.class.getName());
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final WorkloadSpec spec;
  private final SandboxLayout layout;
  private final Cgroup cgroup;
  private final Process sandbox;
  private final long initPid;
  private final HostTools tools;
  private final Duration stopGrace;
  private final Executor tasks;
  private final Runnable onReleased;
  private final CompletableFuture<WorkloadExit> exit = new CompletableFuture<>();
  private final Set<PtyTerminal> terminals = ConcurrentHashMap.newKeySet();
  private volatile boolean stopRequested;
  private volatile boolean suspendRequested;
  private volatile boolean outOfMemory;
  private volatile ScheduledFuture<?> memoryWatch;

  /** Whether the VM id was given back to the runtime, its files deleted or kept. */
  private boolean released;

  /**
   * @param sandbox the outer bwrap process
   * @param initPid the host pid of the VM's pid 1
   * @param onReleased runs once, when the VM has ended and its files are deleted ({@link #stop()})
   *     or kept ({@link #suspend()}): the runtime may start the VM id again
   */
  SandboxWorkload(
      WorkloadSpec spec,
      SandboxLayout layout,
      Cgroup cgroup,
      Process sandbox,
      long initPid,
      HostTools tools,
      Duration stopGrace,
      Executor tasks,
      Runnable onReleased) {
    this.spec = spec;
    this.layout = layout;
    this.cgroup = cgroup;
    this.sandbox = sandbox;
    this.initPid = initPid;
    this.tools = tools;
    this.stopGrace = stopGrace;
    this.tasks = tasks;
    this.onReleased = onReleased;
  }

  /** Starts watching for the OOM killer and for the sandbox's end. */
  void watch(ScheduledExecutorService scheduler, Duration memoryPoll) {
    memoryWatch =
        scheduler.scheduleWithFixedDelay(
            this::checkMemory, 0, memoryPoll.toMillis(), TimeUnit.MILLISECONDS);
    sandbox.onExit().thenRunAsync(this::finish, tasks);
  }

  @Override
  public String vmId() {
    return spec.vmId();
  }

  @Override
  public boolean isAlive() {
    return sandbox.isAlive();
  }

  @Override
  public CompletableFuture<WorkloadExit> exit() {
    return exit;
  }

  /**
   * The kernel's OOM killer kills one process of the VM, which may go on without it; a VM over its
   * limit is killed whole instead (as v2's memory.oom.group would do).
   */
  private void checkMemory() {
    try {
      if (!outOfMemory && cgroup.oomKills() > 0) {
        outOfMemory = true;
        LOG.log(Level.WARNING, "vm {0}: out of memory, killing it", spec.vmId());
        tasks.execute(this::killAll);
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "vm {0}: cannot read memory events: {1}", spec.vmId(), e.getMessage());
    }
  }

  /** Runs once the sandbox process has ended: reports how, and removes the cgroup. */
  private void finish() {
    memoryWatch.cancel(false);
    boolean oom = outOfMemory;
    try {
      oom |= cgroup.oomKills() > 0;
      terminals.forEach(PtyTerminal::close);
      cgroup.killAll(); // terminals' nsenter processes live outside the VM's pid namespace
      cgroup.remove();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "vm {0}: cannot clean up its cgroup: {1}", spec.vmId(), e.toString());
    }
    int code = sandbox.exitValue();
    WorkloadExit result =
        oom
            ? WorkloadExit.outOfMemory(code, spec.memoryMiB())
            : suspendRequested
                ? WorkloadExit.suspended(code)
                : stopRequested ? WorkloadExit.stopped(code) : WorkloadExit.exited(code);
    LOG.log(Level.INFO, "vm {0}: {1}", spec.vmId(), result.reason());
    exit.complete(result);
  }

  @Override
  public void stop() {
    stopRequested = true;
    end(true);
  }

  @Override
  public void suspend() {
    suspendRequested = !stopRequested;
    end(false);
  }

  /**
   * Ends the VM (SIGTERM, the grace, SIGKILL), then gives its id back, deleting its files or not.
   */
  private void end(boolean deleteFiles) {
    if (sandbox.isAlive()) {
      terminate();
      if (!awaitExit(stopGrace)) {
        killAll();
      }
    }
    if (!awaitExit(KILL_WAIT)) {
      LOG.log(Level.ERROR, "vm {0}: still running after SIGKILL", spec.vmId());
      return;
    }
    release(deleteFiles);
  }

  /**
   * SIGTERMs the processes in the VM's pid namespace, which its pid 1 ignores unless it handles
   * SIGTERM. Not bwrap, whose death would SIGKILL the VM at once through --die-with-parent, nor the
   * terminals' nsenter processes, which must outlive their shells to reap them.
   */
  private void terminate() {
    try {
      Set<Long> pids = cgroup.pids();
      pids.removeIf(pid -> !ProcTable.samePidNamespace(pid, initPid));
      Signals.terminate(pids);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "vm {0}: cannot list processes: {1}", spec.vmId(), e.getMessage());
    }
  }

  /**
   * SIGKILLs the VM's pid 1, which takes down its pid namespace, and lets bwrap reap it and exit;
   * {@link #finish()} then kills what is left in the cgroup (terminals' nsenter processes). Killing
   * bwrap first would leave pid 1 a zombie of the host's init, so the whole cgroup is SIGKILLed
   * only when bwrap outlives its pid 1.
   */
  private void killAll() {
    if (initPid > 0 && sandbox.isAlive()) {
      Signals.kill(List.of(initPid));
      try {
        sandbox.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.WARNING, "vm {0}: bwrap outlives its pid 1", spec.vmId());
      }
    }
    try {
      cgroup.killAll();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "vm {0}: cannot kill its cgroup: {1}", spec.vmId(), e.getMessage());
      sandbox.destroyForcibly(); // bwrap's --die-with-parent then kills the pid namespace
    }
  }

  private boolean awaitExit(Duration timeout) {
    try {
      exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return exit.isDone();
    }
  }

  /**
   * Once only: the first of stop() and suspend() to get here decides whether the files go. Once the
   * id is released a new start may use the same directory, so this workload never touches it again.
   */
  private synchronized void release(boolean deleteFiles) {
    if (released) {
      return;
    }
    if (deleteFiles) {
      try {
        layout.delete();
      } catch (IOException e) {
        LOG.log(Level.ERROR, "vm {0}: cannot delete its files: {1}", spec.vmId(), e.getMessage());
        return;
      }
    } else {
      LOG.log(Level.INFO, "vm {0}: suspended, its files kept in {1}", spec.vmId(), layout.vmDir());
    }
    released = true;
    onReleased.run();
  }

  @Override
  public Terminal openTerminal(int cols, int rows) throws WorkloadException {
    if (!isAlive()) {
      throw new WorkloadException("VM " + spec.vmId() + " is not running");
    }
    Map<String, String> env = SandboxUser.environment(spec);
    env.putIfAbsent("TERM", "xterm-256color");
    try {
      PtyTerminal terminal =
          PtyTerminal.start(
              CgroupEntry.wrap(cgroup.procsFiles(), TerminalCommand.argv(tools, spec, initPid)),
              env,
              cols,
              rows,
              tasks);
      terminals.add(terminal);
      terminal.exit().whenComplete((code, error) -> terminals.remove(terminal));
      return terminal;
    } catch (IOException e) {
      throw new WorkloadException(
          "cannot open a terminal in VM " + spec.vmId() + ": " + e.getMessage(), e);
    }
  }
}
