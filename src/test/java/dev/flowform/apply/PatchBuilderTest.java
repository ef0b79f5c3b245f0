package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.flowservice.PatchOperation;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.AttributeChange;
import dev.flowform.state.ResourceState;
import dev.flowform.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchBuilderTest {
  private static final Instant AT = Fixtures.CLOCK.instant();
  private final DesiredConnection a = connection("a").build();
  private final ResourceState recorded =
      ResourceRecords.pending(a, Fixtures.SALT, AT).withCreated("id-1", "\"e1\"", AT);

  @Test
  void sendsNothingWhenStateAlreadyMatches() {
    assertTrue(PatchBuilder.operations(recorded, a, Fixtures.SALT, List.of()).isEmpty());
  }

  @Test
  void replacesAllParamsWhenOnlyASecretRotated() {
    DesiredConnection rotated = connection("a").rotated("v2").build();

    List<PatchOperation> ops = PatchBuilder.operations(recorded, rotated, Fixtures.SALT, List.of());

    assertEquals(1, ops.size());
    assertEquals("replace", ops.get(0).op());
    assertEquals("/auth/params", ops.get(0).path());
    assertEquals(rotated.revealedParams(), ops.get(0).value());
  }

  @Test
  void sendsAParamItsConnectorTypesAsThatTypeWhileStateKeepsItsText() throws Exception {
    java.util.SortedMap<String, String> params = new java.util.TreeMap<>(a.params());
    params.put("port", "443");
    DesiredConnection typed =
        new DesiredConnection(
            a.address(),
            a.position(),
            a.name(),
            a.description(),
            a.connectionSpec(),
            a.authSpecName(),
            params,
            a.secrets(),
            a.unresolved(),
            a.movedFrom(),
            DesiredConnection.GENERIC_KIND,
            new java.util.TreeMap<>(java.util.Map.of("port", "integer")));

    List<PatchOperation> ops = PatchBuilder.operations(recorded, typed, Fixtures.SALT, List.of());

    String sent = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ops);
    assertTrue(sent.contains("\"port\":443"), sent);
    assertEquals("443", typed.revealedParams().get("port"));
  }

  @Test
  void removesADescriptionThatDisappeared() {
    List<PatchOperation> ops =
        PatchBuilder.operations(
            recorded, connection("a").description(null).build(), Fixtures.SALT, List.of());

    assertEquals(List.of(PatchOperation.remove("/description")), ops);
  }

  @Test
  void addsADescriptionThatAppeared() {
    ResourceState without =
        ResourceRecords.pending(connection("a").description(null).build(), Fixtures.SALT, AT)
            .withCreated("id-1", "\"e1\"", AT);

    List<PatchOperation> ops = PatchBuilder.operations(without, a, Fixtures.SALT, List.of());

    assertEquals(List.of(PatchOperation.add("/description", a.description())), ops);
  }

  @Test
  void putsBackANameChangedOnThePlatform() {
    List<AttributeChange> drift = List.of(AttributeChange.plain("/name", "edited", a.name()));

    List<PatchOperation> ops = PatchBuilder.operations(recorded, a, Fixtures.SALT, drift);

    assertEquals(List.of(PatchOperation.replace("/name", a.name())), ops);
  }
}
