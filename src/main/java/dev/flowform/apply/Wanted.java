package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Change;
import java.util.Collection;
import java.util.TreeSet;

/** What a change wants sent, from the manifests, or why it cannot be sent. */
final class Wanted {
  private Wanted() {}

  /** The connection at the change's address, every secret and reference resolved. */
  static DesiredConnection connection(DesiredState desired, Change change) {
    DesiredConnection wanted = desired.connection(change.address()).orElseThrow(() -> gone(change));
    if (!wanted.secretsResolved()) {
      throw new FlowformException(
          "some secrets of " + change.address() + " did not resolve, so it cannot be sent",
          "set the environment variables or files its ${env:...} and ${file:...} name");
    }
    requireResolved(change, wanted.unresolved());
    return wanted;
  }

  /** The pipeline resource at the change's address, every reference resolved. */
  static DesiredResource resource(DesiredState desired, Change change) {
    DesiredResource wanted = desired.resource(change.address()).orElseThrow(() -> gone(change));
    requireResolved(change, wanted.unresolved());
    return wanted;
  }

  private static FlowformException gone(Change change) {
    return new FlowformException(change.address() + " is no longer in the manifests", "plan again");
  }

  /** A manifest loaded offline whose references did not all resolve cannot be sent. */
  private static void requireResolved(Change change, Collection<String> unresolved) {
    if (!unresolved.isEmpty()) {
      throw new FlowformException(
          change.address()
              + " was loaded offline and "
              + String.join(", ", new TreeSet<>(unresolved))
              + " did not resolve, so it cannot be sent",
          "plan again where every reference resolves");
    }
  }
}
