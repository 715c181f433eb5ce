package test;

/** A trade quote as a Flink POJO (public fields, no-argument constructor), event time in millis. */
public class Quote {
  public String product;
  public double price;
  public Double size;
  public boolean buy;
  public Boolean flagged;
  public long timeMillis;

  public Quote() {}
}
