package org.hearth.application.template;

import java.util.List;

/** One page of a template search. */
public record TemplatePage(List<TemplateView> items, int page, int size, long total) {}
