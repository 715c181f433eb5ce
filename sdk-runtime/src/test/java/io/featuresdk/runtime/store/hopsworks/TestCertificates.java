package io.featuresdk.runtime.store.hopsworks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
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
    // the certificate names hopsworks.test and 127.0.0.1, but not localhost
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=hopsworks.test", "-ext", "SAN=dns:hopsworks.test,ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", serverKeyStore.toString(),
        "-storepass", PASSWORD);
    trustStoreOf("trust.p12", "PKCS12", serverKeyStore);
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

  /**
   * A trust store of {@code type} holding the certificates of the given key stores; written with
   * the JDK's KeyStore API, as a keytool process per certificate costs seconds on a busy machine.
   */
  Path trustStoreOf(String name, String type, Path... keyStores) throws IOException {
    Path store = dir.resolve(name);
    try {
      KeyStore trust = KeyStore.getInstance(type);
      trust.load(null, null);
      for (Path keyStore : keyStores) {
        KeyStore source = KeyStore.getInstance("JKS"); // reads JKS and PKCS12
        try (InputStream in = Files.newInputStream(keyStore)) {
          source.load(in, PASSWORD.toCharArray());
        }
        for (String alias : Collections.list(source.aliases())) {
          trust.setCertificateEntry(keyStore.getFileName() + "-" + alias, source.getCertificate(alias));
        }
      }
      try (OutputStream out = Files.newOutputStream(store)) {
        trust.store(out, PASSWORD.toCharArray());
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write trust store " + store, e);
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
