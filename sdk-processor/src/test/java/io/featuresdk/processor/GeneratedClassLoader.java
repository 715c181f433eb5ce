package io.featuresdk.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of an in-memory compile-testing compilation. */
final class GeneratedClassLoader extends ClassLoader {
  private static final String CLASS_OUTPUT = "CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  GeneratedClassLoader(Compilation compilation) {
    super(GeneratedClassLoader.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String binaryName = path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length(),
              path.length() - ".class".length())
          .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(binaryName, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
