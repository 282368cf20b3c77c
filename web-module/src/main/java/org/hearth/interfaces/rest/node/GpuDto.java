package org.hearth.interfaces.rest.node;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hearth.domain.node.Gpu;

/** One GPU of a node. */
public class GpuDto {

  @NotBlank
  @Size(max = 128)
  public String model;

  @NotNull
  @PositiveOrZero
  @Max(16L * 1024 * 1024)
  public Long memoryMiB;

  public static GpuDto of(Gpu gpu) {
    GpuDto dto = new GpuDto();
    dto.model = gpu.model();
    dto.memoryMiB = gpu.memoryMib();
    return dto;
  }

  Gpu toGpu() {
    return new Gpu(model, memoryMiB);
  }
}
