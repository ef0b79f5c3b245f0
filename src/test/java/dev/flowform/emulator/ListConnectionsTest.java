package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListConnectionsTest {
  private FlowServiceEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator =
        FlowServiceEmulator.start(EmulatorConfig.builder().pageSize(3).maxPageSize(5).build());
    api = Api.signedIn(emulator, "client-a", "dev");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private List<String> names(Api.Answer answer) {
    List<String> names = new ArrayList<>();
    answer.json().get("items").forEach(item -> names.add(item.get("name").asText()));
    return names;
  }

  private String property(String expression) {
    return "property=" + Api.encode(expression);
  }

  @Test
  void filtersByNameWithOrAcrossCommasAndAndAcrossRepeats() {
    String a = api.create("alpha").json().get("id").asText();
    api.create("beta");
    api.create("gamma");
    assertEquals(List.of("alpha"), names(api.get("/connections?" + property("name==alpha"))));
    assertEquals(
        List.of("alpha", "gamma"), names(api.get("/connections?" + property("name==alpha,gamma"))));
    assertEquals(
        List.of("alpha"),
        names(
            api.get("/connections?" + property("name==alpha,gamma") + "&" + property("id==" + a))));
    assertEquals(List.of(), names(api.get("/connections?" + property("name==delta"))));
  }

  @Test
  void filtersByDottedPathsAndState() {
    api.create("alpha");
    assertEquals(
        List.of("alpha"),
        names(api.get("/connections?" + property("connectionSpec.id==" + Api.HUBSPOT))));
    assertEquals(List.of(), names(api.get("/connections?" + property("connectionSpec.id==other"))));
    assertEquals(List.of("alpha"), names(api.get("/connections?" + property("state==enabled"))));
    assertEquals(
        List.of("alpha"), names(api.get("/connections?" + property("description==CRM contacts"))));
    assertEquals(List.of(), names(api.get("/connections?" + property("state!=enabled"))));
  }

  @Test
  void anUnknownPropertyIsAnInvalidRequest() {
    assertEquals("1100-400", api.get("/connections?" + property("colour==red")).errorCode());
    assertEquals("1100-400", api.get("/connections?" + property("name")).errorCode());
  }

  @Test
  void pagesByTheDefaultSizeAndFollowsTheNextLinkToTheEnd() {
    for (int i = 1; i <= 7; i++) {
      api.create("c" + i);
    }
    List<String> seen = new ArrayList<>();
    Api.Answer page = api.get("/connections");
    int pages = 1;
    assertEquals(3, page.json().get("items").size());
    while (true) {
      seen.addAll(names(page));
      JsonNode next = page.json().path("_links").path("next").path("href");
      if (next.isMissingNode()) {
        break;
      }
      assertTrue(next.asText().startsWith("/connections?continuationToken="), next.asText());
      page = api.get(next.asText());
      pages++;
    }
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7"), seen);
    assertEquals(3, pages);
  }

  @Test
  void aContinuationTokenKeepsTheFilterAndLimitOfTheFirstPage() {
    for (int i = 1; i <= 5; i++) {
      api.create(i % 2 == 0 ? "even" : "odd");
    }
    Api.Answer first = api.get("/connections?limit=2&" + property("name==odd"));
    assertEquals(List.of("odd", "odd"), names(first));
    Api.Answer second = api.get(first.json().get("_links").get("next").get("href").asText());
    assertEquals(List.of("odd"), names(second));
    assertFalse(second.json().has("_links"));
  }

  @Test
  void ordersByNameDescending() {
    api.create("b");
    api.create("c");
    api.create("a");
    assertEquals(List.of("c", "b", "a"), names(api.get("/connections?orderby=-name")));
    assertEquals(List.of("a", "b", "c"), names(api.get("/connections?orderby=name")));
  }

  @Test
  void countReturnsOnlyTheNumberOfMatches() {
    api.create("x");
    api.create("x");
    api.create("y");
    Api.Answer count = api.get("/connections?count=true&" + property("name==x"));
    assertEquals(200, count.status());
    assertEquals(2, count.json().get("count").asInt());
    assertEquals(1, count.json().size());
  }

  @Test
  void limitWithCountIs1401() {
    Api.Answer answer = api.get("/connections?count=true&limit=5");
    assertEquals(400, answer.status());
    assertEquals("1401-400", answer.errorCode());
  }

  @Test
  void aLimitAboveTheMaxPageSizeIsClampedAndTheRestFollowsTheNextLink() {
    for (int i = 1; i <= 12; i++) {
      api.create("c" + i);
    }
    Api.Answer first = api.get("/connections?limit=500");
    assertEquals(200, first.status());
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), names(first));
    Api.Answer second = api.get(first.json().get("_links").get("next").get("href").asText());
    assertEquals(List.of("c6", "c7", "c8", "c9", "c10"), names(second));
    Api.Answer third = api.get(second.json().get("_links").get("next").get("href").asText());
    assertEquals(List.of("c11", "c12"), names(third));
    assertFalse(third.json().has("_links"));
    assertEquals(5, names(api.get("/connections?limit=99999999999999")).size());
  }

  @Test
  void pagingWithAFilterReturnsEachMatchingConnectionOnceEvenWhenTheQueryIsSentAgain() {
    List<String> wanted = new ArrayList<>();
    for (int i = 1; i <= 23; i++) {
      String name = String.format("n%02d", i);
      String id = api.create(name).json().get("id").asText();
      if (i % 3 != 0) {
        wanted.add(0, id);
      }
    }
    String filter =
        property(
            "name=="
                + String.join(
                    ",",
                    java.util.stream.IntStream.rangeClosed(1, 23)
                        .filter(i -> i % 3 != 0)
                        .mapToObj(i -> String.format("n%02d", i))
                        .toList()));
    String query = filter + "&orderby=-name&limit=4";
    List<String> seen = new ArrayList<>();
    Api.Answer page = api.get("/connections?" + query);
    while (true) {
      page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
      JsonNode next = page.json().path("_links").path("next").path("href");
      if (next.isMissingNode()) {
        break;
      }
      // as aepp's getConnections does: the next link, with the first query's parameters again
      page = api.get(next.asText() + "&" + query);
    }
    assertEquals(wanted, seen);
  }

  @Test
  void aConnectionCreatedOrDeletedWhilePagingNeitherRepeatsNorHidesAnother() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      ids.add(api.create("same").json().get("id").asText());
    }
    Api.Answer first = api.get("/connections?limit=3&" + property("name==same"));
    List<String> seen = new ArrayList<>();
    first.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
    api.delete("/connections/" + ids.get(0));
    api.delete("/connections/" + ids.get(4));
    String added = api.create("same").json().get("id").asText();
    Api.Answer page = api.get(first.json().get("_links").get("next").get("href").asText());
    while (true) {
      page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
      JsonNode next = page.json().path("_links").path("next").path("href");
      if (next.isMissingNode()) {
        break;
      }
      page = api.get(next.asText());
    }
    List<String> expected = new ArrayList<>(ids);
    expected.remove(4);
    expected.add(added);
    assertEquals(expected, seen);
  }

  @Test
  void aBadLimitOrTokenIsAnInvalidRequest() {
    assertEquals("1100-400", api.get("/connections?limit=0").errorCode());
    assertEquals("1100-400", api.get("/connections?limit=-3").errorCode());
    assertEquals("1100-400", api.get("/connections?limit=ten").errorCode());
    assertEquals("1100-400", api.get("/connections?continuationToken=garbage").errorCode());
  }
}
