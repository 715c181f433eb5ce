package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A feature computed from the other features of the same row by an instance method of the feature
 * class, called when the row is built, after every key, window and aggregate feature is set and
 * after the derived features declared before this one. The method takes no arguments and returns
 * the field's type; it is a column of the schema like any other feature.
 *
 * <pre>{@code
 * @Sum("notional") Double notional;
 * @Sum("size") Double volume;
 * @Derived("vwap") Double vwap;
 *
 * Double vwap() {
 *   return notional == null || volume == null || volume == 0 ? null : notional / volume;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Derived {

  /** The name of the no-argument instance method of the feature class that computes the value. */
  String value();

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
