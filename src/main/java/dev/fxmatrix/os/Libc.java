package dev.fxmatrix.os;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The two libc functions fxmatrix needs, through the Foreign Function API. Reached by reflection:
 * the API is final from JDK 22 and fxmatrix compiles for 21. Wherever it is missing or refused
 * (JDK 21, another libc, native access denied), callers get an empty answer and fall back.
 */
public final class Libc {
  private Libc() {}

  /** {@code void _exit(int)}: ends the process at once, without the JVM's shutdown. */
  public static Optional<MethodHandle> exitFunction() {
    return downcall("_exit", false);
  }

  /** {@code isatty(fd)}: whether the file descriptor is a terminal; empty if that cannot be asked. */
  public static Optional<Boolean> isTerminal(int fd) {
    try {
      Optional<MethodHandle> isatty = downcall("isatty", true);
      return isatty.isEmpty() ? Optional.empty() : Optional.of((int) isatty.get().invoke(fd) == 1);
    } catch (Throwable e) {
      return Optional.empty();
    }
  }

  /** A handle for {@code name(int)}, returning an int or nothing. */
  private static Optional<MethodHandle> downcall(String name, boolean returnsInt) {
    if (Runtime.version().feature() < 22) {
      return Optional.empty();
    }
    try {
      Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
      Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
      Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
      Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
      Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");

      Object linker = linkerType.getMethod("nativeLinker").invoke(null);
      Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
      Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, name);
      if (symbol.isEmpty()) {
        return Optional.empty();
      }
      Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
      Object arguments = Array.newInstance(layoutType, 1);
      Array.set(arguments, 0, javaInt);
      Object descriptor =
          returnsInt
              ? descriptorType.getMethod("of", layoutType, arguments.getClass()).invoke(null, javaInt, arguments)
              : descriptorType.getMethod("ofVoid", arguments.getClass()).invoke(null, arguments);
      Object noOptions = Array.newInstance(optionType, 0);
      return Optional.of(
          (MethodHandle)
              linkerType
                  .getMethod("downcallHandle", segmentType, descriptorType, noOptions.getClass())
                  .invoke(linker, symbol.get(), descriptor, noOptions));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
