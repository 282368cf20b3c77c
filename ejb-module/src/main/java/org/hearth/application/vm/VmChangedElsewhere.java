package org.hearth.application.vm;

import org.hearth.domain.vm.VmChanged;

/** A VM change another server of the cluster committed, for this server's VM event streams. */
public record VmChangedElsewhere(VmChanged change) {}
