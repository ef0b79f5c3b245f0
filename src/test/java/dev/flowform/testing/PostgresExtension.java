package dev.flowform.testing;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link TestSchema} of its own (or the {@link PostgresServer} itself) on the
 * PostgreSQL server of this JVM, starting that server on first use. A missing server fails the test
 * with what to install: these tests never skip.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class SomethingTest {
 *   @Test
 *   void works(TestSchema schema) { ... schema.parsedUrl("dev") ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestSchema.class || type == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresServer server = PostgresServer.shared();
    if (parameter.getParameter().getType() == PostgresServer.class) {
      return server;
    }
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    TestSchema schema = new TestSchema(server, name);
    context.getStore(NAMESPACE).put(name, new Dropped(schema));
    return schema;
  }

  /** Drops the schema when the test is done with it (JUnit closes stored AutoCloseables). */
  private record Dropped(TestSchema schema) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      schema.execute("DROP SCHEMA IF EXISTS %s CASCADE");
    }
  }
}
