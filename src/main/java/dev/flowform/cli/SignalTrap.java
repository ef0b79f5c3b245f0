package dev.flowform.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Runs an action on a signal (SIGINT, SIGTERM) instead of the JVM's shutdown. Only {@code
 * sun.misc.Signal} (module jdk.unsupported) can do that; it is reached by reflection because javac
 * warns about every use of it by name, a warning no annotation can suppress (and the build turns
 * warnings into errors).
 */
final class SignalTrap {
  private SignalTrap() {}

  /**
   * @param name {@code INT} or {@code TERM}
   * @return false when the signal cannot be trapped (ignored for this process, as in a background
   *     job, or reserved by the JVM, or no {@code sun.misc.Signal} at all)
   */
  static boolean trap(String name, Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object proxy =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (self, method, args) -> dispatch(self, method, args, action));
      Method handle = signal.getMethod("handle", signal, handler);
      handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
      return true;
    } catch (InvocationTargetException e) {
      return false; // IllegalArgumentException: ignored for this process or reserved
    } catch (ReflectiveOperationException | LinkageError e) {
      return false; // a JVM without sun.misc.Signal: Ctrl-C stops at once, as it would anyway
    }
  }

  private static Object dispatch(Object self, Method method, Object[] args, Runnable action) {
    return switch (method.getName()) {
      case "handle" -> {
        action.run();
        yield null;
      }
      case "equals" -> self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      default -> "SignalTrap";
    };
  }
}
