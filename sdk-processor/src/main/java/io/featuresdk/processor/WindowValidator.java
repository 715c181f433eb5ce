package io.featuresdk.processor;

import io.featuresdk.processor.FeatureGroupModel.WindowModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Validates the window annotations and the durations of a feature class: parsable, positive,
 * within a {@code long} of milliseconds, size a multiple of the slide; warns when a window spans
 * more slides than is sane.
 */
final class WindowValidator {
  /** Above this many slides per window, {@link Messages#TOO_MANY_SLIDES} names the cost. */
  static final long MAX_SLIDES_PER_WINDOW = 10_000;
  /** Slides proposed when a window has too many, smallest first. */
  private static final long[] ROUND_SLIDES = {
      1_000L, 5_000L, 10_000L, 15_000L, 30_000L, 60_000L, 300_000L, 600_000L, 900_000L,
      1_800_000L, 3_600_000L, 7_200_000L, 10_800_000L, 21_600_000L, 43_200_000L, 86_400_000L};

  private final ValidationContext context;

  WindowValidator(ValidationContext context) {
    this.context = context;
  }

  /** The valid windows in declaration order; reports the invalid ones and a missing window. */
  List<DeclaredWindow> windows(TypeElement type, AnnotationMirror group) {
    List<DeclaredWindow> windows = new ArrayList<>();
    List<AnnotationMirror> annotations = windowAnnotations(type);
    for (AnnotationMirror mirror : annotations) {
      window(type, mirror).ifPresent(windows::add);
    }
    if (annotations.isEmpty()) {
      context.report(Messages.NO_WINDOW, type, group, null, type.getSimpleName());
    }
    return windows;
  }

  private Optional<DeclaredWindow> window(TypeElement type, AnnotationMirror mirror) {
    boolean tumbling = ValidationContext.qualifiedName(mirror).equals(ValidationContext.TUMBLING);
    String sizeText = ((String) context.value(mirror, "size").getValue()).trim();
    Optional<Long> size = duration(type, mirror, "size", "Window size");
    String slideText =
        tumbling ? sizeText : ((String) context.value(mirror, "slide").getValue()).trim();
    Optional<Long> slide = tumbling ? size : duration(type, mirror, "slide", "Window slide");
    if (size.isEmpty() || slide.isEmpty()) {
      return Optional.empty();
    }
    if (size.get() % slide.get() != 0) {
      long suggested = Math.max(1, size.get() / slide.get()) * slide.get();
      context.report(Messages.SIZE_NOT_MULTIPLE_OF_SLIDE, type, mirror,
          context.value(mirror, "size"),
          sizeText, slideText, Durations.label(suggested));
      return Optional.empty();
    }
    Optional<AnnotationValue> label = context.explicit(mirror, "label");
    WindowModel model = new WindowModel(size.get(), slide.get(), size.get().equals(slide.get()),
        label.map(v -> ((String) v.getValue()).trim()).orElse(null));
    long slides = size.get() / slide.get();
    if (slides > MAX_SLIDES_PER_WINDOW) {
      context.report(Messages.TOO_MANY_SLIDES, type, mirror, context.value(mirror, "slide"),
          sizeText, slideText, slides, slides, slides, MAX_SLIDES_PER_WINDOW,
          Durations.label(roundSlide(size.get())));
    }
    return Optional.of(new DeclaredWindow(model, mirror, sizeText, slideText, label.orElse(null)));
  }

  /** The smallest round slide that divides {@code size} into at most the sane number of slides. */
  private static long roundSlide(long size) {
    for (long slide : ROUND_SLIDES) {
      if (size % slide == 0 && size / slide <= MAX_SLIDES_PER_WINDOW) {
        return slide;
      }
    }
    return size;
  }

  /** Window annotations in declaration order, looking inside the repeatable containers. */
  private List<AnnotationMirror> windowAnnotations(TypeElement type) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String name = ValidationContext.qualifiedName(mirror);
      if (name.equals(ValidationContext.SLIDING) || name.equals(ValidationContext.TUMBLING)) {
        result.add(mirror);
      } else if (name.equals(ValidationContext.SLIDING + ".List")
          || name.equals(ValidationContext.TUMBLING + ".List")) {
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> contained =
            (List<? extends AnnotationValue>) context.value(mirror, "value").getValue();
        for (int i = 0; i < contained.size(); i++) {
          AnnotationMirror item = (AnnotationMirror) contained.get(i).getValue();
          context.rememberRepeated(item, i);
          result.add(item);
        }
      }
    }
    return result;
  }

  private Optional<Long> duration(
      TypeElement type, AnnotationMirror mirror, String member, String what) {
    AnnotationValue value = context.value(mirror, member);
    String text = (String) value.getValue();
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      context.report(Messages.DURATION_UNPARSABLE, type, mirror, value, what, text);
      return Optional.empty();
    }
    if (parsed.get().isNegative() || parsed.get().isZero()) {
      context.report(Messages.DURATION_NOT_POSITIVE, type, mirror, value, what, text);
      return Optional.empty();
    }
    return inMillis(type, mirror, value, what, text, parsed.get());
  }

  /** The {@code maxOutOfOrderness} in milliseconds; 0 after reporting a problem. */
  long maxOutOfOrderness(TypeElement type, AnnotationMirror group) {
    AnnotationValue value = context.value(group, "maxOutOfOrderness");
    String text = (String) value.getValue();
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      context.report(Messages.DURATION_UNPARSABLE, type, group, value, "maxOutOfOrderness", text);
      return 0;
    }
    if (parsed.get().isNegative()) {
      context.report(Messages.NEGATIVE_OUT_OF_ORDERNESS, type, group, value, text);
      return 0;
    }
    return inMillis(type, group, value, "maxOutOfOrderness", text, parsed.get()).orElse(0L);
  }

  private Optional<Long> inMillis(TypeElement type, AnnotationMirror mirror, AnnotationValue value,
      String what, String text, Duration duration) {
    Optional<Long> millis = Durations.millis(duration);
    if (millis.isEmpty()) {
      context.report(Messages.DURATION_TOO_LONG, type, mirror, value, what, text);
    }
    return millis;
  }
}
