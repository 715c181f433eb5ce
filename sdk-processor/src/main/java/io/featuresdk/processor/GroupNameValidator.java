package io.featuresdk.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Validates the feature group names a class renders, one per window: the {@code {window}}
 * placeholder, Hopsworks' naming rules, window labels and collisions. Every suggested fix renders
 * valid, distinct names.
 */
final class GroupNameValidator {
  private static final String PLACEHOLDER = "{window}";
  /** Labels may start with a digit ({@code 24h}); the name they are rendered into may not. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]+");

  private final ValidationContext context;

  GroupNameValidator(ValidationContext context) {
    this.context = context;
  }

  void check(TypeElement type, AnnotationMirror group, List<DeclaredWindow> windows) {
    AnnotationValue nameValue = context.value(group, "name");
    String name = (String) nameValue.getValue();
    String fallback = Names.suggest(type.getSimpleName().toString(), "features", 40);
    if (windows.size() > 1 && !name.contains(PLACEHOLDER)) {
      context.report(Messages.WINDOW_PLACEHOLDER_MISSING, type, group, nameValue,
          name, windows.size(), Names.suggest(name, fallback, 40) + "_" + PLACEHOLDER);
      return;
    }
    boolean labelsValid = true;
    for (DeclaredWindow window : windows) {
      String label = window.model().label();
      if (window.labelValue() != null && !LABEL.matcher(label).matches()) {
        context.report(Messages.WINDOW_LABEL_INVALID, type, window.mirror(), window.labelValue(),
            label, validLabel(label));
        labelsValid = false;
      }
    }
    if (!labelsValid) {
      return;
    }
    Map<String, DeclaredWindow> rendered = new HashMap<>();
    boolean nameReported = false;
    for (DeclaredWindow window : windows) {
      String groupName = name.replace(PLACEHOLDER, window.model().label());
      Optional<String> problem = Names.problem(groupName);
      if (problem.isPresent() && !nameReported) {
        context.report(Messages.GROUP_NAME_INVALID, type, group, nameValue,
            groupName, window.model().label(), problem.get(),
            suggestTemplate(name, fallback, windows));
        nameReported = true;
      }
      DeclaredWindow previous = rendered.putIfAbsent(groupName, window);
      if (previous != null) {
        context.report(Messages.WINDOW_NAME_COLLISION, type, window.mirror(), null,
            window.describe(), groupName, previous.describe(),
            distinctLabel(window, rendered.keySet(), name));
      }
    }
  }

  /** {@code label} with every character a label may not hold replaced, never empty. */
  private static String validLabel(String label) {
    String cleaned = Names.snakeCase(label).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    return cleaned.isEmpty() ? "w" : cleaned;
  }

  /**
   * A name template like {@code name} whose every rendering is a valid name: the text around
   * {@code {window}} cleaned up, a leading placeholder moved behind a prefix.
   */
  private static String suggestTemplate(
      String name, String fallback, List<DeclaredWindow> windows) {
    int longestLabel = windows.stream().mapToInt(w -> w.model().label().length()).max().orElse(0);
    int room = Names.MAX_LENGTH - longestLabel - 1;
    String marker = "zzwindowzz";
    String cleaned = Names.suggest(name.replace(PLACEHOLDER, marker), fallback, Names.MAX_LENGTH)
        .replace(marker, PLACEHOLDER);
    boolean needsPlaceholder = windows.size() > 1 || name.contains(PLACEHOLDER);
    if (!needsPlaceholder) {
      return Names.suggest(name, fallback, Names.MAX_LENGTH);
    }
    String candidate = cleaned.contains(PLACEHOLDER) ? cleaned : cleaned + "_" + PLACEHOLDER;
    if (renderAllValid(candidate, windows)) {
      return candidate;
    }
    return Names.suggest(fallback, "features", Math.max(1, room)) + "_" + PLACEHOLDER;
  }

  private static boolean renderAllValid(String template, List<DeclaredWindow> windows) {
    return windows.stream()
        .allMatch(w -> Names.isValid(template.replace(PLACEHOLDER, w.model().label())));
  }

  /** A label for {@code window} that renders a name no other window uses. */
  private static String distinctLabel(
      DeclaredWindow window, Set<String> taken, String name) {
    boolean tumbling = ValidationContext.qualifiedName(window.mirror())
        .equals(ValidationContext.TUMBLING);
    String base = validLabel(window.sizeText())
        + (tumbling ? "_tumbling" : "_every_" + validLabel(window.slideText()));
    String label = base;
    for (int i = 2; taken.contains(name.replace(PLACEHOLDER, label)); i++) {
      label = base + "_" + i;
    }
    return label;
  }
}
