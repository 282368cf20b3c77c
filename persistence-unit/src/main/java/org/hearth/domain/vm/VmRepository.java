package org.hearth.domain.vm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where VMs are kept. */
public interface VmRepository {

  Optional<Vm> find(String id);

  void add(Vm vm);

  /** Writes pending changes now, so that plain SQL in the same transaction sees them. */
  void flush();

  /** The VMs an account owns or is a member of, newest first. */
  List<Vm> visibleTo(String accountId, int limit);

  boolean isMember(String vmId, String accountId);

  /** The member accounts of a VM, earliest first. */
  List<VmMember> members(String vmId);

  /** Adds a member; adding one that is already there changes nothing. */
  void addMember(String vmId, String accountId, Instant now);

  void removeMember(String vmId, String accountId);

  /** The VMs placed on a node that still hold capacity there. */
  List<Vm> liveOnNode(String nodeId);

  /** Requests still waiting for capacity, oldest first. */
  List<String> waiting();

  /** Running VMs whose duration ran out before {@code now}. */
  List<String> expiredBefore(Instant now);

  /** VMs suspended at or before {@code cutoff}. */
  List<String> suspendedSince(Instant cutoff);

  /**
   * Live VMs on offline nodes last heard from before {@code cutoff} but not before {@code
   * heardSince}.
   */
  List<String> onNodesSilentSince(Instant cutoff, Instant heardSince);
}
