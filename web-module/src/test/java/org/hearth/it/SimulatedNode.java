package org.hearth.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/** A provider's node as the tests drive it: its own key, a machine id, signed requests. */
final class SimulatedNode {

  final NostrKeyPair key = NostrKeyPair.generate();
  final String machineId = "machine-" + UUID.randomUUID();
  private final HearthApi api;
  private int beats;

  SimulatedNode(HearthApi api) {
    this.api = api;
  }

  String registration(String region) {
    return registration(region, 8, 16384, "");
  }

  /**
   * @param extra more JSON members, e.g. {@code ,"policy":{...}}
   */
  String registration(String region, int cores, long memoryMiB, String extra) {
    return """
        {"machineId":"%s","region":"%s","tags":["ssd","test"],"description":"integration test node",
         "arch":"x86_64","cores":%d,"memoryMiB":%d,"diskGiB":200,
         "gpus":[{"model":"RTX 4090","memoryMiB":24576}],
         "computePoints":%d,"pricePerPointHour":12,"pricePerMemoryGiBHour":3000,
         "pricePerDiskGiBHour":50,"pricePerGpuHour":200000%s}"""
        .formatted(machineId, region, cores, memoryMiB, cores * 1000, extra);
  }

  HearthApi.Reply register(String region) {
    return registerWith(registration(region));
  }

  /** Registers naming {@code operatorKey} as its operator's account key. */
  HearthApi.Reply registerOperatedBy(String region, String operatorKey) {
    return registerWith(registration(region, 8, 16384, ",\"operator\":\"" + operatorKey + "\""));
  }

  HearthApi.Reply registerWith(String body) {
    return api.post("api/nodes", body, sign("api/nodes", "POST", body));
  }

  /** Each heartbeat's body differs, so two in the same second are still two distinct events. */
  String heartbeatBody() {
    beats++;
    return """
        {"cpuPercent":%d.5,"memoryUsedMiB":%d,"diskUsedGiB":40,"runningVms":0}"""
        .formatted(beats % 100, 1000 + beats);
  }

  HearthApi.Reply heartbeat(String nodeId) {
    String path = "api/nodes/" + nodeId + "/heartbeat";
    String body = heartbeatBody();
    return api.post(path, body, sign(path, "POST", body));
  }

  String sign(String path, String method, String body) {
    return new Nip98Signer(key)
        .authorizationHeader(
            api.url(path), method, body.getBytes(StandardCharsets.UTF_8), Instant.now());
  }
}
