package io.featuresdk.runtime.store.local;

import java.nio.file.Path;
import java.util.List;

/**
 * A second process reading the online store: {@code <store> <group> <key part>...} prints the row
 * of that key, or {@code none}. Run by {@link OnlineStoreSecondProcessTest}.
 */
public final class OnlineLookupMain {
  private OnlineLookupMain() {}

  public static void main(String[] args) {
    try (OnlineStoreReader reader = OnlineStoreReader.open(Path.of(args[0]))) {
      List<String> key = List.of(args).subList(2, args.length);
      System.out.println(
          reader.readOnline(args[1], 1, key).map(Object::toString).orElse("none"));
    }
  }
}
