package dev.flowform.cli.render;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.Fixtures.namesFound;
import static dev.flowform.testing.Fixtures.remote;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.plan.Plan;
import dev.flowform.plan.PlanOptions;
import dev.flowform.plan.Planner;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Plans made by the real planner from small fixtures, for the renderer tests. */
final class SamplePlans {
  static final String SALES_ID = "2fce94c1-5ad1-4d5e-8f6b-3c2a1b0e9d87";
  private static final Planner PLANNER = new Planner();

  private SamplePlans() {}

  /** One create, one update (rename and a rotated secret), one unchanged. */
  static Plan small() {
    DesiredConnection marketing =
        connection("marketing-hubspot").name("HubSpot marketing (eu)").build();
    DesiredConnection salesBefore = connection("sales-hubspot").name("HubSpot sales").build();
    DesiredConnection salesAfter =
        connection("sales-hubspot")
            .name("HubSpot sales (eu)")
            .secret("clientSecret", "TOPSECRET-rotated-client-secret")
            .build();
    DesiredConnection support = connection("support-hubspot").build();
    return PLANNER.plan(
        desired(marketing, salesAfter, support),
        state(
            Map.of(
                "sales-hubspot", recorded(salesBefore, SALES_ID),
                "support-hubspot", recorded(support, "id-support"))),
        RemoteView.OFFLINE,
        PlanOptions.DEFAULTS);
  }

  /** Everything at once: create, adopt, update, replace, delete, orphan, conflict, no-op. */
  static Plan everything(boolean prune) {
    DesiredConnection created = connection("a-created").build();
    DesiredConnection adopted = connection("b-adopted").build();
    DesiredConnection conflict = connection("c-conflict").build();
    DesiredConnection updated = connection("d-updated").description("new `text` <b>").build();
    DesiredConnection replacedBefore = connection("e-replaced").build();
    DesiredConnection replaced =
        connection("e-replaced")
            .spec(new ConnectionSpecRef(ConnectionSpecRef.HUBSPOT_ID, "2.0"))
            .secret("accessToken", "TOPSECRET-new-access-token")
            .build();
    DesiredConnection same = connection("f-same").build();
    DesiredConnection orphan = connection("g-orphan").build();
    Map<String, ResourceState> resources = new TreeMap<>();
    resources.put("d-updated", recorded(connection("d-updated").build(), "id-d"));
    resources.put("e-replaced", recorded(replacedBefore, "id-e"));
    resources.put("f-same", recorded(same, "id-f"));
    resources.put("g-orphan", recorded(orphan, "id-g"));
    RemoteView remote =
        new RemoteView(
            Map.of(),
            Set.of(),
            Map.of(
                adopted.name(), List.of(remote("id-b", adopted.name(), null)),
                conflict.name(),
                    List.of(
                        remote("id-c1", conflict.name(), null),
                        remote("id-c2", conflict.name(), null))));
    return PLANNER.plan(
        desired(created, adopted, conflict, updated, replaced, same),
        state(resources),
        remote,
        new PlanOptions(true, prune, true, false));
  }

  /** {@code count} new connections: a plan too long for one PR comment. */
  static Plan manyCreates(int count) {
    List<DesiredConnection> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(connection(String.format("conn-%04d", i)).build());
    }
    return PLANNER.plan(
        desired(all.toArray(DesiredConnection[]::new)),
        Optional.empty(),
        RemoteView.OFFLINE,
        PlanOptions.DEFAULTS);
  }

  /** Nothing to do. */
  static Plan upToDate() {
    DesiredConnection same = connection("same").build();
    return PLANNER.plan(
        desired(same),
        state(Map.of("same", recorded(same, "id-s"))),
        RemoteView.OFFLINE,
        PlanOptions.DEFAULTS);
  }

  /** An offline plan for a pull request from a fork: no secrets resolved. */
  static Plan withoutSecrets() {
    DesiredConnection a =
        connection("a").unresolved("clientSecret").unresolved("accessToken").build();
    return PLANNER.plan(desired(a), Optional.empty(), RemoteView.OFFLINE, PlanOptions.DEFAULTS);
  }

  static Plan conflictOnly() {
    DesiredConnection a = connection("a").build();
    return PLANNER.plan(
        desired(a),
        Optional.empty(),
        namesFound(a.name(), remote("id-x", a.name(), null)),
        PlanOptions.DEFAULTS);
  }
}
