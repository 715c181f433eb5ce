package io.featuresdk.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** Writes the classes of an in-memory compilation to a directory, as a user's build would. */
final class CompiledClasses {
  private static final String CLASS_OUTPUT = "CLASS_OUTPUT/";

  private CompiledClasses() {}

  /** Writes every class file of {@code compilation} under {@code directory}, by package. */
  static void writeTo(Compilation compilation, Path directory) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      Path target = directory.resolve(path.substring(path.indexOf(CLASS_OUTPUT)
          + CLASS_OUTPUT.length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
  }
}
