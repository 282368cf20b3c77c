package org.hearth.application.template;

import org.hearth.domain.template.Rating;
import org.hearth.domain.template.Template;

/** A template as the catalogue shows it: the template and its tenants' ratings. */
public record TemplateView(Template template, Rating rating) {}
