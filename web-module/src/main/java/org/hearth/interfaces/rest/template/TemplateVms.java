package org.hearth.interfaces.rest.template;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.domain.template.Template;
import org.hearth.domain.template.TemplateSpec;
import org.hearth.domain.vm.VmRequest;
import org.hearth.interfaces.rest.vm.CreateVmRequest;

/**
 * The VM a template describes, as a {@code POST /api/vms} body, checked by that body's own rules: a
 * template and a deployment can ask for nothing a plain VM could not. Violations name the fields as
 * the template or deployment request names them ({@code vcpus}, {@code memoryMiB}, ...).
 */
@ApplicationScoped
public class TemplateVms {

  @Inject Validator validator;

  /** The template, once a deployment with its defaults only would be a valid VM. */
  TemplateSpec deployable(TemplateRequest template) {
    CreateVmRequest vm = new CreateVmRequest();
    vm.name = template.slug;
    vm.vcpus = template.vcpus;
    vm.memoryMiB = template.memoryMiB;
    vm.diskGiB = template.diskGiB;
    vm.tier = template.tier;
    vm.runtime = template.runtime;
    vm.command = template.command;
    vm.outboundNetwork = template.outboundNetwork;
    check(vm);
    return template.toSpec();
  }

  /** The VM of a deployment: the template's defaults, then the tenant's overrides. */
  VmRequest deployment(Template template, Map<String, String> env, DeployRequest body) {
    CreateVmRequest vm = new CreateVmRequest();
    vm.name = or(body.name, template.slug());
    vm.vcpus = or(body.vcpus, template.vcpus());
    vm.memoryMiB = or(body.memoryMiB, template.memoryMib());
    vm.diskGiB = or(body.diskGiB, template.diskGib());
    vm.tier = or(body.tier, template.tier());
    vm.runtime = template.runtime();
    vm.command = template.command();
    vm.env = env;
    vm.outboundNetwork = template.outboundNetwork();
    vm.region = body.region;
    vm.tags = or(body.tags, List.of());
    vm.targetNodeId = body.targetNodeId;
    vm.maxPricePerHour = body.maxPricePerHour;
    vm.durationMinutes = body.durationMinutes;
    vm.waitSeconds = or(body.waitSeconds, 0);
    check(vm);
    return vm.toRequest();
  }

  private void check(CreateVmRequest vm) {
    Set<ConstraintViolation<CreateVmRequest>> violations = validator.validate(vm);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
  }

  private static <T> T or(T value, T otherwise) {
    return value != null ? value : otherwise;
  }
}
