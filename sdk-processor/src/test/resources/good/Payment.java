package test;

/** A card payment: a Flink POJO (public fields, public no-argument constructor). */
public class Payment {
  public String card;
  public double amount;
  public Double tip;
  public long timeMillis;

  public Payment() {}
}
