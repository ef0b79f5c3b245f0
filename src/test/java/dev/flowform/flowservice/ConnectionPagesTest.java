package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ConnectionPagesTest {
  private static final HttpUrl BASE =
      HttpUrl.get("https://platform.adobe.io/data/foundation/flowservice");
  private static final HttpUrl FIRST =
      ConnectionPages.byName(BASE.newBuilder().addPathSegment("connections").build(), "a b&c");
  private final ObjectMapper json = new ObjectMapper();

  private Optional<String> next(String answer) throws Exception {
    JsonNode node = json.readTree(answer);
    return new ConnectionPages(BASE, FIRST).next(FIRST, node).map(HttpUrl::toString);
  }

  @Test
  void sendsTheNameFilterWithALiteralDoubleEqualsAndAnEncodedName() {
    assertEquals(
        "https://platform.adobe.io/data/foundation/flowservice/connections?property=name==a%20b%26c",
        FIRST.toString());
  }

  @Test
  void asksForEveryConnectionWhenTheNameHoldsACommaThatWouldSplitTheFilter() {
    assertEquals(
        "https://platform.adobe.io/data/foundation/flowservice/connections",
        ConnectionPages.byName(BASE.newBuilder().addPathSegment("connections").build(), "a, b")
            .toString());
  }

  @Test
  void keepsTheFirstQueryOnANextLinkThatHoldsOnlyTheToken() throws Exception {
    assertEquals(
        Optional.of(
            "https://platform.adobe.io/data/foundation/flowservice/connections"
                + "?continuationToken=t2&property=name==a%20b%26c"),
        next("{\"_links\":{\"next\":{\"href\":\"/connections?continuationToken=t2\"}}}"));
  }

  @Test
  void keepsEveryParameterOfTheFirstQueryThatTheNextLinkLacks() throws Exception {
    HttpUrl first =
        HttpUrl.get(
            BASE + "/connections?property=connectionSpec.id==s1&limit=100&property=name==x");
    JsonNode answer =
        json.readTree(
            "{\"_links\":{\"next\":{\"href\":\"/connections?continuationToken=t2&limit=100\"}}}");
    assertEquals(
        Optional.of(
            BASE
                + "/connections?continuationToken=t2&limit=100"
                + "&property=connectionSpec.id==s1&property=name==x"),
        new ConnectionPages(BASE, first).next(first, answer).map(HttpUrl::toString));
  }

  @Test
  void resolvesANextLinkRelativeToTheServiceBase() throws Exception {
    HttpUrl first = BASE.newBuilder().addPathSegment("connections").build();
    JsonNode answer =
        json.readTree("{\"_links\":{\"next\":{\"href\":\"/connections?continuationToken=t2\"}}}");
    assertEquals(
        Optional.of(
            "https://platform.adobe.io/data/foundation/flowservice/connections?continuationToken=t2"),
        new ConnectionPages(BASE, first).next(first, answer).map(HttpUrl::toString));
  }

  @Test
  void keepsANextLinkThatAlreadyHoldsTheBasePath() throws Exception {
    assertEquals(
        Optional.of(
            "https://platform.adobe.io/data/foundation/flowservice/connections?continuationToken=t2"
                + "&property=name==a%20b%26c"),
        next(
            "{\"_links\":{\"next\":{\"href\":"
                + "\"/data/foundation/flowservice/connections?continuationToken=t2\"}}}"));
  }

  @Test
  void usesABareContinuationTokenWithTheFirstQuery() throws Exception {
    assertEquals(
        Optional.of(FIRST + "&continuationToken=t9"), next("{\"continuationToken\":\"t9\"}"));
  }

  @Test
  void endsWhenThereIsNoNextPage() throws Exception {
    assertEquals(Optional.empty(), next("{\"items\":[],\"_links\":{}}"));
  }

  @Test
  void refusesANextLinkToAnotherHost() {
    assertThrows(
        FlowformException.class,
        () -> next("{\"_links\":{\"next\":{\"href\":\"https://evil.example.com/connections\"}}}"));
  }

  @Test
  void stopsOnAPageItHasSeen() throws Exception {
    ConnectionPages pages = new ConnectionPages(BASE, FIRST);
    JsonNode loop = json.readTree("{\"_links\":{\"next\":{\"href\":\"" + FIRST + "\"}}}");
    assertEquals(Optional.empty(), pages.next(FIRST, loop));
  }
}
