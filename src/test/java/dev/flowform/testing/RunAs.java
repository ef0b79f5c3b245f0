package dev.flowform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Whom the test PostgreSQL cluster runs as: this user, or {@code nobody} when this user is root
 * (which PostgreSQL refuses). Commands go through {@code setpriv}, which changes user and sets a
 * parent-death signal, then executes the command in the same process.
 *
 * @param uid the user to run as, or -1 for this one
 * @param gid that user's group, or -1
 */
record RunAs(int uid, int gid) {

  static RunAs current() throws IOException {
    int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (me != 0) {
      return new RunAs(-1, -1);
    }
    if (!onPath("setpriv")) {
      throw new IllegalStateException(
          "the tests run as root, PostgreSQL refuses to, and setpriv (util-linux) is missing to"
              + " run it as nobody");
    }
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] fields = line.split(":");
      if (fields.length > 3 && fields[0].equals("nobody")) {
        return new RunAs(Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
      }
    }
    throw new IllegalStateException(
        "the tests run as root, PostgreSQL refuses to, and there is no user 'nobody' to run it as");
  }

  boolean switches() {
    return uid >= 0;
  }

  /** Gives {@code path} to the user the cluster runs as, readable by it alone. */
  void own(Path path) throws IOException {
    if (switches()) {
      Files.setAttribute(path, "unix:uid", uid);
      Files.setAttribute(path, "unix:gid", gid);
    }
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
  }

  /**
   * {@code command} as that user.
   *
   * @param dieWithParent whether it gets SIGINT (PostgreSQL's fast shutdown) when the thread that
   *     started it ends
   */
  List<String> command(boolean dieWithParent, String... command) {
    List<String> line = new ArrayList<>();
    boolean setpriv = switches() || (dieWithParent && onPath("setpriv"));
    if (setpriv) {
      line.add("setpriv");
      if (switches()) {
        line.add("--reuid=" + uid);
        line.add("--regid=" + gid);
        line.add("--clear-groups");
      }
      if (dieWithParent) {
        line.add("--pdeathsig=INT");
      }
      line.add("--");
    }
    line.addAll(List.of(command));
    return line;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
