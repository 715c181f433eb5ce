package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a primary-key feature, copied from a field of the source event. Rows are computed per
 * distinct primary key; several fields make a composite key, in declaration order.
 *
 * <pre>{@code
 * @PrimaryKey(from = "productId") String ticker;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PrimaryKey {

  /** The source event field to key by; defaults to a source field with this field's name. */
  String from() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
