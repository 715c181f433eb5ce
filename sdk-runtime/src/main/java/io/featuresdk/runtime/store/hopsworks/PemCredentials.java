package io.featuresdk.runtime.store.hopsworks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the project's client key store and trust store that Hopsworks hands out (base64 JKS plus one
 * password) into Kafka's inline PEM settings, so no store file has to exist on the task managers.
 */
final class PemCredentials {
  private PemCredentials() {}

  /** Producer settings {@code ssl.keystore.*} and {@code ssl.truststore.*} of type PEM; all secret. */
  static Map<String, String> kafkaProperties(String keyStoreBase64, String trustStoreBase64, char[] password) {
    try {
      KeyStore keyStore = load(keyStoreBase64, password);
      KeyStore trustStore = load(trustStoreBase64, password);
      String alias = null;
      for (String candidate : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(candidate)) {
          alias = candidate;
          break;
        }
      }
      if (alias == null) {
        throw new HopsworksException("the project key store from Hopsworks holds no private key");
      }
      Key key = keyStore.getKey(alias, password);
      StringBuilder chain = new StringBuilder();
      for (Certificate certificate : keyStore.getCertificateChain(alias)) {
        chain.append(pem("CERTIFICATE", certificate.getEncoded()));
      }
      List<String> trusted = new ArrayList<>();
      for (String candidate : Collections.list(trustStore.aliases())) {
        Certificate certificate = trustStore.getCertificate(candidate);
        if (certificate != null) {
          trusted.add(pem("CERTIFICATE", certificate.getEncoded()));
        }
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("ssl.keystore.type", "PEM");
      properties.put("ssl.keystore.key", pem("PRIVATE KEY", key.getEncoded()));
      properties.put("ssl.keystore.certificate.chain", chain.toString());
      properties.put("ssl.truststore.type", "PEM");
      properties.put("ssl.truststore.certificates", String.join("", trusted));
      return properties;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new HopsworksException(
          "cannot read the project key and trust stores Hopsworks returned ("
              + e.getClass().getSimpleName() + "); check the project's certificates in Hopsworks");
    }
  }

  private static KeyStore load(String base64, char[] password) throws IOException, GeneralSecurityException {
    byte[] bytes = Base64.getMimeDecoder().decode(base64);
    // JKS keystores load through the JDK's dual-format keystore whichever type they are
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(new ByteArrayInputStream(bytes), password);
    return store;
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
