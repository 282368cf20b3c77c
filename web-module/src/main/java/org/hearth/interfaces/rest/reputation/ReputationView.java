package org.hearth.interfaces.rest.reputation;

import java.util.List;
import java.util.Map;
import org.hearth.application.reputation.Reputation;

/** A reputation with everything that explains it. */
public class ReputationView {
  public double score;
  public List<ComponentView> components;

  /** One component: its value (null when absent), weight, share of the score, inputs and how. */
  public static class ComponentView {
    public String name;
    public Double value;
    public double weight;
    public double share;
    public Map<String, Object> inputs;
    public String note;
  }

  public static ReputationView of(Reputation reputation) {
    ReputationView v = new ReputationView();
    v.score = reputation.score();
    v.components =
        reputation.components().stream()
            .map(
                c -> {
                  ComponentView cv = new ComponentView();
                  cv.name = c.name();
                  cv.value = c.value();
                  cv.weight = c.weight();
                  cv.share = c.share();
                  cv.inputs = c.inputs();
                  cv.note = c.note();
                  return cv;
                })
            .toList();
    return v;
  }
}
