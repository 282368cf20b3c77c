package org.hearth.application.reputation;

import java.util.List;
import java.util.Map;

/**
 * A node's reputation, explained: the score is the weighted mean of the components that exist for
 * the node, with the weights renormalized over them.
 *
 * @param score in [0, 1]
 * @param components every component, present or not
 */
public record Reputation(double score, List<Component> components) {

  public Reputation {
    components = List.copyOf(components);
  }

  /**
   * One component.
   *
   * @param name history, reviews, payment, attestation or social
   * @param value in [0, 1], or null when the component does not exist for the node
   * @param weight the configured weight
   * @param share its part of the score: the weight renormalized over the present components (0 if
   *     absent)
   * @param inputs what the value was computed from
   * @param note how it was computed, or why it is absent
   */
  public record Component(
      String name,
      Double value,
      double weight,
      double share,
      Map<String, Object> inputs,
      String note) {

    public Component {
      inputs = Map.copyOf(inputs);
    }

    public boolean present() {
      return value != null;
    }
  }
}
