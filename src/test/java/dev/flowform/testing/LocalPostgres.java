package dev.flowform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.Driver;

/**
 * A throw-away PostgreSQL cluster: {@code initdb} into a temporary folder, {@code postgres} on a
 * free port of 127.0.0.1 only (no Unix socket, fsync off: nothing here needs to survive), password
 * authentication (SCRAM) for everyone, stopped and deleted when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root, and tests may: then the cluster runs as {@code nobody}
 * through {@code setpriv}, in a folder that user owns. The server gets a parent-death signal too,
 * so a JVM killed outright does not leave it running.
 */
final class LocalPostgres {
  private static final String SUPERUSER = "postgres";
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final String INSTALL =
      "PostgreSQL's server binaries (initdb, postgres) were not found: looked in `pg_config"
          + " --bindir` and /usr/lib/postgresql/*/bin. Install Debian's postgresql package"
          + " (apt-get install --no-install-recommends postgresql), or run the tests with .ci/run,"
          + " which installs it, or set "
          + PostgresServer.URL_VARIABLE
          + " to the URL of a server to use.";

  private final Process server;
  private final Path dir;
  private final int port;

  private LocalPostgres(Process server, Path dir, int port) {
    this.server = server;
    this.dir = dir;
    this.port = port;
  }

  int port() {
    return port;
  }

  /** Starts a cluster with a {@code role} (password {@code password}) owning {@code database}. */
  static LocalPostgres start(String role, String password, String database) {
    Path bin = binaries();
    try {
      Path dir = PostgresServer.tempDir();
      RunAs runAs = RunAs.current();
      runAs.own(dir);
      String superPassword = UUID.randomUUID().toString();
      Path passwordFile = dir.resolve("superuser-password");
      Files.writeString(passwordFile, superPassword + "\n");
      runAs.own(passwordFile);
      Path data = dir.resolve("data");
      run(
          runAs.command(
              false,
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              SUPERUSER,
              "-A",
              "scram-sha-256",
              "--pwfile=" + passwordFile,
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"),
          dir,
          dir.resolve("initdb.log"));
      int port = PostgresServer.freePort();
      Process server =
          spawn(
              new ProcessBuilder(
                      runAs.command(
                          true,
                          bin.resolve("postgres").toString(),
                          "-D",
                          data.toString(),
                          "-p",
                          Integer.toString(port),
                          "-c",
                          "listen_addresses=127.0.0.1",
                          "-c",
                          "unix_socket_directories=",
                          "-c",
                          "fsync=off",
                          "-c",
                          "synchronous_commit=off",
                          "-c",
                          "full_page_writes=off",
                          "-c",
                          "max_connections=200"))
                  .directory(dir.toFile())
                  .redirectErrorStream(true)
                  .redirectOutput(dir.resolve("postgres.log").toFile()));
      LocalPostgres cluster = new LocalPostgres(server, dir, port);
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-stop"));
      cluster.awaitReady(superPassword);
      cluster.createRole(superPassword, role, password, database);
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a PostgreSQL server for the tests: " + e, e);
    }
  }

  /** The server binaries: {@code pg_config --bindir}, else the newest /usr/lib/postgresql/N/bin. */
  static Path binaries() {
    List<Path> candidates = new ArrayList<>();
    try {
      Process config =
          new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (config.waitFor(10, TimeUnit.SECONDS) && config.exitValue() == 0) {
        candidates.add(Path.of(out.strip()));
      }
    } catch (IOException e) {
      // no pg_config: look in Debian's folders
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions
            .filter(p -> p.getFileName().toString().matches("[0-9]+"))
            .sorted(
                Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString()))
                    .reversed())
            .map(p -> p.resolve("bin"))
            .forEach(candidates::add);
      } catch (IOException e) {
        // nothing there
      }
    }
    return candidates.stream()
        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
        .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(INSTALL));
  }

  private static void run(List<String> command, Path dir, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish:\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + tail(log));
    }
  }

  /**
   * Starts the server from a thread that lives as long as the JVM: Linux sends the parent-death
   * signal when the thread that started a process ends, not the process.
   */
  private static Process spawn(ProcessBuilder builder) throws IOException {
    CompletableFuture<Process> started = new CompletableFuture<>();
    Thread parent =
        new Thread(
            () -> {
              try {
                started.complete(builder.start());
              } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
                return;
              }
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                // the JVM is ending
              }
            },
            "postgres-parent");
    parent.setDaemon(true);
    parent.start();
    try {
      return started.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("cannot start PostgreSQL", e.getCause());
    }
  }

  private Connection connectAsSuperuser(String superPassword, String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("password", superPassword);
    properties.setProperty("connectTimeout", "5");
    return new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  private void awaitReady(String superPassword) {
    Instant deadline = Instant.now().plus(READY_WITHIN);
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited with "
                + server.exitValue()
                + ":\n"
                + tail(dir.resolve("postgres.log")));
      }
      try {
        connectAsSuperuser(superPassword, "postgres").close();
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL did not accept connections within "
            + READY_WITHIN
            + " ("
            + last
            + "):\n"
            + tail(dir.resolve("postgres.log")));
  }

  private void createRole(String superPassword, String role, String password, String database) {
    try (Connection connection = connectAsSuperuser(superPassword, "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE ROLE "
              + role
              + " LOGIN CREATEROLE PASSWORD '"
              + password.replace("'", "''")
              + "'");
      statement.execute("CREATE DATABASE " + database + " OWNER " + role);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set up the test database: " + e.getMessage(), e);
    }
  }

  /** Fast shutdown (SIGINT: sessions are ended), then the folder is deleted. */
  private void stop() {
    try {
      if (server.isAlive()) {
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
      deleteTree(dir);
    } catch (IOException e) {
      // leave the folder: it is in the temporary folder
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
