package org.hearth.application.vm;

/** An account is no longer a member of a VM: its open terminals there must close. */
public record VmMemberRemoved(String vmId, String accountId) {}
