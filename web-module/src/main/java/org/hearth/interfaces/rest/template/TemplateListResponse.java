package org.hearth.interfaces.rest.template;

import java.util.List;
import org.hearth.application.template.TemplatePage;

/** One page of templates. */
public class TemplateListResponse {

  public List<TemplateResponse> items;
  public int page;
  public int size;
  public long total;

  static TemplateListResponse of(TemplatePage page) {
    TemplateListResponse r = new TemplateListResponse();
    r.items = page.items().stream().map(TemplateResponse::of).toList();
    r.page = page.page();
    r.size = page.size();
    r.total = page.total();
    return r;
  }
}
