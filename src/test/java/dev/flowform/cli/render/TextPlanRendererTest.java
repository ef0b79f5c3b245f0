package dev.flowform.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextPlanRendererTest {
  private final TextPlanRenderer plain = new TextPlanRenderer(false);

  @Test
  void rendersASmallPlanLikeTerraform() {
    String expected =
        """
        Environment "dev" (sandbox "dev"), state serial 7, planned offline.

        flowform will perform the following actions:

          # not in state
          + create connection "marketing-hubspot"
              + name = "HubSpot marketing (eu)"
              + description = "Marketing CRM contacts"
              + connectionSpec.id = "cc6a4487-9e91-433e-a3a3-9cf6626c1806"
              + connectionSpec.version = "1.0"
              + auth.specName = "Basic Authentication"
              + auth.params.accessToken = (sensitive)
              + auth.params.clientId = "client-id"
              + auth.params.clientSecret = (sensitive)
              + auth.params.refreshToken = (sensitive)

          # manifest changed
          ~ update connection "sales-hubspot" (id 2fce94c1-5ad1-4d5e-8f6b-3c2a1b0e9d87)
              ~ name = "HubSpot sales" -> "HubSpot sales (eu)"
              ~ auth.params.clientSecret = (sensitive value changed)

        Plan: 1 to create, 1 to update, 0 to delete, 1 unchanged.
        """;

    assertEquals(expected, plain.render(SamplePlans.small()));
  }

  @Test
  void saysNoChangesWhenEverythingIsUpToDate() {
    assertEquals(
        """
        Environment "dev" (sandbox "dev"), state serial 7, planned offline.

        No changes. Your connections match the manifests.
        """,
        plain.render(SamplePlans.upToDate()));
  }

  @Test
  void writesNoColourUnlessAskedTo() {
    assertFalse(plain.render(SamplePlans.everything(false)).contains("\u001b["));
    assertTrue(
        new TextPlanRenderer(true).render(SamplePlans.small()).contains("\u001b[32m+ create"));
  }

  @Test
  void explainsAnOrphanAndHowToDeleteOrForgetIt() {
    String text = plain.render(SamplePlans.everything(false));

    assertTrue(text.contains("  ? orphan connection \"g-orphan\" (id id-g)\n"), text);
    assertTrue(text.contains("# kept: apply --prune deletes it"), text);
    assertTrue(
        text.contains(
            "# to stop managing it without deleting it: flowform state rm --env dev g-orphan"),
        text);
    assertTrue(
        text.contains("Not planned: 1 orphan (kept without --prune), 1 conflict (nothing sent).\n"),
        text);
  }

  @Test
  void explainsAConflictWithTheImportCommand() {
    String text = plain.render(SamplePlans.conflictOnly());

    assertTrue(text.contains("  ! conflict connection \"a\"\n"), text);
    assertTrue(text.contains("# nothing will be sent; found on the platform: id-x"), text);
    assertTrue(
        text.contains("# to manage it with flowform: flowform import --env dev a id-x"), text);
    assertTrue(text.contains("Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged.\n"), text);
  }

  @Test
  void countsReplacesInTheSummaryOnlyWhenThereAreSome() {
    String text = plain.render(SamplePlans.everything(true));

    assertTrue(
        text.contains("Plan: 2 to create, 1 to update, 1 to replace, 1 to delete, 1 unchanged.\n"),
        text);
    assertTrue(text.contains("  -/+ replace connection \"e-replaced\" (id id-e)\n"), text);
    assertTrue(text.contains("      ~ connectionSpec.version = \"1.0\" -> \"2.0\"\n"), text);
    assertTrue(text.contains("  + adopt connection \"b-adopted\" (id id-b)\n"), text);
    assertTrue(text.contains("  - delete connection \"g-orphan\" (id id-g)\n"), text);
  }

  @Test
  void listsTheCredentialsItCouldNotCompare() {
    String text = plain.render(SamplePlans.withoutSecrets());

    assertTrue(
        text.contains(
            "Warning: 2 credentials could not be resolved, so they were not compared; this plan cannot be saved or applied:\n"
                + "  a/auth/params/accessToken (${env:HUBSPOT_ACCESS_TOKEN})\n"
                + "  a/auth/params/clientSecret (${env:HUBSPOT_CLIENT_SECRET})\n"),
        text);
  }

  @Test
  void showsMovesAndImportsAndWhatCannotBeCompared() {
    String text = plain.render(SamplePlans.declared());

    assertTrue(text.contains("  > move connection \"b\" (id id-b)\n"), text);
    assertTrue(text.contains("moved from \"old-b\""), text);
    assertTrue(text.contains("  ~ update connection \"c\" (id id-c)"), text);
    assertTrue(text.contains("moved from \"old-c\""), text);
    assertTrue(
        text.contains("  <= import connection \"d\" (id " + SamplePlans.IMPORT_ID + ")"), text);
    assertTrue(text.contains("~ name = \"Support (old)\" -> \"HubSpot d\""), text);
    assertTrue(
        text.contains("~ auth.params.clientSecret = (sensitive, not comparable: imported)"), text);
    assertTrue(
        text.contains(
            "Plan: 1 to import, 0 to create, 1 to update, 0 to delete, 2 to move, 0 unchanged."),
        text);
  }

  @Test
  void aDeclaredImportOfAPipelineResourceSaysNothingIsSentAndTheNextPlanUpdates() {
    dev.flowform.plan.Change flow =
        new dev.flowform.plan.Change(
            "dataflow.orders",
            dev.flowform.plan.Action.IMPORT,
            dev.flowform.plan.Reason.IMPORT_DECLARED,
            SamplePlans.IMPORT_ID,
            "\"e\"",
            "Orders hourly",
            java.util.List.of(),
            java.util.List.of(SamplePlans.IMPORT_ID),
            null,
            "Dataflow",
            java.util.List.of());

    String text =
        plain.render(
            dev.flowform.testing.Fixtures.plan(dev.flowform.testing.StateFixtures.empty(), flow));

    assertTrue(text.contains("<= import"), text);
    assertTrue(
        text.contains(
            "nothing is sent: flowform reads Dataflow "
                + SamplePlans.IMPORT_ID
                + " and records it as the platform holds it"),
        text);
    assertFalse(text.contains("reads connection"), text);
  }

  @Test
  void aTargetedPlanWarnsThatStateIsOnlyPartlyReconciled() {
    String text = plain.render(SamplePlans.targeted());

    assertTrue(text.contains("Warning: This plan is limited to --target sales-hubspot"), text);
    assertTrue(text.contains("only partly reconciled"), text);
    assertFalse(text.contains("marketing-hubspot"), text);
  }
}
