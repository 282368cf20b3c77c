package org.hearth.domain.template;

/**
 * A search of the public templates.
 *
 * @param text words that must each occur in the name, slug, category or description (any case), or
 *     null
 * @param category exact category, or null for all
 */
public record TemplateQuery(String text, String category, int page, int size) {}
