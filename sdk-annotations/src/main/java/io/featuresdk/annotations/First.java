package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of a source field in the window's earliest event by event time; of events with equal time, the one that arrived first.
 *
 * <pre>{@code
 * @First("price") double open;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface First {

  /** The source event field to aggregate. */
  String value();

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
