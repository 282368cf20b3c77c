package org.hearth.interfaces.rest.template;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.template.TemplateService;
import org.hearth.domain.template.InvalidTemplateException;
import org.hearth.domain.template.Template;
import org.hearth.domain.template.TemplateQuery;
import org.hearth.domain.template.TemplateSpec;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.interfaces.rest.vm.VmResponse;

/**
 * The template catalogue: authors publish templates, anyone browses the public ones, tenants deploy
 * them as VMs (billed like any VM) and rate the ones they deployed.
 */
@Path("templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Ready-made VMs: publish, search, deploy and rate")
public class TemplateResource {

  private static final String SLUG_MESSAGE = "must be a template slug";

  @Inject TemplateService templates;
  @Inject TemplateVms vms;
  @Context SecurityContext security;

  @GET
  @Operation(
      summary = "Search the public templates",
      description =
          "q: words that must each occur in the name, slug, category or description (any case);"
              + " category: exact. Most deployed first.")
  public TemplateListResponse search(
      @QueryParam("q") @Pattern(regexp = "(?s).{0,200}", message = "must be at most 200 characters")
          String q,
      @QueryParam("category")
          @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a category")
          String category,
      @QueryParam("page")
          @DefaultValue("0")
          @Pattern(regexp = "\\d{1,6}", message = "must be 0 to 999999")
          String page,
      @QueryParam("size")
          @DefaultValue("20")
          @Pattern(regexp = "100|[1-9][0-9]?", message = "must be 1 to 100")
          String size) {
    return TemplateListResponse.of(
        templates.search(
            new TemplateQuery(
                q == null || q.isBlank() ? null : q,
                category,
                Integer.parseInt(page),
                Integer.parseInt(size))));
  }

  @GET
  @Path("categories")
  @Operation(summary = "The categories of public templates, with how many each has")
  public List<CategoryResponse> categories() {
    return templates.categories().entrySet().stream().map(CategoryResponse::of).toList();
  }

  @GET
  @Path("mine")
  @Authenticated
  @Operation(summary = "The templates I authored, public and private, newest first")
  public List<TemplateResponse> mine() {
    return templates.authoredBy(account()).stream().map(TemplateResponse::of).toList();
  }

  @GET
  @Path("{slug}")
  @Operation(summary = "A public template (private ones: see /api/templates/mine)")
  public TemplateResponse get(
      @PathParam("slug") @Pattern(regexp = TemplateRequest.SLUG, message = SLUG_MESSAGE)
          String slug) {
    return TemplateResponse.of(templates.get(null, slug));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "Publish a template",
      description =
          "201; 409 when the slug is taken. Default resources and command follow the rules of"
              + " POST /api/vms.")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid TemplateRequest body,
      @Context UriInfo uri) {
    if (body.slug == null) {
      throw new InvalidTemplateException("slug", "must not be null");
    }
    TemplateSpec spec = spec(body);
    TemplateResponse created =
        TemplateResponse.of(ConflictRetry.run(() -> templates.create(account(), spec)));
    return Response.created(uri.getAbsolutePathBuilder().path(created.slug).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "Change a template (its author only)",
      description = "Replaces the content; the slug stays; the version grows by one.")
  public TemplateResponse update(
      @PathParam("slug") @Pattern(regexp = TemplateRequest.SLUG, message = SLUG_MESSAGE)
          String slug,
      @NotNull(message = "a JSON body is required") @Valid TemplateRequest body) {
    if (body.slug == null) {
      body.slug = slug;
    } else if (!slug.equals(body.slug)) {
      throw new InvalidTemplateException("slug", "must be the template's slug, " + slug);
    }
    TemplateSpec spec = spec(body);
    return TemplateResponse.of(ConflictRetry.run(() -> templates.update(account(), slug, spec)));
  }

  @DELETE
  @Path("{slug}")
  @Authenticated
  @Operation(
      summary = "Delete a template (its author only)",
      description = "VMs deployed from it keep running.")
  public Response delete(
      @PathParam("slug") @Pattern(regexp = TemplateRequest.SLUG, message = SLUG_MESSAGE)
          String slug) {
    ConflictRetry.run(
        () -> {
          templates.delete(account(), slug);
          return null;
        });
    return Response.noContent().build();
  }

  @POST
  @Path("{slug}/deploy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "Create a VM from a template",
      description =
          "parameters: values by name (each reaches the VM as an environment variable; secrets are"
              + " never shown); name, vcpus, memoryMiB, diskGiB, tier, region, tags, targetNodeId,"
              + " maxPricePerHour, durationMinutes, waitSeconds override the template's VM. Placed"
              + " only on nodes with the template's host tools; billed like any VM (402 when the"
              + " balance cannot pay the first period). 201 with the VM.")
  public Response deploy(
      @PathParam("slug") @Pattern(regexp = TemplateRequest.SLUG, message = SLUG_MESSAGE)
          String slug,
      @Valid DeployRequest body,
      @Context UriInfo uri) {
    DeployRequest deployment = body == null ? new DeployRequest() : body;
    Vm vm =
        ConflictRetry.run(
            () -> {
              Template template = templates.get(account(), slug).template();
              Map<String, String> env =
                  template.environment(
                      deployment.parameters == null ? Map.of() : deployment.parameters);
              VmRequest request = vms.deployment(template, env, deployment);
              return templates.deploy(account(), slug, template.version(), request);
            });
    return Response.created(uri.getBaseUriBuilder().path("vms").path(vm.id()).build())
        .entity(VmResponse.of(vm))
        .build();
  }

  @PUT
  @Path("{slug}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "Rate a template I deployed (1-5 stars; again to change it)",
      description = "403 for its author and for tenants who never deployed it.")
  public RatingResponse rate(
      @PathParam("slug") @Pattern(regexp = TemplateRequest.SLUG, message = SLUG_MESSAGE)
          String slug,
      @NotNull(message = "a JSON body is required") @Valid RatingRequest body) {
    return RatingResponse.of(ConflictRetry.run(() -> templates.rate(account(), slug, body.stars)));
  }

  private TemplateSpec spec(TemplateRequest body) {
    return vms.deployable(body);
  }

  private String account() {
    return ((Caller) security.getUserPrincipal()).accountId();
  }

  /** A category with its number of public templates. */
  public static class CategoryResponse {
    public String category;
    public long templates;

    static CategoryResponse of(Map.Entry<String, Long> entry) {
      CategoryResponse r = new CategoryResponse();
      r.category = entry.getKey();
      r.templates = entry.getValue();
      return r;
    }
  }
}
