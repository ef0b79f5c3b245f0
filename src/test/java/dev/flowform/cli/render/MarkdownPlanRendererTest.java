package dev.flowform.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.plan.Plan;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownPlanRendererTest {
  private final MarkdownPlanRenderer renderer = new MarkdownPlanRenderer();

  @Test
  void startsWithATitleNamingTheEnvironmentAndSandboxAndATableOfCounts() {
    String md = renderer.render(SamplePlans.small());

    assertTrue(md.startsWith("### flowform plan for `dev` (sandbox `dev`)\n"), md);
    assertTrue(
        md.contains(
            """
            | action | connections |
            |---|---:|
            | create | 1 |
            | update | 1 |
            | replace | 0 |
            | delete | 0 |
            | orphan | 0 |
            | conflict | 0 |
            | unchanged | 1 |
            """),
        md);
    assertTrue(md.endsWith("**Plan: 1 to create, 1 to update, 0 to delete, 1 unchanged.**\n"), md);
  }

  @Test
  void foldsEachChangeInADetailsBlockWithADiffBody() {
    String md = renderer.render(SamplePlans.small());

    assertEquals(2, count(md, "<details>"));
    assertEquals(2, count(md, "</details>"));
    assertTrue(
        md.contains(
            """
            <details><summary><code>~</code> update <b>sales-hubspot</b> (id 2fce94c1-5ad1-4d5e-8f6b-3c2a1b0e9d87): the manifest changed</summary>

            ```diff
            - name = "HubSpot sales"
            + name = "HubSpot sales (eu)"
            - auth.params.clientSecret = (sensitive)
            + auth.params.clientSecret = (sensitive value changed)
            ```

            </details>
            """),
        md);
  }

  @Test
  void aValueWithBackticksCannotCloseTheFenceAndHtmlIsEscapedInSummaries() {
    String md = renderer.render(SamplePlans.everything(false));

    assertTrue(md.contains("+ description = \"new `text` <b>\""), md);
    assertFalse(md.contains("<b>g-orphan</b> <b>"), md);
    assertTrue(md.contains("flowform import --env dev c-conflict <id>"), md);
  }

  @Test
  void saysNoChangesWhenThereAreNone() {
    assertTrue(
        renderer
            .render(SamplePlans.upToDate())
            .endsWith("**No changes.** Your connections match the manifests.\n"));
  }

  @Test
  void aLongPlanIsCutAtWholeChangesUnder60000CharactersWithANote() {
    Plan big = SamplePlans.manyCreates(400);

    String md = renderer.render(big);

    assertTrue(md.length() < 60_000, "length " + md.length());
    int shown = count(md, "<details>");
    assertTrue(shown > 10 && shown < 400, "shown " + shown);
    assertEquals(shown, count(md, "</details>"));
    assertEquals(shown * 2, count(md, "```"));
    assertTrue(
        md.contains(
            "> "
                + (400 - shown)
                + " more changes are not shown, to keep this comment under 60,000 characters."
                + " Run `flowform plan --env dev --output json` for the whole plan.\n"),
        md.substring(md.length() - 400));
    assertTrue(md.contains("| create | 400 |"));
  }

  @Test
  void aSingleChangeTooLongForAnyCommentIsLeftOutWithTheNote() {
    dev.flowform.plan.Change huge =
        new dev.flowform.plan.Change(
            "huge-hubspot",
            dev.flowform.plan.Action.CREATE,
            dev.flowform.plan.Reason.NEW,
            null,
            null,
            "Huge",
            java.util.List.of(
                dev.flowform.plan.AttributeChange.plain("/description", null, "x".repeat(90_000))),
            java.util.List.of());
    Plan plan =
        dev.flowform.testing.Fixtures.planFor(
            "prod", null, 0, java.util.List.of(huge), java.util.List.of());

    String md = renderer.render(plan);

    assertTrue(md.length() < 60_000, "length " + md.length());
    assertTrue(md.startsWith("### flowform plan for `prod` (sandbox `prod`)"), md);
    assertEquals(0, count(md, "<details>"));
    assertTrue(md.contains("> 1 more change is not shown"), md);
  }

  @Test
  void aPlanThatFitsIsNotCut() {
    String md = renderer.render(SamplePlans.manyCreates(50));

    assertEquals(50, count(md, "<details>"));
    assertFalse(md.contains("not shown"));
  }

  @Test
  void warnsAboutCredentialsItCouldNotCompare() {
    String md = renderer.render(SamplePlans.withoutSecrets());

    assertTrue(md.contains("> [!WARNING]\n"), md);
    assertTrue(
        md.contains("> - `a/auth/params/clientSecret (${env:HUBSPOT_CLIENT_SECRET})`\n"), md);
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
