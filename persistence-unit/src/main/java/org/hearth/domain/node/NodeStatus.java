package org.hearth.domain.node;

/** Whether a node is heartbeating. A node is {@code OFFLINE} until its first heartbeat. */
public enum NodeStatus {
  ONLINE,
  OFFLINE
}
