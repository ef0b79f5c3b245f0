import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.yaml.snakeyaml.Yaml;

/**
 * The floors under the performance goals: what the libraries and the stand-in cost on their own,
 * with no flowform code at all. Compiled against the flowform jar (its libraries) by
 * bench/floors.sh, which times it.
 *
 * <ul>
 *   <li>{@code libs}: the least a validation run can do with the project's required libraries:
 *       SnakeYAML loads one small document, Jackson binds one map to a record, Hibernate Validator
 *       (bootstrapped the documented fast way: fixed provider, no XML, no expression language)
 *       checks it once. Timed as a whole process against {@code flowform version}.
 *   <li>{@code posts FLOW_SERVICE_URL IMS_URL SANDBOX N P}: a bare OkHttp client takes a token and
 *       sends N HubSpot connection creates, P at a time, with no manifests, no plan and no state,
 *       and prints the time from the first create sent to the last answer read, and the median
 *       request.
 * </ul>
 */
public final class Floor {
  /** A manifest's spec, as small as one can be. */
  public record Spec(@NotBlank String name, @NotBlank String clientId) {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } finally {
      System.out.flush();
    }
    System.exit(0); // OkHttp's own threads would keep the JVM a minute longer
  }

  private static void run(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("libs")) {
      libs();
    } else if (args.length == 6 && args[0].equals("posts")) {
      posts(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    } else {
      System.err.println("usage: Floor libs | Floor posts FLOW_SERVICE_URL IMS_URL SANDBOX N P");
      System.exit(2);
    }
  }

  private static void libs() {
    Map<String, Object> document =
        new Yaml().load("apiVersion: flowform/v1\nkind: X\nspec: {name: a, clientId: b}\n");
    Spec spec = new ObjectMapper().convertValue(document.get("spec"), Spec.class);
    java.util.logging.Logger.getLogger("org.hibernate.validator")
        .setLevel(java.util.logging.Level.WARNING); // as flowform: no version banner
    Validator validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .ignoreXmlConfiguration()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    System.out.println(validator.validate(spec).size() + " violations");
  }

  private static void posts(String flowService, String ims, String sandbox, int n, int p)
      throws Exception {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(p, 5, java.util.concurrent.TimeUnit.MINUTES))
            .readTimeout(Duration.ofMinutes(2))
            .build();
    ObjectMapper mapper = new ObjectMapper();
    String clientId = System.getenv().getOrDefault("AEP_CLIENT_ID", "floor");
    String token;
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", clientId)
            .add("client_secret", System.getenv().getOrDefault("AEP_CLIENT_SECRET", "floor"))
            .build();
    try (Response answer = client.newCall(new Request.Builder().url(ims).post(form).build()).execute()) {
      token = mapper.readTree(answer.body().string()).get("access_token").asText();
    }
    MediaType json = MediaType.get("application/json");
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            p,
            task -> {
              Thread thread = new Thread(task);
              thread.setDaemon(true); // a failed create ends the process, not waits for the others
              return thread;
            });
    long start = System.nanoTime();
    List<Future<List<Long>>> workers = new ArrayList<>();
    for (int w = 0; w < p; w++) {
      workers.add(
          pool.submit(
              () -> {
                List<Long> times = new ArrayList<>();
                for (int i = next.incrementAndGet(); i <= n; i = next.incrementAndGet()) {
                  String body =
                      mapper.writeValueAsString(
                          Map.of(
                              "name", "Floor " + i,
                              "auth",
                                  Map.of(
                                      "specName", "Basic Authentication",
                                      "params",
                                          Map.of(
                                              "clientId", "app-" + i,
                                              "clientSecret", "s",
                                              "accessToken", "a",
                                              "refreshToken", "r")),
                              "connectionSpec",
                                  Map.of("id", "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version", "1.0")));
                  Request request =
                      new Request.Builder()
                          .url(flowService + "/connections")
                          .header("Authorization", "Bearer " + token)
                          .header("x-api-key", clientId)
                          .header("x-gw-ims-org-id", "5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg")
                          .header("x-sandbox-name", sandbox)
                          .post(RequestBody.create(body, json))
                          .build();
                  long sent = System.nanoTime();
                  try (Response answer = client.newCall(request).execute()) {
                    JsonNode created = mapper.readTree(answer.body().string());
                    if (answer.code() != 201 || !created.has("id")) {
                      throw new IllegalStateException("create answered " + answer.code());
                    }
                  }
                  times.add(System.nanoTime() - sent);
                }
                return times;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> worker : workers) {
      all.addAll(worker.get());
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    Collections.sort(all);
    System.out.printf(
        "%d creates, %d at a time: %d ms from the first sent to the last answer; median request %.1f ms%n",
        n, p, elapsed / 1_000_000, all.get(all.size() / 2) / 1e6);
  }
}
