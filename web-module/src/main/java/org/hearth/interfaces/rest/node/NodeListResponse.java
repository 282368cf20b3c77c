package org.hearth.interfaces.rest.node;

import java.util.List;
import org.hearth.application.node.NodePage;

/** One page of nodes. */
public class NodeListResponse {

  public List<NodeResponse> items;
  public int page;
  public int size;
  public long total;

  static NodeListResponse of(NodePage page) {
    NodeListResponse r = new NodeListResponse();
    r.items = page.items().stream().map(NodeResponse::of).toList();
    r.page = page.page();
    r.size = page.size();
    r.total = page.total();
    return r;
  }
}
