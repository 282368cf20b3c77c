package org.hearth.domain.node;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One GPU of a node, as the node reports it. */
@Embeddable
public class Gpu {

  @Column(name = "model", nullable = false)
  private String model;

  @Column(name = "memory_mib", nullable = false)
  private long memoryMib;

  protected Gpu() {}

  public Gpu(String model, long memoryMib) {
    this.model = Objects.requireNonNull(model);
    this.memoryMib = memoryMib;
  }

  public String model() {
    return model;
  }

  public long memoryMib() {
    return memoryMib;
  }
}
