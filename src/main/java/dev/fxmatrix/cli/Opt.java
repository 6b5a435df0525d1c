package dev.fxmatrix.cli;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One option declared with picocli's programmatic API and bound to a field: what an {@code @Option}
 * annotation says, without the reflection.
 *
 * <p>Why not annotations for the root command and its shared options: picocli reads annotations
 * through the JDK's dynamic proxies, whose classes are generated on every start, and walks every
 * field reflectively; building the root command's model so took a short run ~80 ms on a cold JVM
 * (with its class-data archive), the same model built here ~25 ms. Subcommands, built only when
 * named, keep their annotations.
 */
final class Opt {
  private final OptionSpec.Builder builder;

  private Opt(String... names) {
    this.builder = OptionSpec.builder(names);
  }

  static Opt of(String... names) {
    return new Opt(names);
  }

  Opt label(String paramLabel) {
    builder.paramLabel(paramLabel);
    return this;
  }

  Opt defaults(String defaultValue) {
    builder.defaultValue(defaultValue);
    return this;
  }

  Opt help(String description) {
    builder.description(description);
    return this;
  }

  /** A value of {@code type}, made by {@code converter} (which names the value and what is allowed when it refuses). */
  <T> OptionSpec value(Class<? super T> type, ITypeConverter<T> converter, Consumer<T> field) {
    builder.type(type).converters(converter);
    return bound(field);
  }

  /** Like {@link #value}, with {@code fallback} taken when the option is given without its value. */
  <T> OptionSpec optionalValue(Class<? super T> type, ITypeConverter<T> converter, String fallback, Consumer<T> field) {
    builder.arity("0..1").fallbackValue(fallback);
    return value(type, converter, field);
  }

  /** A value that may be given again and again, each converted on its own and kept in order. */
  <T> OptionSpec repeatable(Class<T> element, ITypeConverter<T> converter, Consumer<List<T>> field) {
    return listOf(element, converter, field);
  }

  /** A comma-separated list, converted whole; given again, its items are added (as picocli does for a list). */
  <T> OptionSpec list(Class<T> element, ITypeConverter<List<T>> converter, Consumer<List<T>> field) {
    return listOf(element, converter, field);
  }

  /** picocli adds each converted value to the list, or all of a converted list's items. */
  private <T> OptionSpec listOf(Class<T> element, ITypeConverter<?> converter, Consumer<List<T>> field) {
    builder.type(List.class).auxiliaryTypes(element).converters(converter);
    return bound(field);
  }

  /** A flag, true when given. */
  OptionSpec flag(Consumer<Boolean> field) {
    builder.type(boolean.class);
    return bound(field);
  }

  /** The standard {@code -h, --help} and {@code -V, --version}, as {@code mixinStandardHelpOptions} words them. */
  static OptionSpec help() {
    return OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build();
  }

  static OptionSpec version() {
    return OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build();
  }

  private <V> OptionSpec bound(Consumer<V> field) {
    Binding<V> binding = new Binding<>(field);
    return builder.getter(binding).setter(binding).build();
  }

  /**
   * The option's value, kept (picocli reads it back to add to a list given twice) and passed on to
   * the command's field.
   */
  private static final class Binding<V> implements IGetter, ISetter {
    private final Consumer<V> field;
    private Object value;

    Binding(Consumer<V> field) {
      this.field = field;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T newValue) {
      Object old = value;
      value = newValue;
      if (newValue != null) { // picocli resets to the initial value, which for a flag is null here
        field.accept((V) newValue);
      }
      return (T) old;
    }
  }
}
