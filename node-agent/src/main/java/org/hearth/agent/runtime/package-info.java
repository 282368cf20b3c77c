/**
 * Workload runtimes: how the node agent runs tenants' VMs. {@link
 * org.hearth.agent.runtime.SandboxRuntime} ({@code "sandbox"}) is the only one so far.
 *
 * <h2>The sandbox</h2>
 *
 * <p>A VM's command runs as {@code /bin/sh -c <command>} under bubblewrap in new user, pid, mount,
 * ipc, uts and cgroup namespaces, and a new network namespace with only {@code lo} unless the spec
 * allows outbound network. The command is the VM's pid 1 ({@code --as-pid-1}): like a container
 * without an init, it ends the VM when it exits and should reap the orphans it inherits.
 *
 * <ul>
 *   <li>{@code /} is {@code <dataDir>/vms/<vmId>/root}, writable and private to the VM; it is kept
 *       across starts (an agent restart, a suspension) until the VM is stopped or discarded.
 *   <li>{@code /usr}, {@code /bin}, {@code /sbin}, {@code /lib*} are the host's, read-only.
 *   <li>{@code /etc} is read-only: a passwd, group, hosts and hostname of the VM's own, and a
 *       curated set of host files (ld.so cache, alternatives, certificates, resolv.conf, profile).
 *   <li>{@code /proc} is the VM's own, {@code /dev} minimal, {@code /tmp} and {@code /dev/shm}
 *       fresh tmpfs (charged to the VM's memory limit).
 *   <li>The hostname is the VM id. The user is {@code user} (uid/gid 1000, home {@code
 *       /home/user}), which is the host's {@code nobody} (65534) outside: the agent drops to 65534
 *       with setpriv before bwrap, so bwrap runs unprivileged and maps 1000 to 65534. The sandbox
 *       has no capabilities, no_new_privs, and cannot create user namespaces.
 *   <li>The command's output goes to {@code <dataDir>/vms/<vmId>/console.log}.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <p>Each VM has a cgroup {@code hearth/<vmId>} under every hierarchy: v2 ({@code cpu.max}, {@code
 * memory.max}, {@code memory.swap.max} 0, {@code memory.oom.group}, {@code pids.max}) or v1 (cpu,
 * memory, pids controllers; {@code cpu.cfs_quota_us}, {@code memory.limit_in_bytes}, {@code
 * memory.memsw.limit_in_bytes} with swap accounting, {@code pids.max}), detected from mountinfo.
 * CPU quota is vcpus × 100 ms per 100 ms period. The sandbox is in its cgroup before bwrap runs
 * ({@link org.hearth.agent.runtime.CgroupEntry}). When the OOM killer has killed anything in a VM
 * (polled every 100 ms), the runtime kills the whole VM, which ends with {@code outOfMemory}. The
 * VM's disk size ({@code diskGiB}) is not enforced.
 *
 * <h2>Lifecycle</h2>
 *
 * <p>{@code stop()} sends SIGTERM to the VM's processes, waits a grace period (3 s by default),
 * SIGKILLs its pid 1 (the kernel then kills its whole pid namespace) and anything left in its
 * cgroup, removes the cgroup and deletes the VM's directory. {@code suspend()} ends the VM the same
 * way but keeps its directory: a later start of the same VM id runs on the root it had (its {@code
 * /etc} is written anew, its console log appended to). The runtime's {@code discard(vmId)} deletes
 * the directory of a VM that is not running (suspended, or left by an earlier agent). A VM that
 * ends by itself has its cgroup removed at once and keeps its files until {@code stop()}. VMs die
 * with the agent (bwrap's {@code --die-with-parent}); the server reconciles after an agent restart.
 * Nothing deletes VM directories at startup: a suspended VM's files stay until the server sends
 * {@code stop} for it.
 *
 * <h2>Terminals</h2>
 *
 * <p>A terminal is a PTY (pty4j) running nsenter into the namespaces of the VM's pid 1, as its
 * user, inside its cgroup, with {@code bash -l} (or {@code sh -l}) in the home directory. Closing
 * it kills its session.
 *
 * <h2>Host requirements</h2>
 *
 * <ul>
 *   <li>Root, and cgroup v2 with the cpu, memory and pids controllers or cgroup v1 with all three.
 *   <li>{@code apt-get install -y bubblewrap} (0.8 or later, for {@code --disable-userns}), and
 *       nsenter and setpriv from util-linux; unprivileged user namespaces enabled (the default).
 *   <li>Every directory down to {@code <dataDir>/vms} searchable by others ({@code o+x}): bwrap
 *       runs as uid 65534 and opens the VM's directories by path. The runtime creates {@code vms/}
 *       and each VM's directory searchable but not listable, and refuses to start otherwise.
 * </ul>
 *
 * <h2>Limitations</h2>
 *
 * <ul>
 *   <li>Outbound network shares the host's network namespace, loopback services included.
 *   <li>Disk use (the root, the console log) is not limited.
 *   <li>{@code /proc/meminfo} and {@code /proc/cpuinfo} show the host, not the limits.
 *   <li>All VMs are uid 65534 on the host and share its per-user kernel limits; host processes
 *       running as nobody could reach VM roots.
 * </ul>
 */
package org.hearth.agent.runtime;
