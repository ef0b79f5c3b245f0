package dev.flowform.manifest;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver, without its regular expressions where they cannot match: a plain scalar
 * whose first character starts no implicit type (boolean, number, null, timestamp, merge) is text.
 * SnakeYAML runs, for every plain scalar of up to ten characters (most keys and many values of a
 * manifest), the two patterns it tries whatever the first character: that of null (which matches
 * {@code ~}, {@code null}, {@code Null}, {@code NULL} and one space) and that of the empty scalar.
 * A matcher made and run twice for nothing, per scalar. Those two are SnakeYAML's defaults, and
 * {@code PlainResolverTest} checks that this resolver answers as SnakeYAML's does for every first
 * character. Only read after construction, so it may be shared between threads as SnakeYAML's is.
 */
final class PlainResolver extends Resolver {
  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind == NodeId.scalar
        && implicit
        && !value.isEmpty()
        && !Character.isWhitespace(value.charAt(0))
        && !yamlImplicitResolvers.containsKey(value.charAt(0))) {
      return Tag.STR;
    }
    return super.resolve(kind, value, implicit);
  }
}
