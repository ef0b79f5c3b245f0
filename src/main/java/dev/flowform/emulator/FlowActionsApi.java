package dev.flowform.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /flows/{id}/action?op=enable|disable} (op in any case; {@code subOp} ignored; no body
 * or Content-Type needed, as aepp sends none): the flow's {@code state} becomes {@code enabled} or
 * {@code disabled}, it gets a new etag, and the answer is 200 {@code {id, etag}}. An {@code
 * If-Match}, when given, must name the flow's etag. Faults strike as on an update.
 */
final class FlowActionsApi {
  private final ResourceStore store;
  private final FlowRules rules;
  private final ResourceDocument documents;
  private final FaultInjector faults;

  FlowActionsApi(
      ResourceStore store, FlowRules rules, ResourceDocument documents, FaultInjector faults) {
    this.store = store;
    this.rules = rules;
    this.documents = documents;
    this.faults = faults;
  }

  void act(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.UPDATE);
    faults.beforeLanding(fault, call);
    List<String> ops = call.query().getOrDefault("op", List.of());
    String op = ops.isEmpty() ? "" : ops.get(0).toLowerCase(Locale.ROOT);
    String state =
        switch (op) {
          case "enable" -> "enabled";
          case "disable" -> "disabled";
          default ->
              throw Errors.invalidRequest(
                  "The action op '"
                      + (ops.isEmpty() ? "" : ops.get(0))
                      + "' is not supported;"
                      + " use enable or disable.");
        };
    EmulatedResource updated =
        store.update(
            caller.scope(),
            ResourceKind.FLOW,
            id,
            call.header("If-Match"),
            (current, lookup) -> new ResourceStore.Edit(rules.acted(current, op), state, false),
            caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, documents.idAndEtag(updated));
    }
  }
}
