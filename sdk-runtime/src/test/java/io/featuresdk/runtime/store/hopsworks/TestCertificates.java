package io.featuresdk.runtime.store.hopsworks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates made with the JDK's keytool, once per test class. */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  final Path serverKeyStore;
  final Path trustStore;
  final Path clientKeyStore;

  private TestCertificates(Path dir) throws IOException, InterruptedException {
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

  static TestCertificates create(Path dir) throws IOException, InterruptedException {
    return new TestCertificates(dir);
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
