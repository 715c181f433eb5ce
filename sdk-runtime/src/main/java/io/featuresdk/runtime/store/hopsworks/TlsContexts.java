package io.featuresdk.runtime.store.hopsworks;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS for the REST client: the JVM's trust or a given trust store; hostname checks on by default. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * @param trustStore a JKS or PKCS12 file, or {@code null} for the JVM's default trust
   * @param hostnameVerification whether the certificate must name the host (keep it on)
   */
  static SSLContext create(Path trustStore, char[] password, boolean hostnameVerification) {
    try {
      KeyStore store = null;
      if (trustStore != null) {
        store = KeyStore.getInstance(trustStore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
          store.load(in, password);
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager trust = null;
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          trust = x509;
        }
      }
      TrustManager used = hostnameVerification ? trust : new ChainOnlyTrustManager(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {used}, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new HopsworksException(
          "cannot load the trust store " + trustStore + " (" + e.getClass().getSimpleName() + ": "
              + e.getMessage() + "): pass a JKS (.jks) or PKCS12 (.p12) file and its password", e);
    }
  }

  static SSLParameters parameters(SSLContext context, boolean hostnameVerification) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setEndpointIdentificationAlgorithm(hostnameVerification ? "HTTPS" : null);
    return parameters;
  }

  /**
   * Checks the certificate chain but not that it names the host. Java's HTTP client always asks
   * for the host check, so turning it off means not delegating the engine-aware check.
   */
  private static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    ChainOnlyTrustManager(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
