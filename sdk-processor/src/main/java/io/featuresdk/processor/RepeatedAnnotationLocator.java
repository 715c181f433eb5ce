package io.featuresdk.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Places diagnostics on one of several repeated annotations ({@code @SlidingWindow} written twice).
 * javac wraps them in a synthesized container that has no source position, so a message on the
 * contained mirror would land on the class. With the compiler tree API (javac only) this finds
 * the n-th written annotation of that type, and the member within it.
 */
final class RepeatedAnnotationLocator {
  private final Trees trees;
  private final Map<AnnotationMirror, Integer> indexInContainer = new IdentityHashMap<>();

  private RepeatedAnnotationLocator(Trees trees) {
    this.trees = trees;
  }

  /** A locator; without javac's tree API (e.g. in Eclipse) it never claims a message. */
  static RepeatedAnnotationLocator create(ProcessingEnvironment env) {
    try {
      return new RepeatedAnnotationLocator(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return new RepeatedAnnotationLocator(null);
    }
  }

  /** Records that {@code mirror} is the {@code index}-th annotation of a repeated container. */
  void remember(AnnotationMirror mirror, int index) {
    indexInContainer.put(mirror, index);
  }

  /** Prints the message on the written annotation; false when it cannot, so the caller must. */
  boolean printMessage(Diagnostic.Kind kind, String message, Element element,
      AnnotationMirror mirror, AnnotationValue value) {
    Integer index = mirror == null ? null : indexInContainer.get(mirror);
    if (trees == null || index == null) {
      return false;
    }
    TreePath path = trees.getPath(element);
    if (path == null) {
      return false;
    }
    String simpleName = mirror.getAnnotationType().asElement().getSimpleName().toString();
    List<AnnotationTree> written = new ArrayList<>();
    for (Tree annotation : annotationsOf(path.getLeaf())) {
      AnnotationTree tree = (AnnotationTree) annotation;
      String type = tree.getAnnotationType().toString();
      if (type.equals(simpleName) || type.endsWith("." + simpleName)) {
        written.add(tree);
      }
    }
    if (index >= written.size()) {
      return false;
    }
    AnnotationTree annotation = written.get(index);
    Tree target = annotation;
    String member = value == null ? null : memberName(mirror, value);
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable().toString().equals(member)) {
        target = assignment.getExpression();
      }
    }
    trees.printMessage(kind, message, target, path.getCompilationUnit());
    return true;
  }

  private static List<? extends Tree> annotationsOf(Tree declaration) {
    if (declaration instanceof com.sun.source.tree.ClassTree type) {
      return type.getModifiers().getAnnotations();
    }
    return List.of();
  }

  private static String memberName(AnnotationMirror mirror, AnnotationValue value) {
    return mirror.getElementValues().entrySet().stream()
        .filter(e -> e.getValue() == value)
        .map(e -> e.getKey().getSimpleName().toString())
        .findFirst()
        .orElse(null);
  }
}
