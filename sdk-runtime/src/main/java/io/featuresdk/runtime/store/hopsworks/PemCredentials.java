package io.featuresdk.runtime.store.hopsworks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Turns key stores and trust stores (JKS or PKCS12, with passwords) into Kafka's inline PEM
 * settings, so no store file has to exist on the task managers and no store password travels with
 * the job. Used for the project certificates of a Hopsworks-managed Kafka and for the stores of a
 * bring-your-own Kafka connector.
 */
final class PemCredentials {
  private PemCredentials() {}

  /** {@code ssl.truststore.type=PEM} and every trusted certificate of the store. */
  static Map<String, String> trustStore(byte[] store, char[] password, String what) {
    try {
      KeyStore trustStore = load(store, password);
      List<String> trusted = new ArrayList<>();
      for (String alias : Collections.list(trustStore.aliases())) {
        Certificate certificate = trustStore.getCertificate(alias);
        if (certificate != null) {
          trusted.add(pem("CERTIFICATE", certificate.getEncoded()));
        }
      }
      if (trusted.isEmpty()) {
        throw new HopsworksException("the " + what + " holds no certificate to trust");
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("ssl.truststore.type", "PEM");
      properties.put("ssl.truststore.certificates", String.join("", trusted));
      return properties;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw unreadable(what, e);
    }
  }

  /**
   * {@code ssl.keystore.type=PEM}, the first private key (unencrypted, so no key password is
   * needed later) and its certificate chain.
   *
   * @param keyPassword the key's own password; {@code null} means the store password
   */
  static Map<String, String> keyStore(byte[] store, char[] password, char[] keyPassword, String what) {
    try {
      KeyStore keyStore = load(store, password);
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Key key = keyStore.getKey(alias, keyPassword == null ? password : keyPassword);
          StringBuilder chain = new StringBuilder();
          for (Certificate certificate : keyStore.getCertificateChain(alias)) {
            chain.append(pem("CERTIFICATE", certificate.getEncoded()));
          }
          Map<String, String> properties = new LinkedHashMap<>();
          properties.put("ssl.keystore.type", "PEM");
          properties.put("ssl.keystore.key", pem("PRIVATE KEY", key.getEncoded()));
          properties.put("ssl.keystore.certificate.chain", chain.toString());
          return properties;
        }
      }
      throw new HopsworksException("the " + what + " holds no private key");
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw unreadable(what, e);
    }
  }

  /** The project's key and trust stores as Hopsworks hands them out: base64 JKS, one password. */
  static Map<String, String> projectCredentials(String keyStoreBase64, String trustStoreBase64, char[] password) {
    try {
      Map<String, String> properties = new LinkedHashMap<>(keyStore(
          Base64.getMimeDecoder().decode(keyStoreBase64), password, null, "project key store from Hopsworks"));
      properties.putAll(trustStore(
          Base64.getMimeDecoder().decode(trustStoreBase64), password, "project trust store from Hopsworks"));
      return properties;
    } catch (IllegalArgumentException e) {
      throw unreadable("project key and trust stores from Hopsworks", e);
    }
  }

  private static KeyStore load(byte[] bytes, char[] password) throws IOException, GeneralSecurityException {
    // the JDK's "JKS" key store reads both JKS and PKCS12 files (keystore.type.compat)
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(new ByteArrayInputStream(bytes), password);
    return store;
  }

  /** Names the store and the kind of failure (e.g. a wrong password), never a password. */
  private static HopsworksException unreadable(String what, Exception e) {
    // the JDK's messages name a wrong password ("password was incorrect") but never contain it
    String hint = String.valueOf(e.getMessage()).contains("password") ? ", wrong password?" : "";
    return new HopsworksException(
        "cannot read the " + what + " (" + e.getClass().getSimpleName() + hint + "): check the store "
            + "(JKS or PKCS12) and its password in Hopsworks");
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
