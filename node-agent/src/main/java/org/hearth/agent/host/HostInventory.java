package org.hearth.agent.host;

import java.util.List;

/** What the host offers, as registered with the server. */
public record HostInventory(String arch, int cores, long memoryMiB, long diskGiB, List<Gpu> gpus) {

  public HostInventory {
    gpus = List.copyOf(gpus);
  }
}
