package io.featuresdk.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates the Flink pipeline pieces of every {@code @FeatureGroup} class: scan, validate into a
 * {@link FeatureGroupModel} ({@link FeatureGroupValidator}), then write one file per writer.
 *
 * <p>A class whose source type does not exist yet (because another processor generates it) is
 * retried in the next round; if it is still unresolved when processing ends, that is an error.
 */
@AutoService(Processor.class)
public final class FeatureGroupProcessor extends AbstractProcessor {

  /** Qualified names, not elements: elements of one round must not be used in the next. */
  private final Set<String> deferred = new LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(FeatureGroupValidator.FEATURE_GROUP);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> types = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }
    deferred.clear();
    TypeElement annotation =
        processingEnv.getElementUtils().getTypeElement(FeatureGroupValidator.FEATURE_GROUP);
    if (annotation != null) {
      types.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
    }

    for (TypeElement type : types) {
      try {
        processType(type);
      } catch (FeatureGroupValidator.SourceNotResolvedException e) {
        if (round.processingOver()) {
          reportUnresolved(type, e.getMessage());
        } else {
          deferred.add(type.getQualifiedName().toString());
        }
      } catch (RuntimeException e) {
        reportCrash(type, e);
      }
    }
    if (round.processingOver()) {
      for (String name : deferred) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
        reportUnresolved(type, "still unresolved when processing ended");
      }
      deferred.clear();
    }
    // Never claim the annotation: other processors may want to see it too.
    return false;
  }

  private void processType(TypeElement type) {
    FeatureGroupValidator validator = new FeatureGroupValidator(
        processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
        processingEnv.getMessager(), RepeatedAnnotationLocator.create(processingEnv));
    Optional<FeatureGroupModel> model = validator.validate(type);
    if (model.isEmpty()) {
      return;
    }
    FeatureGroupModel m = model.get();
    write(type, DataClassWriter.input(m));
    write(type, SerializerWriter.input(m));
    write(type, DataClassWriter.accumulator(m));
    write(type, SerializerWriter.accumulator(m));
    write(type, SerializerWriter.row(m));
    write(type, AggregationWriter.write(m));
    write(type, AvroCodecWriter.write(m));
    write(type, FeatureGroupWriter.write(m));
  }

  private void write(Element type, JavaFile file) {
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Messages.INTERNAL_ERROR.format(type, "could not write " + file.packageName() + "."
              + file.typeSpec().name() + ": " + e), type);
    }
  }

  private void reportUnresolved(Element type, String detail) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        Messages.SOURCE_TYPE_UNRESOLVED.format(
            type == null ? "?" : type.getSimpleName(), detail), type);
  }

  private void reportCrash(Element type, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        Messages.INTERNAL_ERROR.format(type, trace), type);
  }
}
