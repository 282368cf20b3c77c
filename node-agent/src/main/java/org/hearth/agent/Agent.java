package org.hearth.agent;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hearth.agent.config.AgentConfig;
import org.hearth.agent.config.ConfigException;
import org.hearth.agent.host.BenchmarkCache;
import org.hearth.agent.host.HostInventory;
import org.hearth.agent.host.HostProbe;
import org.hearth.agent.host.LoadSampler;
import org.hearth.agent.host.MachineId;
import org.hearth.agent.link.NodeRegistration;
import org.hearth.agent.link.RegistrationClient;
import org.hearth.agent.link.RegistrationException;
import org.hearth.agent.link.ServerLink;
import org.hearth.agent.runtime.Cgroups;
import org.hearth.agent.runtime.HostToolProbe;
import org.hearth.agent.runtime.SandboxRuntime;
import org.hearth.agent.runtime.WorkloadException;
import org.hearth.agent.vm.Capacity;
import org.hearth.agent.vm.TerminalSessions;
import org.hearth.agent.vm.VmSupervisor;
import org.hearth.protocol.net.Backoff;
import org.hearth.protocol.nostr.NostrKeyPair;

/** Puts the agent together: identity, host probe, registration, then the link and the VMs. */
final class Agent {
  private static final System.Logger LOG = System.getLogger(Agent.class.getName());

  /** How long VMs get to end when the agent stops. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final AgentArguments arguments;
  private final AgentConfig config;

  Agent(AgentArguments arguments, AgentConfig config) {
    this.arguments = arguments;
    this.config = config;
  }

  /** Registers the node and starts the link; the agent then runs until the JVM is stopped. */
  void start()
      throws ConfigException,
          IOException,
          WorkloadException,
          RegistrationException,
          InterruptedException {
    Path dataDir = config.dataDir();
    createDataDirectory(dataDir);
    NostrKeyPair key = NodeKeyFile.loadOrCreate(dataDir);
    String machineId = MachineId.resolve(config.machineId(), MachineId.SYSTEM_MACHINE_ID, dataDir);
    HostInventory host = HostProbe.inventory(dataDir);
    long pointsPerCore =
        BenchmarkCache.pointsPerCore(dataDir, arguments.rebenchmark(), config.benchmarkDuration());
    LOG.log(
        System.Logger.Level.INFO,
        "Host: " + host + ", " + pointsPerCore + " points per core, key " + key.publicKeyHex());
    SandboxRuntime sandbox = new SandboxRuntime(dataDir, Cgroups.detect());

    List<String> hostTools = HostToolProbe.visibleInSandbox(config.extraHostTools());
    LOG.log(System.Logger.Level.INFO, "Host tools VMs can use: " + hostTools);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
    NodeRegistration registration =
        NodeRegistration.of(machineId, config, host, pointsPerCore * host.cores(), hostTools);
    RegistrationClient registrations = new RegistrationClient(http, arguments.server(), key);
    String nodeId = registrations.register(registration, Backoff.standard());
    LOG.log(System.Logger.Level.INFO, "Registered as node " + nodeId);

    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ExecutorService workers = Executors.newCachedThreadPool();
    ServerLink link =
        new ServerLink(
            http,
            arguments.server(),
            key,
            nodeId,
            scheduler,
            Backoff.standard(),
            () -> registerAgain(registrations, registration));
    VmSupervisor supervisor =
        new VmSupervisor(
            List.of(sandbox),
            config.policy(),
            Capacity.offered(host, config.policy().reserved()),
            link,
            workers);
    AgentDispatcher dispatcher =
        new AgentDispatcher(supervisor, new TerminalSessions(link), new LoadSampler(dataDir));
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(supervisor, link), "hearth-shutdown"));
    link.start(dispatcher);
  }

  /** For a server that lost the node (a database reset or restored): the link then reconnects. */
  private static void registerAgain(
      RegistrationClient registrations, NodeRegistration registration) {
    try {
      registrations.register(registration, Backoff.standard());
      LOG.log(System.Logger.Level.INFO, "Registered again");
    } catch (RegistrationException e) {
      LOG.log(System.Logger.Level.ERROR, "The server refused the registration: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(VmSupervisor supervisor, ServerLink link) {
    LOG.log(System.Logger.Level.INFO, "Stopping: ending VMs and closing the link");
    try {
      supervisor.shutdown(SHUTDOWN_GRACE);
      link.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Others may not list the data dir, but may pass through it: the sandboxes' unprivileged user
   * reaches its VM's files below it. The node key inside is readable by the owner only anyway.
   */
  private static void createDataDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    }
  }
}
