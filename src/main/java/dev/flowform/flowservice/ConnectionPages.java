package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.diag.FlowformException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Walks the pages of a connection list: {@code _links.next.href} (absolute, or relative to the
 * service base like {@code /connections?continuationToken=T}), else a bare continuation token.
 * Every later page keeps the first page's query ({@code property}, {@code limit}, ...), as Adobe's
 * Python SDK sends its params with each page: a next link that holds only the token must not widen
 * the list to every connection. Never leaves the service's host, and stops on a page it has seen
 * before.
 */
final class ConnectionPages {
  private final HttpUrl base;
  private final HttpUrl first;
  private final Set<HttpUrl> seen = new HashSet<>();

  ConnectionPages(HttpUrl base, HttpUrl first) {
    this.base = base;
    this.first = first;
  }

  /**
   * {@code connections?property=name==NAME}: {@code ==} as is, the name percent-encoded. A name
   * with a comma cannot be filtered on (the service reads {@code name==a,b} as "a or b", encoded
   * comma or not): then every connection is listed, and the caller keeps the exact matches.
   */
  static HttpUrl byName(HttpUrl connections, String name) {
    if (name.indexOf(',') >= 0) {
      return connections;
    }
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return connections.newBuilder().encodedQuery("property=name==" + encoded).build();
  }

  /**
   * {@code connections?property=name==A,B,...}: the connections of any of those names, each name
   * percent-encoded.
   *
   * @throws IllegalArgumentException for a name with a comma (it would read as two names)
   */
  static HttpUrl byNames(HttpUrl connections, List<String> names) {
    StringBuilder query = new StringBuilder("property=name==");
    for (String name : names) {
      if (name.indexOf(',') >= 0) {
        throw new IllegalArgumentException("a name with a comma cannot be one of several");
      }
      if (query.length() > "property=name==".length()) {
        query.append(',');
      }
      query.append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return connections.newBuilder().encodedQuery(query.toString()).build();
  }

  /** {@code connections?property=connectionSpec.id==SPEC}: every connection of one source. */
  static HttpUrl bySpec(HttpUrl connections, String specId) {
    String encoded = URLEncoder.encode(specId, StandardCharsets.UTF_8).replace("+", "%20");
    return connections.newBuilder().encodedQuery("property=connectionSpec.id==" + encoded).build();
  }

  /** The page after {@code current}, given its answer; empty when it was the last. */
  Optional<HttpUrl> next(HttpUrl current, JsonNode answer) {
    seen.add(current);
    String href = ConnectionJson.text(answer.path("_links").path("next"), "href");
    HttpUrl next = null;
    if (href != null && !href.isBlank()) {
      next = withFirstQuery(resolve(href.strip()));
    } else {
      String token = ConnectionJson.text(answer.path("_page"), "next");
      if (token == null) {
        token = ConnectionJson.text(answer, "continuationToken");
      }
      if (token != null && !token.isBlank()) {
        next = first.newBuilder().setQueryParameter("continuationToken", token).build();
      }
    }
    return next == null || seen.contains(next) ? Optional.empty() : Optional.of(next);
  }

  /**
   * {@code next} with every parameter of the first page's query it does not carry itself, copied as
   * encoded (so {@code property=name==X} keeps its literal {@code ==}).
   */
  private HttpUrl withFirstQuery(HttpUrl next) {
    String firstQuery = first.encodedQuery();
    if (firstQuery == null || firstQuery.isEmpty()) {
      return next;
    }
    StringBuilder query = new StringBuilder(next.encodedQuery() == null ? "" : next.encodedQuery());
    for (String pair : firstQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (!next.queryParameterNames().contains(name)) {
        query.append(query.length() == 0 ? "" : "&").append(pair);
      }
    }
    return next.newBuilder().encodedQuery(query.toString()).build();
  }

  private HttpUrl resolve(String href) {
    HttpUrl absolute = HttpUrl.parse(href);
    if (absolute != null) {
      if (!absolute.scheme().equals(base.scheme())
          || !absolute.host().equals(base.host())
          || absolute.port() != base.port()) {
        throw new FlowformException(
            "the Flow Service pointed the next page to another host: " + absolute.host(),
            "flowform sends credentials only to the endpoint of the environment");
      }
      return absolute;
    }
    int question = href.indexOf('?');
    String relative = question < 0 ? href : href.substring(0, question);
    String query = question < 0 ? null : href.substring(question + 1);
    String basePath = base.encodedPath();
    String prefix =
        basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    String path;
    if (relative.startsWith("/")) {
      path = !prefix.isEmpty() && relative.startsWith(prefix + "/") ? relative : prefix + relative;
    } else {
      path = prefix + "/" + relative;
    }
    return base.newBuilder().encodedPath(path).encodedQuery(query).fragment(null).build();
  }
}
