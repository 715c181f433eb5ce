package io.featuresdk.runtime.store.hopsworks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates made with the JDK's keytool, once per test class. */
public final class TestCertificates {
  public static final String PASSWORD = "changeit";

  /** The fake Hopsworks REST server's key (names hopsworks.test and 127.0.0.1). */
  public final Path serverKeyStore;
  /** Trusts the REST server. */
  public final Path trustStore;
  /** The project user {@code demo__meb10000}'s key, as Hopsworks hands it out (JKS). */
  final Path clientKeyStore;
  private final Path dir;

  private TestCertificates(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    serverKeyStore = dir.resolve("server.p12");
    trustStore = dir.resolve("trust.p12");
    clientKeyStore = dir.resolve("client.jks");
    Path cert = dir.resolve("server.crt");
    // the certificate names hopsworks.test and 127.0.0.1, but not localhost
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=hopsworks.test", "-ext", "SAN=dns:hopsworks.test,ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", serverKeyStore.toString(),
        "-storepass", PASSWORD);
    keytool("-exportcert", "-alias", "server", "-keystore", serverKeyStore.toString(),
        "-storepass", PASSWORD, "-rfc", "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "hopsworks", "-file", cert.toString(),
        "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=demo__meb10000", "-validity", "2", "-storetype", "JKS",
        "-keystore", clientKeyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
  }

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    return new TestCertificates(dir);
  }

  /** A key pair with a self-signed certificate for {@code commonName}, in a new store. */
  Path keyStore(String name, String commonName, String type, String keyPassword)
      throws IOException, InterruptedException {
    Path store = dir.resolve(name);
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + commonName, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", type, "-keystore", store.toString(), "-storepass", PASSWORD,
        "-keypass", keyPassword);
    return store;
  }

  /** A trust store of {@code type} holding the certificates of the given key stores. */
  Path trustStoreOf(String name, String type, Path... keyStores) throws IOException, InterruptedException {
    Path store = dir.resolve(name);
    for (Path keyStore : keyStores) {
      Path cert = dir.resolve(keyStore.getFileName() + ".crt");
      String alias = keyStore.getFileName().toString();
      keytool("-exportcert", "-alias", alias.equals("client.jks") ? "client" : alias,
          "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-rfc", "-file", cert.toString());
      keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
          "-storetype", type, "-keystore", store.toString(), "-storepass", PASSWORD);
    }
    return store;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
