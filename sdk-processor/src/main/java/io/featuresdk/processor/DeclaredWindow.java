package io.featuresdk.processor;

import io.featuresdk.processor.FeatureGroupModel.WindowModel;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A valid window and where it is written, for messages about it.
 *
 * @param sizeText the size as the user wrote it, quoted in messages
 * @param slideText the slide as written; the size for a tumbling window
 * @param labelValue the explicit {@code label} member, or {@code null}
 */
record DeclaredWindow(
    WindowModel model,
    AnnotationMirror mirror,
    String sizeText,
    String slideText,
    AnnotationValue labelValue) {

  /** How the user wrote it: {@code @SlidingWindow(size = "24h", slide = "1h")}. */
  String describe() {
    String label = labelValue == null ? "" : ", label = \"" + model.label() + "\"";
    return ValidationContext.qualifiedName(mirror).equals(ValidationContext.TUMBLING)
        ? "@TumblingWindow(size = \"" + sizeText + "\"" + label + ")"
        : "@SlidingWindow(size = \"" + sizeText + "\", slide = \"" + slideText + "\"" + label + ")";
  }
}
