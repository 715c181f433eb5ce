package io.featuresdk.annotations;

/** A stand-in @Sum without its value() member, which makes the processor crash. */
public @interface Sum {
  String name() default "";
}
