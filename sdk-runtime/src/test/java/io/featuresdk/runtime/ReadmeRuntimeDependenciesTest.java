package io.featuresdk.runtime;

import static io.featuresdk.runtime.ReadmeText.ROOT;
import static io.featuresdk.runtime.ReadmeText.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The READMEs name every library sdk-runtime brings to its users (its compile-scope dependencies
 * that are not optional), and no other.
 */
class ReadmeRuntimeDependenciesTest {
  /** The name the READMEs use for each library. */
  private static final Map<String, String> NAMES = Map.of(
      "avro", "Avro",
      "jackson-core", "Jackson",
      "jackson-databind", "Jackson",
      "datasketches-java", "DataSketches");

  @Test
  void theReadmesNameExactlyTheLibrariesUsersGet() throws Exception {
    Set<String> shipped = shippedLibraries();
    assertEquals(shipped, named(ROOT.find("(?s)and brings only (.+?) \\(about").group(1)), "root README");
    assertEquals(shipped, named(RUNTIME.find("\nOnly (.+?) comes? with this module").group(1)), "sdk-runtime README");
  }

  private static Set<String> named(String sentence) {
    Set<String> names = new TreeSet<>();
    for (String name : NAMES.values()) {
      if (sentence.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static Set<String> shippedLibraries() throws Exception {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getDocumentElement();
    Element dependencies = child(project, "dependencies");
    assertNotNull(dependencies, "sdk-runtime's pom declares dependencies");
    Set<String> names = new TreeSet<>();
    NodeList list = dependencies.getElementsByTagName("dependency");
    for (int i = 0; i < list.getLength(); i++) {
      Element dependency = (Element) list.item(i);
      String scope = text(dependency, "scope", "compile");
      if (scope.equals("compile") && !text(dependency, "optional", "false").equals("true")) {
        String artifact = text(dependency, "artifactId", null);
        String name = NAMES.get(artifact);
        assertNotNull(name, artifact + " ships with sdk-runtime: name it in both READMEs and in NAMES");
        names.add(name);
      }
    }
    return names;
  }

  private static String text(Element parent, String tag, String absent) {
    Element element = child(parent, tag);
    return element == null ? absent : element.getTextContent().strip();
  }

  private static Element child(Element parent, String tag) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(tag)) {
        return element;
      }
    }
    return null;
  }
}
